/**
 * A user's name by id as a scalar sub-select (NULL for a NULL id). A detail names the people on its few
 * rows (who started, ended, corrected a time log; who changed a status): one primary-key probe per name is
 * cheaper for PostgreSQL than joining the users table once per role, which it plans as a hash of every
 * user per join (the job detail's time logs joined users four times).
 */
export function userName(idColumn: string): string {
  return `(SELECT name FROM users WHERE id = ${idColumn})`;
}
