import { Router as createRouter, type Request, type Response, type Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { AppError, forbidden, unauthenticated } from '../lib/app-error.js';
import { listBody, successBody, type ListMeta } from '../lib/envelope.js';
import type { Actor } from '../lib/request-context.js';
import { ErrorEnvelopeSchema, listEnvelope, successEnvelope } from './openapi/registry.js';
import { unstorableTextError, validationError } from './validation.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type RoleName = Actor['role'];

/**
 * Who may call an endpoint. The route table built from these is what the RBAC matrix test walks, so a
 * route cannot exist without a rule.
 */
export type Access = 'public' | 'authenticated' | readonly RoleName[];

export interface EndpointSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Express path, e.g. `/api/users/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  /** The few routes a `must_change_password` account may still call. */
  allowDuringPasswordChange?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** How the body travels (documentation): JSON unless the route parses uploads. */
  bodyContentType?: 'application/json' | 'multipart/form-data';
  /** Schema of `data` in the success envelope (documentation). */
  response?: z.ZodType;
  /** The success answer is a list with paging `_meta`. */
  list?: boolean;
  status?: number;
  /** Documented error answers: status → description (codes listed). */
  errors?: Record<number, string>;
  /** Non-JSON success content (files): content type → description. */
  rawResponse?: { contentType: string; description: string };
  /** Middleware to run after authorization and before validation (e.g. an upload parser). */
  before?: RequestHandler[];
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor | undefined;
  req: Request;
  res: Response;
}

export interface ListResult<T> {
  items: T[];
  page: Omit<ListMeta, 'count'>;
}

/** Marks a handler that wrote the response itself (files, redirects, 204s). */
export const RESPONDED = Symbol('responded');

export type HandlerResult = unknown;

export interface RouteEntry {
  method: Method;
  path: string;
  access: Access;
  allowDuringPasswordChange: boolean;
  summary: string;
  /** Answers the list envelope (PRODUCT §6, ADR 0001). */
  list: boolean;
  /** Declares a bare array as its `data`: never allowed (a list answers the list envelope). */
  bareArray: boolean;
}

const PASSWORD_CHANGE_REQUIRED = () =>
  new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'Change your password before doing anything else.');

function authorize(spec: EndpointSpec, actor: Actor | undefined, mustChangePassword: boolean): void {
  if (spec.access === 'public') return;
  if (!actor) throw unauthenticated();
  if (mustChangePassword && !spec.allowDuringPasswordChange) throw PASSWORD_CHANGE_REQUIRED();
  if (spec.access === 'authenticated') return;
  if (!spec.access.includes(actor.role)) throw forbidden();
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: 'params' | 'query' | 'body'): z.output<T> {
  const unstorable = unstorableTextError(value, where);
  if (unstorable) throw unstorable;
  if (!schema) return value as z.output<T>;
  const result = schema.safeParse(value ?? (where === 'body' ? {} : value));
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function documentedErrors(spec: EndpointSpec): Record<number, string> {
  const errors: Record<number, string> = { ...(spec.errors ?? {}) };
  if (spec.params || spec.query || spec.body) errors[400] ??= 'VALIDATION_FAILED — the request did not match the schema.';
  if (spec.access !== 'public') {
    errors[401] ??= 'UNAUTHENTICATED — sign in first.';
    errors[403] ??= 'FORBIDDEN or PASSWORD_CHANGE_REQUIRED.';
  }
  return errors;
}

function register(registry: OpenAPIRegistry, spec: EndpointSpec): void {
  const responses: Record<string, unknown> = {};
  const status = spec.status ?? 200;
  if (spec.rawResponse) {
    responses[status] = {
      description: spec.rawResponse.description,
      content: { [spec.rawResponse.contentType]: { schema: z.string().meta({ format: 'binary' }) } },
    };
  } else if (status === 204) {
    responses[204] = { description: 'Done; no content.' };
  } else {
    const data = spec.response ?? z.unknown();
    responses[status] = {
      description: 'Success',
      content: { 'application/json': { schema: spec.list ? listEnvelope(data) : successEnvelope(data) } },
    };
  }
  for (const [code, description] of Object.entries(documentedErrors(spec))) {
    responses[code] = { description, content: { 'application/json': { schema: ErrorEnvelopeSchema } } };
  }
  const accessNote =
    spec.access === 'public'
      ? 'Public.'
      : spec.access === 'authenticated'
        ? 'Any signed-in account.'
        : `Roles: ${spec.access.join(', ')}.`;
  registry.registerPath({
    method: spec.method,
    path: toOpenApiPath(spec.path),
    summary: spec.summary,
    description: [spec.description, accessNote].filter(Boolean).join('\n\n'),
    tags: spec.tags,
    security: spec.access === 'public' ? [] : [{ sessionCookie: [] }],
    request: {
      params: spec.params as never,
      query: spec.query as never,
      body: spec.body ? { content: { [spec.bodyContentType ?? 'application/json']: { schema: spec.body } }, required: true } : undefined,
    },
    responses: responses as never,
  });
}

export interface Routes {
  router: Router;
  registry: OpenAPIRegistry;
  table: RouteEntry[];
}

/**
 * Declares an endpoint once: its authorization, its validation, its OpenAPI entry and its place in the
 * route table all come from the same spec. The handler receives parsed input and returns `data`
 * (or a `ListResult` for lists); the envelope is added here.
 */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  routes: Routes,
  spec: EndpointSpec<P, Q, B>,
  handler: (input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<HandlerResult> | HandlerResult,
): void {
  register(routes.registry, spec as EndpointSpec);
  routes.table.push({
    method: spec.method,
    path: spec.path,
    access: spec.access,
    allowDuringPasswordChange: Boolean(spec.allowDuringPasswordChange),
    summary: spec.summary,
    list: Boolean(spec.list),
    bareArray: spec.method === 'get' && spec.response instanceof z.ZodArray,
  });

  const guard: RequestHandler = (req, res, next) => {
    // The route's template for the metrics: once an error leaves a sub-router, Express has already put
    // `req.baseUrl` back, so the template cannot be rebuilt from the request when the answer is sent.
    res.locals.routeTemplate = spec.path;
    authorize(spec as EndpointSpec, req.actor, Boolean(req.session?.auth?.mustChangePassword));
    next();
  };

  const run: RequestHandler = async (req, res) => {
    const params = parse(spec.params, req.params, 'params');
    const query = parse(spec.query, req.query, 'query');
    const body = parse(spec.body, req.body, 'body');
    const result = await handler({ params, query, body, actor: req.actor, req, res });
    if (result === RESPONDED || res.headersSent) return;
    const status = spec.status ?? 200;
    if (status === 204) {
      res.status(204).end();
      return;
    }
    const correlationId = res.locals.correlationId as string;
    if (spec.list) {
      const { items, page } = result as ListResult<unknown>;
      res.status(status).json(listBody(items, { ...page, count: items.length }, correlationId));
      return;
    }
    // A list answers the list envelope with its paging figures (PRODUCT §6): a bare array is a route bug.
    if (spec.method === 'get' && Array.isArray(result)) throw new Error(`${spec.method.toUpperCase()} ${spec.path} answered a bare array; declare it a list`);
    res.status(status).json(successBody(result, correlationId));
  };

  const { router, path } = groupFor(routes.router, spec.path);
  router[spec.method](path, guard, ...(spec.before ?? []), run);
}

/** Each router's sub-routers by path prefix (`/api/laundry-orders`). */
const groups = new WeakMap<Router, Map<string, Router>>();

/**
 * Routes are grouped by their first two path segments into sub-routers, so a request is matched against
 * the handful of routes of its own resource instead of walking all hundred in declaration order (a walk
 * that cost more than the route itself did). A path whose second segment is a parameter stays on the
 * main router.
 */
function groupFor(main: Router, fullPath: string): { router: Router; path: string } {
  const prefix = /^\/[^/:]+\/[^/:]+/.exec(fullPath)?.[0];
  if (!prefix) return { router: main, path: fullPath };
  let byPrefix = groups.get(main);
  if (!byPrefix) groups.set(main, (byPrefix = new Map()));
  let sub = byPrefix.get(prefix);
  if (!sub) {
    sub = createRouter({ mergeParams: true });
    byPrefix.set(prefix, sub);
    main.use(prefix, sub);
  }
  return { router: sub, path: fullPath.slice(prefix.length) || '/' };
}
