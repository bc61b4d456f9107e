/**
 * A request URL as it may be logged (issue 16 §5): the path, and a query string whose values are shown
 * only for parameters that cannot hold personal data (paging, sorting, enumerations, periods, numeric
 * ids). Every other value — a search, a free-text filter, an opaque cursor that may carry the last row's
 * name, a parameter nobody declared — is replaced by `***`, so a NIF or a phone typed in a search box
 * never reaches a log line.
 */
const DATE_LIKE = /^[0-9]{4}-[0-9]{2}(-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?)?$/;
const SMALL_NUMBER = /^[0-9]{1,6}$/;
/** An enumeration value or a sort key as the API spells them (`pending,ready`, `-createdAt`, `true`). */
const WORD_LIST = /^-?[a-z][a-zA-Z_]{0,30}(,[a-z][a-zA-Z_]{0,30}){0,10}$/;
const NUMERIC_ID = /^[0-9]{1,15}$/;

/** Parameters whose values are shown, each with the only shape shown: anything else typed there is masked. */
const SHOWN_PARAMETERS = new Map<string, RegExp>(Object.entries({
  limit: SMALL_NUMBER,
  offset: SMALL_NUMBER,
  year: SMALL_NUMBER,
  quarter: SMALL_NUMBER,
  version: SMALL_NUMBER,
  from: DATE_LIKE,
  to: DATE_LIKE,
  month: DATE_LIKE,
  sort: WORD_LIST,
  role: WORD_LIST,
  active: WORD_LIST,
  includeInactive: WORD_LIST,
  status: WORD_LIST,
  method: WORD_LIST,
  serviceLine: WORD_LIST,
  kind: WORD_LIST,
  voided: WORD_LIST,
  priority: WORD_LIST,
  unassigned: WORD_LIST,
  stage: WORD_LIST,
  format: WORD_LIST,
  jobType: WORD_LIST,
  photoType: WORD_LIST,
  unread: WORD_LIST,
  actorType: WORD_LIST,
  locale: WORD_LIST,
  outcome: WORD_LIST,
}));
export const MASK = '***';

export function loggableUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      const isId = /^[a-z]+Id$/.test(name);
      // A parameter's name is shown when it is a plain identifier (`search`), not a value typed as a name.
      const known = /^[A-Za-z][A-Za-z0-9_]{0,30}$/.test(name);
      const shape = isId ? NUMERIC_ID : SHOWN_PARAMETERS.get(name);
      const shown = shape?.test(value) ?? false;
      return `${known ? name : MASK}=${shown ? value : MASK}`;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
}
