import { SHELL_BASE } from '@/app/paths';

/** Where the cleaning screens live in each shell (the notifications link to `…/cleaning/:id` too). */
export const staffPaths = {
  list: `${SHELL_BASE.admin}/cleaning`,
  new: `${SHELL_BASE.admin}/cleaning/new`,
  detail: (id: number) => `${SHELL_BASE.admin}/cleaning/${id}`,
  edit: (id: number) => `${SHELL_BASE.admin}/cleaning/${id}/edit`,
};

export const workerPaths = {
  today: `${SHELL_BASE.worker}/cleaning`,
  detail: (id: number) => `${SHELL_BASE.worker}/cleaning/${id}`,
};

export const clientPaths = {
  list: `${SHELL_BASE.client}/cleaning`,
  detail: (id: number) => `${SHELL_BASE.client}/cleaning/${id}`,
};
