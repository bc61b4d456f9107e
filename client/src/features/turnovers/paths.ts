import { SHELL_BASE } from '@/app/paths';

/** Where the turnover screens live. */
export const templatePaths = {
  list: `${SHELL_BASE.admin}/checklists`,
  new: `${SHELL_BASE.admin}/checklists/new`,
  detail: (id: number) => `${SHELL_BASE.admin}/checklists/${id}`,
};

export const propertyPaths = {
  staff: (id: number) => `${SHELL_BASE.admin}/properties/${id}`,
  client: (id: number) => `${SHELL_BASE.client}/properties/${id}`,
};

export const turnoversWeekPath = `${SHELL_BASE.admin}/turnovers`;
