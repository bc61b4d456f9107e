import { z } from 'zod';
import { Setting, UpdateSettingsBody } from '../../contracts/settings.js';
import { route, type Routes } from '../../http/endpoint.js';
import { pageOfArray, WholeListQuery } from '../../lib/paging.js';
import type { SettingsService } from './settings.service.js';

const TAGS = ['Settings'];

export function settingsRoutes(routes: Routes, { settings }: { settings: SettingsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/settings',
      summary: 'Every setting with its current value, default and version',
      tags: TAGS,
      access: ['master', 'admin'],
      query: WholeListQuery,
      response: Setting,
      list: true,
    },
    async ({ query }) => pageOfArray(await settings.list(), query),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/settings',
      summary: 'Change one or more settings at once (each with the version you read)',
      tags: TAGS,
      access: ['master'],
      body: UpdateSettingsBody,
      response: z.array(Setting),
      errors: { 409: 'VERSION_CONFLICT — details.currentVersions lists the keys that moved on.' },
    },
    ({ body, actor }) => settings.update(actor!, body),
  );
}
