// Preloaded into the server under test by the bench (`node --import ./scripts/bench/count-statements.mjs
// dist/main.js`, with an IPC channel): counts every statement any pg client of the process sends —
// the repositories, the session store, transactions and their BEGIN/COMMIT, as the query-count test
// counts them — and answers the bench's `{ statements: true }` message with the running total, so the
// bench can print statements per request. Never loaded by `npm start`.
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  // The job queue's own polling (pg-boss, schema pgboss) runs whatever the load and is no request's cost.
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
  if (!text?.includes('pgboss.')) statements += 1;
  return query.apply(this, args);
};

if (process.send) {
  process.on('message', (message) => {
    if (message && message.statements) process.send({ statements });
  });
  // The channel must not keep the server alive once it has shut down its own handles.
  process.channel?.unref();
}
