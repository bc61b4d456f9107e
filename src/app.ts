import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Config } from './config/config.js';
import type { Db, Queryable } from './db/pool.js';
import type { Logger } from './lib/logger.js';
import type { Clock } from './lib/clock.js';
import type { RouteEntry, Routes } from './http/endpoint.js';
import { createRegistry } from './http/openapi/registry.js';
import { createSessionStore, type SessionStore } from './http/middleware/session.js';
import { mountPipeline } from './http/pipeline.js';
import { healthRoutes, type Readiness } from './http/health.routes.js';
import { createMetrics, metricsRoutes, type Metrics } from './http/metrics.js';
import { createAuthRepository } from './modules/auth/auth.repository.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createLoginThrottle } from './modules/auth/login-throttle.js';
import { createPasswordHasher } from './modules/auth/password.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createFieldCipher } from './lib/field-crypto.js';
import type { JobDefinition } from './jobs/job-queue.js';
import { applicationJobs } from './jobs/definitions.js';
import { createMaintenance } from './jobs/maintenance.js';
import { createAuditRepository } from './modules/audit/audit.repository.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createNotificationsRepository } from './modules/notifications/notifications.repository.js';
import { createNotificationsService, type JobSender, type NotificationsService } from './modules/notifications/notifications.service.js';
import { createMailTransport } from './modules/notifications/mail-transport.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import type { PushService } from './modules/push/push.service.js';
import { setUpPush } from './modules/push/push.setup.js';
import { pushRoutes } from './modules/push/push.routes.js';
import { createUsersRepository } from './modules/users/users.repository.js';
import { createUsersService } from './modules/users/users.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { createPasswordResetRepository } from './modules/users/password-reset.repository.js';
import { createPasswordResetService } from './modules/users/password-reset.service.js';
import { passwordResetRoutes } from './modules/users/password-reset.routes.js';
import { createClientsRepository } from './modules/clients/clients.repository.js';
import { createClientsService } from './modules/clients/clients.service.js';
import { clientsRoutes } from './modules/clients/clients.routes.js';
import { createPropertiesRepository } from './modules/properties/properties.repository.js';
import { createPropertiesService } from './modules/properties/properties.service.js';
import { propertiesRoutes } from './modules/properties/properties.routes.js';
import { createSettingsRepository } from './modules/settings/settings.repository.js';
import { createSettingsService } from './modules/settings/settings.service.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { createBusinessRepository } from './modules/business/business.repository.js';
import { createBusinessService } from './modules/business/business.service.js';
import { businessRoutes } from './modules/business/business.routes.js';
import { createGdprService, type GdprContributor } from './modules/gdpr/gdpr.service.js';
import { gdprRoutes } from './modules/gdpr/gdpr.routes.js';
import { createLaundryRepository } from './modules/laundry/laundry.repository.js';
import { createLaundryService } from './modules/laundry/laundry.service.js';
import { laundryRoutes } from './modules/laundry/laundry.routes.js';
import { createLaundryFloorRepository } from './modules/laundry/laundry-floor.repository.js';
import { createLaundryFloorService } from './modules/laundry/laundry-floor.service.js';
import { laundryFloorRoutes } from './modules/laundry/laundry-floor.routes.js';
import { createLaundryConditionRepository } from './modules/laundry/laundry-condition.repository.js';
import { createLaundryConditionService } from './modules/laundry/laundry-condition.service.js';
import { laundryConditionRoutes } from './modules/laundry/laundry-condition.routes.js';
import { createPhotoFiles } from './modules/photos/photo-files.js';
import { createPaymentsRepository, summaryColumns, type SummaryColumns } from './modules/payments/payments.repository.js';
import { createPaymentsService } from './modules/payments/payments.service.js';
import { paymentsRoutes } from './modules/payments/payments.routes.js';
import { createReceiptsRepository } from './modules/receipts/receipts.repository.js';
import { createReceiptsService } from './modules/receipts/receipts.service.js';
import { receiptsRoutes } from './modules/receipts/receipts.routes.js';
import { createClientPaymentsRepository } from './modules/client-payments/client-payments.repository.js';
import { createClientPaymentsService } from './modules/client-payments/client-payments.service.js';
import { clientPaymentsRoutes } from './modules/client-payments/client-payments.routes.js';
import { createTicketsRepository } from './modules/tickets/tickets.repository.js';
import { createTicketsService } from './modules/tickets/tickets.service.js';
import { ticketsRoutes } from './modules/tickets/tickets.routes.js';
import { createReportsRepository } from './modules/reports/reports.repository.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { createDashboardRepository } from './modules/dashboard/dashboard.repository.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { createReceivablesRepository } from './modules/receivables/receivables.repository.js';
import { createReceivablesService } from './modules/receivables/receivables.service.js';
import { receivablesRoutes } from './modules/receivables/receivables.routes.js';
import { createAccountsRepository } from './modules/accounts/accounts.repository.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { createStatementsService, type StatementsService } from './modules/accounts/statements.service.js';
import { createClientPricesRepository } from './modules/client-prices/client-prices.repository.js';
import { createClientPricesService } from './modules/client-prices/client-prices.service.js';
import { clientPricesRoutes } from './modules/client-prices/client-prices.routes.js';
import { createBillingRepository } from './modules/billing/billing.repository.js';
import { createReminders } from './modules/billing/billing-reminders.js';
import { createStatementIssuer, type StatementSource } from './modules/billing/billing-statements.js';
import { createExportsRepository } from './modules/exports/exports.repository.js';
import { exportsRoutes } from './modules/exports/exports.routes.js';
import { createCleaningRepository } from './modules/cleaning/cleaning.repository.js';
import { createCleaningService } from './modules/cleaning/cleaning.service.js';
import { cleaningRoutes } from './modules/cleaning/cleaning.routes.js';
import { createPhotosRepository } from './modules/photos/photos.repository.js';
import { createPhotosService } from './modules/photos/photos.service.js';
import { photosRoutes } from './modules/photos/photos.routes.js';
import { createImagePipeline } from './modules/photos/image-pipeline.js';
import { storageFromConfig } from './modules/photos/storage-from-config.js';
import type { PhotoStorage } from './modules/photos/photo-storage.js';
import { createImportsRepository } from './modules/imports/imports.repository.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { createCalendarsRepository } from './modules/calendars/calendars.repository.js';
import { createCalendarsService } from './modules/calendars/calendars.service.js';
import { createCalendarSync } from './modules/calendars/calendar-sync.js';
import { calendarsRoutes } from './modules/calendars/calendars.routes.js';
import { createChecklistsRepository } from './modules/checklists/checklists.repository.js';
import { createChecklistsService } from './modules/checklists/checklists.service.js';
import { checklistsRoutes } from './modules/checklists/checklists.routes.js';
import { createLinenRepository } from './modules/linen/linen.repository.js';
import { createLinenService } from './modules/linen/linen.service.js';
import { linenRoutes } from './modules/linen/linen.routes.js';
import { createHostReportsService } from './modules/host-reports/host-reports.service.js';
import { hostReportsRoutes } from './modules/host-reports/host-reports.routes.js';
import { attachedPhotosRoutes, createAttachedPhotosService } from './modules/attachments/attached-photos.routes.js';
import { createThreadsRepository } from './modules/threads/threads.repository.js';
import { createThreadsService } from './modules/threads/threads.service.js';
import { threadsRoutes } from './modules/threads/threads.routes.js';
import { createHostReportsRepository } from './modules/host-reports/host-reports.repository.js';
import { createRequestsRepository } from './modules/requests/requests.repository.js';
import { createRequestsService } from './modules/requests/requests.service.js';
import { requestsRoutes } from './modules/requests/requests.routes.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Db;
  clock: Clock;
  readiness: Readiness;
  version: string;
  /** Built SPA to serve with an index fallback; defaults to client/dist when it exists. */
  clientDist?: string | null;
  /** Extra endpoints declared with the same route() helper (tests exercise middleware through them). */
  extraRoutes?: (routes: Routes) => void;
  /** The job queue to put background work on (absent in tests and tools). */
  jobs?: JobSender;
  /** The monthly statements' figures (issue 19 §5); by default the accounts module's statement service. */
  statementSource?: StatementSource;
  /** Photo storage other than the configured one (tests simulate a failing disk with it). */
  photoStorage?: PhotoStorage;
}

export interface App {
  app: Express;
  routes: RouteEntry[];
  registry: Routes['registry'];
  sessionStore: SessionStore;
  /** Background jobs main.ts registers with the queue. */
  jobs: JobDefinition[];
  /** Also where the job queue plugs in its depth (`setJobQueueDepthSource`). */
  metrics: Metrics;
  /** Monthly statements of client accounts as data and PDF (ADR 0015), for what issues them. */
  statements: StatementsService;
  /** Notifications, for jobs and tests that notify outside a request. */
  notifications: NotificationsService;
  /** Web push: subscriptions and delivery (tests deliver through it). */
  push: PushService;
  close(): void;
}

const DEFAULT_CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');

/** Builds the Express application without listening; tests and main.ts both call this. */
export function createApp(deps: AppDeps): App {
  const { config, logger, db, clock, readiness } = deps;
  const app = express();
  app.disable('x-powered-by');
  // A hop count, never `true`: the left-most X-Forwarded-For entry is whatever the client says.
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false);

  const sessionStore = createSessionStore(db.pool, config, logger, clock);
  const routes: Routes = { router: express.Router(), registry: createRegistry(), table: [] };
  // Health probes never touch the session store: liveness must hold with the database down.
  const probes: Routes = { ...routes, router: express.Router() };

  const hasher = createPasswordHasher(config.argon2);
  const metrics = createMetrics({ pool: db.pool, version: deps.version });
  db.onSlowQuery = (level) => metrics.slowQuery(level);
  const throttle = createLoginThrottle(db.pool, config.rateLimit, logger, {
    onLimited: (scope) => metrics.rateLimitTriggered('login', scope),
  });
  const audit = createAuditService({ repo: createAuditRepository(), clock, db });
  const auth = createAuthService({ db, audit, repo: createAuthRepository(db), hasher, throttle, clock, logger });

  healthRoutes(probes, { db, readiness, version: deps.version, readyzTimeoutMs: config.readyzDbTimeoutMs });
  if (config.metrics.enabled) metricsRoutes(probes, { metrics, access: config.metrics });
  authRoutes(routes, { auth, config, clock });

  const cipher = createFieldCipher(config.fieldEncryption.key, config.fieldEncryption.previousKeys);
  // The business's identity (issue 18): the landing page, documents, e-mails and the app manifest read it here.
  const business = createBusinessService({ db, repo: createBusinessRepository(), clock, logger, audit, logoDir: path.join(config.dataDir, 'business') });
  const notificationsRepo = createNotificationsRepository(db);
  const notifications = createNotificationsService({
    repo: notificationsRepo,
    db,
    clock,
    logger,
    cipher,
    transport: createMailTransport(config.mail, logger),
    jobs: deps.jobs,
    brand: () => business.brand(),
  });
  const push = setUpPush(config.push, { db, clock, logger, notifications, notificationsRepo, jobs: deps.jobs, brand: () => business.brand() });
  const people = { db, clock, logger, hasher, audit, notifications };
  const users = createUsersService({ repo: createUsersRepository(db), ...people });
  const settings = createSettingsService({ repo: createSettingsRepository(), db, clock, logger, audit });
  /** What receipts and statements print at their top: the identity's legal details and the bank account. */
  const company = async (q: Queryable) => {
    const identity = await business.onDocuments(q);
    return { companyName: identity.name, companyNif: identity.nif, companyAddress: identity.address, companyIban: await settings.get('companyIban', q) };
  };
  // A client's own prices, read by laundry and cleaning pricing on the day they price (issue 19 §7).
  const clientPrices = createClientPricesService({
    db,
    repo: createClientPricesRepository(),
    clock,
    audit,
    cleaningHourlyRate: (q) => settings.get('cleaningHourlyRateCents', q),
  });
  const cleaning = createCleaningService({
    db,
    repo: createCleaningRepository(db),
    clock,
    logger,
    audit,
    notifications,
    settings,
    cipher,
    clientPrices,
    // Called only when a job detail is read, after `payments` below exists.
    payments: {
      summary: (q, id) => payments.summary(q, { line: 'cleaning', id }),
      detailColumns: summaryColumns('cleaning', 'j'),
      fromColumns: (q, row, vatRate) => payments.summaryFromColumns(q, 'cleaning', row as SummaryColumns, vatRate),
    },
  });
  // Workers see the clients and properties of their own cleaning jobs (PRODUCT §5).
  const clients = createClientsService({ repo: createClientsRepository(db), ...people, workerAccess: cleaning.workerAccess });
  const properties = createPropertiesService({ repo: createPropertiesRepository(db), db, clock, cipher, audit, workerAccess: cleaning.workerAccess });
  const passwordReset = createPasswordResetService({ repo: createPasswordResetRepository(), pool: db.pool, config, ...people });
  const payments = createPaymentsService({
    db,
    repo: createPaymentsRepository(db),
    clock,
    audit,
    vatRate: (q) => settings.get('vatRateBasisPoints', q),
    receiptOf: (q, t) => receipts.receiptOf(q, t),
  });
  const receipts = createReceiptsService({
    db,
    repo: createReceiptsRepository(db),
    clock,
    audit,
    company,
    payments: (q, t) => payments.history(q, t),
  });
  // One payment of a client across several documents (issue 19 §3), made of ordinary payment rows.
  const clientPayments = createClientPaymentsService({
    db,
    repo: createClientPaymentsRepository(db),
    payments: createPaymentsRepository(db),
    clock,
    audit,
    company,
    client: (q, id) => createReceiptsRepository(db).client(q, id),
  });
  const laundryFloorRepo = createLaundryFloorRepository();
  const laundryConditionRepo = createLaundryConditionRepository();
  const laundry = createLaundryService({
    db,
    floor: laundryFloorRepo,
    payments: {
      summary: (q, id) => payments.summary(q, { line: 'laundry', id }),
      detailColumns: summaryColumns('laundry', 'o'),
      fromColumns: (q, row) => payments.summaryFromColumns(q, 'laundry', row as SummaryColumns),
    },
    repo: createLaundryRepository(db),
    clientPrices,
    clock,
    audit,
    notifications,
    settings: {
      laundryPricing: async (q) => {
        const values = await settings.all(q);
        return { vatRateBasisPoints: values.vatRateBasisPoints, deliveryFeeCents: values.deliveryFeeCents };
      },
    },
  });
  // One storage and one image pipeline (its concurrency bound) for every kind of photo.
  const photoStorage = deps.photoStorage ?? storageFromConfig(config.photos.storage);
  const imagePipeline = createImagePipeline({ maxInputPixels: config.photos.maxInputPixels, concurrency: config.photos.imageConcurrency });
  const photos = createPhotosService({
    db,
    repo: createPhotosRepository(),
    clock,
    logger,
    audit,
    settings,
    jobs: cleaning,
    storage: photoStorage,
    pipeline: imagePipeline,
  });
  // The intake condition of laundry items keeps its photos like job photos: same storage and pipeline.
  const laundryCondition = createLaundryConditionService({
    db,
    repo: laundryConditionRepo,
    orders: createLaundryRepository(db),
    floor: laundryFloorRepo,
    files: createPhotoFiles({ storage: photoStorage, pipeline: imagePipeline, logger }),
    clock,
    logger,
    audit,
  });
  const attachedPhotos = createAttachedPhotosService({ db, files: createPhotoFiles({ storage: photoStorage, pipeline: imagePipeline, logger }), logger });
  // Client requests (issue 23 §1): accepting one creates its order or job through those modules, in one transaction.
  const requests = createRequestsService({
    db,
    photos: attachedPhotos,
    repo: createRequestsRepository(db),
    clock,
    audit,
    notifications,
    targets: {
      createLaundryOrder: (tx, actor, input, requestId) => laundry.createWithin(tx, actor, input, requestId),
      createCleaningJob: (tx, actor, input, requestId) => cleaning.createWithin(tx, actor, input, requestId),
      deliverOrder: (tx, actor, orderId, delivery) => laundry.deliverWithin(tx, actor, orderId, delivery),
    },
  });
  // Server-enforced photo proof (PRODUCT §8): a job is completed only with an "after" photo, unless waived.
  cleaning.addCompletionRequirement(photos.afterPhotoRequirement);
  // Conversations about orders, jobs and requests (issue 23 §2).
  const threads = createThreadsService({ db, repo: createThreadsRepository(db), clock, audit, notifications, photos: attachedPhotos });
  threads.setRequestSubjects((q, id) => requests.threadSubject(q, id));
  // GDPR: each module that holds client data contributes its export section and its anonymisation step.
  // Modules made further down (the host reports) add theirs to this list when they are made.
  const gdprContributors: GdprContributor[] = [];
  const gdpr = createGdprService({ db, clock, logger, audit, contributors: gdprContributors });
  gdprContributors.push(
      { section: 'client', export: clients.exportClient, anonymise: clients.anonymiseClient },
      { section: 'properties', export: properties.exportClient, anonymise: properties.anonymiseClient },
      { section: 'notifications', export: notifications.exportClient, anonymise: notifications.anonymiseClient },
      { section: 'passwordResets', export: passwordReset.exportClient, anonymise: passwordReset.anonymiseClient },
      { section: 'laundryOrders', export: laundry.exportClient, anonymise: laundry.anonymiseClient },
      // Photos of a client's garments go with the client; the kinds of what was noted stay with the orders.
      { section: 'laundryCondition', export: laundryCondition.exportClient, anonymise: laundryCondition.anonymiseClient },
      // Financial records are kept on anonymisation; only the personal fields in them are replaced.
      { section: 'payments', export: payments.exportClient, anonymise: payments.anonymiseClient },
      { section: 'receipts', export: receipts.exportClient, anonymise: receipts.anonymiseClient },
      // Their notes are cleared with the payments' (payments.anonymiseClient).
      { section: 'clientPayments', export: clientPayments.exportClient },
      { section: 'cleaningJobs', export: cleaning.exportClient, anonymise: cleaning.anonymiseClient },
      // Photos of the inside of a client's home are deleted outright on anonymisation (files after commit).
      { section: 'photos', export: photos.exportClient, anonymise: photos.anonymiseClient },
      { section: 'attachedPhotos', export: attachedPhotos.exportClient, anonymise: attachedPhotos.anonymiseClient },
      // A client's conversations go with the client, whoever wrote the messages.
      { section: 'messages', export: threads.exportClient, anonymise: threads.anonymiseClient },
      { section: 'requests', export: requests.exportClient, anonymise: requests.anonymiseClient },
      { section: 'auditLog', export: audit.forClient },
  );

  usersRoutes(routes, { users });
  passwordResetRoutes(routes, { passwordReset });
  clientsRoutes(routes, { clients });
  clientPricesRoutes(routes, { clientPrices });
  gdprRoutes(routes, { gdpr });
  propertiesRoutes(routes, { properties });
  settingsRoutes(routes, { settings });
  businessRoutes(routes, { business, uploadTmpDir: config.photos.tmpDir });
  laundryRoutes(routes, { laundry });
  laundryFloorRoutes(routes, {
    floor: createLaundryFloorService({
      db,
      repo: createLaundryRepository(db),
      floor: laundryFloorRepo,
      laundry,
      clock,
      audit,
      notifications,
      companyName: async (q) => (await business.brand(q)).name,
      conditions: laundryConditionRepo,
    }),
  });
  laundryConditionRoutes(routes, { condition: laundryCondition, uploadTmpDir: config.photos.tmpDir, logger });
  paymentsRoutes(routes, { payments });
  receiptsRoutes(routes, { receipts });
  const tickets = createTicketsService({ db, repo: createTicketsRepository(db), clock, audit, notifications });
  ticketsRoutes(routes, { tickets });
  const reports = createReportsService({ db, repo: createReportsRepository() });
  reportsRoutes(routes, { reports });
  const receivablesRepo = createReceivablesRepository();
  const receivables = createReceivablesService({ db, repo: receivablesRepo });
  receivablesRoutes(routes, { receivables });
  // Customer accounts and monthly statements (issue 19) build on the receivables' one definition.
  const accountsRepo = createAccountsRepository();
  const receiptsRepo = createReceiptsRepository(db);
  const statements = createStatementsService({ db, repo: accountsRepo, clock, company, client: (q, id) => receiptsRepo.client(q, id) });
  const accounts = createAccountsService({ db, repo: accountsRepo, receivables: receivablesRepo, statements, clock });
  accountsRoutes(routes, { accounts, statements });
  clientPaymentsRoutes(routes, { clientPayments });
  // Issue 19 §5–6: reminders of overdue documents and monthly statements, on the job queue.
  const billingRepo = createBillingRepository();
  const reminders = createReminders({ db, repo: billingRepo, clock, logger, notifications, receivables, reminderDays: () => settings.get('reminderDays') });
  // The statement's figures are the accounts module's (ADR 0015): one statement computation.
  const statementSource: StatementSource = deps.statementSource ?? {
    closingBalanceCents: async (q, clientId, month) => (await statements.statement(clientId, month, q)).closingBalanceCents,
  };
  const statementIssuer = createStatementIssuer({ db, repo: billingRepo, clock, logger, notifications, statements: statementSource });
  // The statement e-mail carries its PDF: the same bytes the client downloads (a month over is reproducible, ADR 0015).
  notifications.attachTo('account.statement_issued', async ({ clientId, params }) => {
    if (clientId === null) return [];
    const file = await statements.pdf(clientId, String(params.month));
    return [{ filename: file.fileName, content: file.bytes, contentType: 'application/pdf' }];
  });
  dashboardRoutes(routes, { dashboard: createDashboardService({ db, repo: createDashboardRepository(), reports, receivables, clock }) });
  exportsRoutes(routes, { repo: createExportsRepository(db), clock, logger, db, audit });
  cleaningRoutes(routes, { cleaning });
  requestsRoutes(routes, { requests, uploadTmpDir: config.photos.tmpDir });
  attachedPhotosRoutes(routes, { photos: attachedPhotos, logger });
  photosRoutes(routes, { photos, uploadTmpDir: config.photos.tmpDir, logger });
  notificationsRoutes(routes, { notifications });
  pushRoutes(routes, { push });
  threadsRoutes(routes, { threads, uploadTmpDir: config.photos.tmpDir });
  auditRoutes(routes, { audit });
  const imports = createImportsService({ db, repo: createImportsRepository(db), clock, logger, audit, cipher });
  importsRoutes(routes, { imports, uploadTmpDir: config.photos.tmpDir });
  // Short-let calendars: feeds read on the job queue (and on "sync now") keep the turnover jobs in step.
  const calendarsRepo = createCalendarsRepository();
  const calendarSync = createCalendarSync({ db, repo: calendarsRepo, clock, logger, cipher, notifications, settings, turnovers: cleaning.turnovers, fetchOptions: config.calendars });
  calendarsRoutes(routes, { calendars: createCalendarsService({ db, repo: calendarsRepo, clock, cipher, audit, sync: calendarSync, fetchOptions: config.calendars }) });
  const checklists = createChecklistsService({ db, repo: createChecklistsRepository(), clock, audit, settings, jobs: cleaning });
  // A job with a checklist is completed with every required item done, or a staff waiver (like the after photo).
  cleaning.addCompletionRequirement(checklists.requirement);
  checklistsRoutes(routes, { checklists });
  const linen = createLinenService({ db, repo: createLinenRepository(), clock, audit, jobs: cleaning, laundry });
  // A completed turnover's linen becomes the host's laundry order in the completion's own transaction.
  cleaning.addCompletionStep(linen.orderOnCompletion);
  linenRoutes(routes, { linen });
  const hostReports = createHostReportsService({
    db,
    repo: createHostReportsRepository(),
    clock,
    audit,
    appBaseUrl: config.appBaseUrl,
    linkDays: () => settings.get('reportLinkDays'),
    cleaning,
    checklists,
    photos,
    linen,
    tickets,
  });
  hostReportsRoutes(routes, { hostReports, logger });
  // The links that share a client's reports are theirs to see, and switched off when they are anonymised.
  gdprContributors.push({ section: 'reportLinks', export: hostReports.exportClient, anonymise: hostReports.anonymiseClient });
  deps.extraRoutes?.(routes);

  mountPipeline(app, {
    config,
    logger,
    db,
    clock,
    metrics,
    routes,
    probes,
    sessionStore,
    version: deps.version,
    clientDist: deps.clientDist === undefined ? DEFAULT_CLIENT_DIST : deps.clientDist,
  });

  return {
    app,
    routes: routes.table,
    registry: routes.registry,
    sessionStore,
    jobs: applicationJobs({
      notifications,
      push,
      passwordReset,
      cleaning,
      calendarSync,
      maintenance: createMaintenance({ db, clock, logger, idempotencyTtlHours: config.idempotencyTtlHours }),
      reminders,
      statementIssuer,
    }),
    metrics,
    /** Monthly statements as data and PDF, for the jobs that issue them (ADR 0015). */
    statements,
    notifications,
    push,
    close: () => sessionStore.close(),
  };
}
