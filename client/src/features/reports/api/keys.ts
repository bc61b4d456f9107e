/** Every report query key starts here: a payment or a correction elsewhere refreshes them all at once. */
export const reportsKeys = {
  all: ['reports'] as const,
  report: (name: string, params: object) => [...reportsKeys.all, name, params] as const,
};
