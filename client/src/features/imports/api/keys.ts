/** Query keys of the imports screens: a change to one import refreshes its rows and the history. */
export const importKeys = {
  all: ['imports'] as const,
  one: (id: number) => ['imports', id] as const,
  rows: (id: number, outcome: string, offset: number) => ['imports', id, 'rows', outcome, offset] as const,
  history: ['imports', 'history'] as const,
};
