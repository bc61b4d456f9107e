import type { CleaningJobClientDto, CleaningJobDto, CleaningJobWorkerDto, CleaningStatusValue, JobPhotoCountsDto as PhotoCountsDto, TimeLogDto } from '../../contracts/cleaning.js';
import type { CleaningPrice } from './cleaning-pricing.js';
import type { HistoryRow, JobListRow, TimeLogRow, WorkerLogState } from './cleaning-rows.js';

/**
 * Row → API shape, one function per audience (PRODUCT §5): staff see everything; a worker on the job
 * sees the address, notes and time logs but never a price, rate, cost or payment; a client sees their
 * job and its price without access instructions, internal notes or staff names in the history.
 *
 * Views are put together with Object.assign and plain assignments, not object spread, which costs
 * microseconds per object in this V8 (see laundry.mappers.ts).
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const coordinate = (v: string | null) => (v === null ? null : Number(v));

export interface ViewExtras {
  timeLogs?: TimeLogRow[];
  history?: HistoryRow[];
  /** The job's photos per type (the detail). */
  photoCounts?: PhotoCountsDto;
  /** The decrypted access instructions, when this caller may read them in this answer. */
  accessInstructions?: string | null;
}

function common(j: JobListRow) {
  return {
    id: j.id,
    status: j.status,
    jobType: j.job_type,
    scheduledDate: j.scheduled_date,
    scheduledTime: j.scheduled_time,
    scheduledStartAt: j.scheduled_start_at.toISOString(),
    scheduledEndAt: j.scheduled_end_at.toISOString(),
    estimatedHours: j.estimated_minutes / 60,
    specialInstructions: j.special_instructions,
    workers: j.workers.map((w) => ({ id: w.id, name: w.name, position: w.position, isPrimary: w.position === 1 })),
    startedAt: iso(j.started_at),
    completedAt: iso(j.completed_at),
    cancelledAt: iso(j.cancelled_at),
    cancelReason: j.cancel_reason,
    series:
      j.series_id !== null
        ? { id: j.series_id, index: j.series_index!, frequency: j.series_frequency!, interval: j.series_interval!, until: j.series_until!, ended: Boolean(j.series_ended) }
        : null,
    backToBack: j.back_to_back,
    deadlineAt: iso(j.deadline_at),
    requestId: j.request_id ?? null,
    version: j.version,
    createdAt: j.created_at.toISOString(),
    updatedAt: j.updated_at.toISOString(),
  };
}

/** The parts a detail answer adds to any audience's view. */
function addDetails<V extends { photoCounts?: PhotoCountsDto; history?: unknown[] }>(view: V, extras: ViewExtras, history: (h: HistoryRow) => NonNullable<V['history']>[number]): V {
  if (extras.photoCounts) view.photoCounts = extras.photoCounts;
  if (extras.history) view.history = extras.history.map(history);
  return view;
}

function propertyFor(j: JobListRow, extras: ViewExtras) {
  const view: ReturnType<typeof property> & { accessInstructions?: string | null } = property(j);
  if (extras.accessInstructions !== undefined) view.accessInstructions = extras.accessInstructions;
  return view;
}

function property(j: JobListRow) {
  return {
    id: j.property_id,
    name: j.property_name,
    addressLine1: j.property_address_line1,
    addressLine2: j.property_address_line2,
    city: j.property_city,
    postalCode: j.property_postal_code,
    district: j.property_district,
  };
}

/** The labour a priced job was billed on; jobs priced before seconds were kept (or imported) had whole minutes. */
export function labourSecondsOf(j: JobListRow): number | null {
  if (j.labour_seconds !== null) return j.labour_seconds;
  return j.labour_minutes === null ? null : j.labour_minutes * 60;
}

function price(j: JobListRow) {
  if (j.total_cents === null || j.priced_at === null) return null;
  return {
    hourlyRateCents: j.hourly_rate_cents,
    billingIncrementMinutes: j.billing_increment_minutes!,
    labourMinutes: j.labour_minutes!,
    labourSeconds: labourSecondsOf(j)!,
    billableMinutes: j.billable_minutes!,
    subtotalCents: j.subtotal_cents!,
    vatRateBasisPoints: j.vat_rate_bp!,
    vatCents: j.vat_cents!,
    totalCents: j.total_cents,
    pricedAt: j.priced_at.toISOString(),
  };
}

function estimate(e: CleaningPrice) {
  return { labourMinutes: e.labourMinutes, subtotalCents: e.subtotalCents, vatRateBasisPoints: e.vatRateBasisPoints, vatCents: e.vatCents, totalCents: e.totalCents };
}

export function toTimeLog(l: TimeLogRow): TimeLogDto {
  return {
    id: l.id,
    worker: { id: l.worker_id, name: l.worker_name },
    startedAt: l.started_at.toISOString(),
    startReceivedAt: l.start_received_at.toISOString(),
    startOccurredAt: iso(l.start_occurred_at),
    startLatitude: coordinate(l.start_latitude),
    startLongitude: coordinate(l.start_longitude),
    startNote: l.start_note,
    startedBy: { id: l.started_by, name: l.started_by_name },
    endedAt: iso(l.ended_at),
    endReceivedAt: iso(l.end_received_at),
    endOccurredAt: iso(l.end_occurred_at),
    endLatitude: coordinate(l.end_latitude),
    endLongitude: coordinate(l.end_longitude),
    endNote: l.end_note,
    endedBy: l.ended_by !== null ? { id: l.ended_by, name: l.ended_by_name ?? '' } : null,
    durationMinutes: l.duration_minutes,
    durationSeconds: l.duration_seconds,
    flaggedForReview: l.flagged_for_review,
    correction:
      l.corrected_at !== null
        ? { reason: l.correction_reason ?? '', at: l.corrected_at.toISOString(), by: l.corrected_by !== null ? { id: l.corrected_by, name: l.corrected_by_name ?? '' } : null }
        : null,
  };
}

function change(h: HistoryRow) {
  return {
    id: h.id,
    fromStatus: h.from_status,
    toStatus: h.to_status,
    changedBy: h.changed_by !== null ? { id: h.changed_by, name: h.changed_by_name ?? '' } : null,
    note: h.note,
    changedAt: h.changed_at.toISOString(),
  };
}

export function toStaffView(j: JobListRow, allowedNext: CleaningStatusValue[], est: CleaningPrice, extras: ViewExtras = {}): CleaningJobDto {
  const view: CleaningJobDto = Object.assign(common(j), {
    client: { id: j.client_id, name: j.client_name, phone: j.client_phone, email: j.client_email, billing: j.client_billing },
    property: propertyFor(j, extras),
    internalNotes: j.internal_notes,
    remindedAt: j.reminded_at?.toISOString() ?? null,
    hourlyRateCents: j.hourly_rate_cents,
    clientPrice: j.client_price,
    estimate: estimate(est),
    price: price(j),
    paymentStatus: j.payment_status,
    allowedNext,
    openTimeLogs: j.open_logs,
  });
  if (extras.timeLogs) view.timeLogs = extras.timeLogs.map(toTimeLog);
  return addDetails(view, extras, change);
}

export function toWorkerView(
  j: JobListRow,
  allowedNext: CleaningStatusValue[],
  accessFrom: Date,
  me: WorkerLogState,
  extras: ViewExtras = {},
): CleaningJobWorkerDto {
  const myOpenTimeLogId = me.open?.job_id === j.id ? me.open.id : null;
  const view: CleaningJobWorkerDto = Object.assign(common(j), {
    client: { id: j.client_id, name: j.client_name, phone: j.client_phone },
    property: propertyFor(j, extras),
    internalNotes: j.internal_notes,
    accessInstructionsFrom: accessFrom.toISOString(),
    myOpenTimeLogId,
    myTimeLogged: myOpenTimeLogId !== null || me.loggedJobIds.has(j.id),
    othersOnSite: j.open_logs - (myOpenTimeLogId !== null ? 1 : 0),
    allowedNext,
  });
  if (extras.timeLogs) view.timeLogs = extras.timeLogs.map(toTimeLog);
  return addDetails(view, extras, change);
}

export function toClientView(j: JobListRow, est: CleaningPrice, extras: ViewExtras = {}): CleaningJobClientDto {
  const view: CleaningJobClientDto = Object.assign(common(j), { property: property(j), estimate: estimate(est), price: price(j), paymentStatus: j.payment_status });
  if (extras.timeLogs) {
    view.timeLogs = extras.timeLogs.map((l) => ({
      id: l.id,
      workerName: l.worker_name,
      startedAt: l.started_at.toISOString(),
      endedAt: iso(l.ended_at),
      durationMinutes: l.duration_minutes,
      durationSeconds: l.duration_seconds,
    }));
  }
  // A client sees when and what, not which staff member.
  return addDetails(view, extras, (h) => {
    const { changedBy: _staff, ...rest } = change(h);
    return rest;
  });
}
