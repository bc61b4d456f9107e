import { Business, BUSINESS_LOGO_LIMITS, PublicBusiness, RemoveBusinessLogoQuery, UpdateBusinessBody, UploadBusinessLogoForm } from '../../contracts/business.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { multipartUpload } from '../../http/middleware/upload.js';
import { notFound } from '../../lib/app-error.js';
import type { BusinessService } from './business.service.js';

const TAGS = ['Business'];
const STAFF = ['master', 'admin'] as const;

export function businessRoutes(routes: Routes, { business, uploadTmpDir }: { business: BusinessService; uploadTmpDir: string }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/business',
      summary: "The business's public identity: name, address, phone, e-mail, logo",
      description: 'For the landing page before sign-in and every screen title. The legal name and NIF are for staff (`/api/business/details`).',
      tags: TAGS,
      access: 'public',
      response: PublicBusiness,
    },
    () => business.publicView(),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/business/details',
      summary: "The business's whole identity with its version (to edit it)",
      tags: TAGS,
      access: STAFF,
      response: Business,
    },
    () => business.view(),
  );

  route(
    routes,
    {
      method: 'put',
      path: '/api/business',
      summary: "Replace the business's identity (name, legal name, address, NIF, phone, e-mail)",
      description: 'The whole identity with the version read. The NIF is checked (check digit); the phone is stored in E.164. Audited with its values.',
      tags: TAGS,
      access: ['master'],
      body: UpdateBusinessBody,
      response: Business,
      errors: { 400: 'VALIDATION_FAILED', 409: 'VERSION_CONFLICT — someone else changed it meanwhile; read it again.' },
    },
    ({ actor, body }) => business.update(actor!, body),
  );

  const upload = multipartUpload({ field: 'logo', tmpRoot: uploadTmpDir, limits: { files: 1, fileSize: BUSINESS_LOGO_LIMITS.bytes, fields: 2, fieldSize: 64 } });

  route(
    routes,
    {
      method: 'put',
      path: '/api/business/logo',
      summary: "Replace the business's logo (multipart)",
      description:
        'Field `logo`: a PNG or JPEG (checked from its bytes; SVG is not accepted), at most 2 MB. It is re-encoded as a PNG of at most 512 px ' +
        '(metadata dropped) and kept under DATA_DIR. Field `version`: the identity’s version as read.',
      tags: TAGS,
      access: ['master'],
      body: UploadBusinessLogoForm,
      bodyContentType: 'multipart/form-data',
      response: Business,
      before: [upload],
      errors: {
        400: 'NO_FILES, BATCH_LIMIT_EXCEEDED, MALFORMED_MULTIPART, MULTIPART_LIMIT_EXCEEDED, UNEXPECTED_FILE_FIELD, REQUEST_ABORTED, VALIDATION_FAILED',
        409: 'VERSION_CONFLICT',
        413: 'FILE_TOO_LARGE (over 2 MB)',
        415: 'UNSUPPORTED_MEDIA_TYPE (only PNG and JPEG)',
        422: 'IMAGE_TOO_LARGE, INVALID_IMAGE',
        503: 'STORAGE_UNAVAILABLE — nothing was changed.',
      },
    },
    ({ actor, body, req }) => {
      const file = (req.files as Express.Multer.File[] | undefined)?.[0];
      return business.setLogo(actor!, file && { path: file.path }, body.version);
    },
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/business/logo',
      summary: "Remove the business's logo (the built-in mark is shown again)",
      tags: TAGS,
      access: ['master'],
      query: RemoveBusinessLogoQuery,
      response: Business,
      errors: { 409: 'VERSION_CONFLICT' },
    },
    ({ actor, query }) => business.removeLogo(actor!, query.version),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/business/logo',
      summary: "The business's logo (PNG)",
      tags: TAGS,
      access: 'public',
      rawResponse: { contentType: 'image/png', description: 'The logo; its address changes with each new logo, so it may be cached.' },
      errors: { 404: 'NOT_FOUND — no logo uploaded.' },
    },
    async ({ req, res }) => {
      const logo = await business.logo();
      if (!logo) throw notFound('No logo uploaded.');
      res.setHeader('Content-Type', 'image/png');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'");
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.setHeader('ETag', logo.etag);
      if (req.get('if-none-match') === logo.etag) {
        res.status(304).end();
        return RESPONDED;
      }
      res.setHeader('Content-Length', String(logo.bytes.length));
      res.status(200).end(logo.bytes);
      return RESPONDED;
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/manifest.webmanifest',
      summary: "The installed app's manifest, named after the business",
      tags: TAGS,
      access: 'public',
      rawResponse: { contentType: 'application/manifest+json', description: 'The web app manifest.' },
    },
    async ({ res }) => {
      const manifest = await business.manifest();
      res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.status(200).end(JSON.stringify(manifest));
      return RESPONDED;
    },
  );
}
