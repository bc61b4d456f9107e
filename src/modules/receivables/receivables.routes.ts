import { z } from 'zod';
import { commaSeparated } from '../../contracts/query-params.js';
import { ReceivableDocument, ReceivablesSummary, ReceivableStage } from '../../contracts/receivables.js';
import { route, type Routes } from '../../http/endpoint.js';
import { idParam, pagingQuery } from '../../lib/paging.js';
import type { ReceivablesService } from './receivables.service.js';

const READERS = ['master', 'admin', 'client'] as const;
const TAGS = ['Receivables'];

const scopeFields = { clientId: idParam.optional().meta({ description: 'Staff: one client only. Ignored for a client, who always sees their own.' }) };
const ListQuery = pagingQuery(['datedAt', 'balance'], 'datedAt').extend({ ...scopeFields, stage: commaSeparated(ReceivableStage, 'stage') });
const SummaryQuery = z.object(scopeFields);

const DEFINITION =
  'Outstanding = total − paid for every priced document not cancelled (laundry orders, completed cleaning jobs), less the ' +
  "client's credit (deposits on jobs not priced yet, overpayments); accrued (collected, delivered, completed) and in progress apart.";

export function receivablesRoutes(routes: Routes, { receivables }: { receivables: ReceivablesService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/receivables',
      summary: 'The documents that make up the outstanding (the unpaid list, with credits as negative balances)',
      description: `${DEFINITION} The balances of the whole list add up to the summary's balanceCents.`,
      tags: TAGS,
      access: READERS,
      query: ListQuery,
      response: ReceivableDocument,
      list: true,
      errors: { 400: 'VALIDATION_FAILED, INVALID_CURSOR, INVALID_PAGING' },
    },
    ({ actor, query }) => {
      const { limit, offset, cursor, sort, clientId, stage } = query;
      return receivables.list(actor!, { clientId, stage }, { limit, offset, cursor, sort });
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/receivables/summary',
      summary: 'The outstanding, split into accrued, in progress and credit',
      description: DEFINITION,
      tags: TAGS,
      access: READERS,
      query: SummaryQuery,
      response: ReceivablesSummary,
    },
    ({ actor, query }) => receivables.summary(actor!, query.clientId),
  );
}
