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

/** Where a turnover's report is read: the client's list and page, staff's page, and a shared link. */
export const reportPaths = {
  clientList: `${SHELL_BASE.client}/reports`,
  client: (jobId: number) => `${SHELL_BASE.client}/reports/${jobId}`,
  staff: (jobId: number) => `${SHELL_BASE.admin}/cleaning/${jobId}/report`,
  shared: (token: string) => `/r/${token}`,
};
