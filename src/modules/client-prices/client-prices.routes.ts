import { z } from 'zod';
import { ClientPrice, CreateClientPriceBody, UpdateClientPriceBody } from '../../contracts/client-prices.js';
import { route, type Routes } from '../../http/endpoint.js';
import { IdParams, idParam, WholeListQuery } from '../../lib/paging.js';
import type { ClientPricesService } from './client-prices.service.js';

const TAGS = ['Clients'];
const STAFF = ['master', 'admin'] as const;
const PriceParams = z.object({ id: idParam, priceId: idParam });
const BAD_PRICE = 'VALIDATION_FAILED, PRICE_NOT_POSITIVE, PRICE_PERIOD_OVERLAP';

export function clientPricesRoutes(routes: Routes, { clientPrices }: { clientPrices: ClientPricesService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/prices',
      summary: "A client's own prices (laundry services and the cleaning hour) with their validity",
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      query: WholeListQuery,
      response: ClientPrice,
      list: true,
      errors: { 404: 'NOT_FOUND' },
    },
    ({ params, query }) => clientPrices.list(params.id, query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/clients/:id/prices',
      summary: 'Give a client their own price for a laundry service or the cleaning hour',
      description: 'Valid on the Lisbon days from validFrom to validTo (inclusive; open-ended without validTo). Work priced on those days uses it.',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: CreateClientPriceBody,
      response: ClientPrice,
      status: 201,
      errors: { 400: `${BAD_PRICE}, SERVICE_REQUIRED, SERVICE_NOT_ALLOWED, UNKNOWN_SERVICE`, 404: 'NOT_FOUND' },
    },
    ({ params, body, actor }) => clientPrices.create(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/clients/:id/prices/:priceId',
      summary: "Change a client's price or its validity (work already priced keeps its price)",
      tags: TAGS,
      access: STAFF,
      params: PriceParams,
      body: UpdateClientPriceBody,
      response: ClientPrice,
      errors: { 400: BAD_PRICE, 404: 'NOT_FOUND', 409: 'STALE_VERSION' },
    },
    ({ params, body }) => clientPrices.update(params.id, params.priceId, body),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/clients/:id/prices/:priceId',
      summary: "Remove a client's price (work already priced keeps its price)",
      tags: TAGS,
      access: STAFF,
      params: PriceParams,
      status: 204,
      errors: { 404: 'NOT_FOUND' },
    },
    async ({ params }) => {
      await clientPrices.remove(params.id, params.priceId);
    },
  );
}
