import * as convert from './convert.js';
import { date, num, str, type Step } from './step.js';

export const jobsStep: Step = {
  entity: 'cleaning_job',
  table: 'cleaning_jobs',
  batchSize: 200,
  select: (s) =>
    [
      't.id', 't.client_id', 't.property_id', 't.status', 't.scheduled_date', "to_char(t.scheduled_time, 'HH24:MI:SS') AS scheduled_time",
      ...['assigned_worker_id', 'job_type', 'estimated_hours', 'total_duration_minutes', 'hourly_rate', 'total_cost', 'notes', 'special_instructions',
        'created_by', 'subtotal_before_vat', 'vat_rate', 'vat_amount', 'total_with_vat'].map((c) => s.col('cleaning_jobs', c)),
      ...['actual_start_time', 'actual_end_time', 'completed_at', 'created_at', 'updated_at'].map((c) => s.ts('cleaning_jobs', c)),
    ].join(', '),
  async importRows(ctx, rows) {
    const workers = ctx.source.has('cleaning_job_workers')
      ? await ctx.source.query(
          `SELECT cleaning_job_id, worker_id, is_primary, assigned_at AT TIME ZONE 'UTC' AS assigned_at FROM cleaning_job_workers
            WHERE cleaning_job_id = ANY($1::int[]) ORDER BY cleaning_job_id, is_primary DESC, assigned_at, id`,
          [rows.map((r) => r.id)],
        )
      : [];
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const clientId = ctx.ids.get('client', num(r, 'client_id'));
        const propertyId = ctx.ids.get('property', num(r, 'property_id'));
        if (clientId === undefined) return { skipped: 'its client was not imported' };
        if (propertyId === undefined) return { skipped: 'its property was not imported' };
        const status = str(r, 'status') ?? 'scheduled';
        if (!convert.JOB_STATUSES.has(status)) return { skipped: `unknown status ${status}` };
        const duration = num(r, 'total_duration_minutes');
        const minutes = convert.estimatedMinutes(str(r, 'estimated_hours'), duration);
        const rate = convert.cents(str(r, 'hourly_rate')) ?? 1500;
        const created = date(r, 'created_at') ?? new Date();
        const completedAt = status === 'completed' ? (date(r, 'completed_at') ?? date(r, 'actual_end_time') ?? date(r, 'updated_at') ?? created) : null;

        let money: { subtotal: number; vat: number; total: number; rateBp: number } | null = null;
        if (status === 'completed') {
          const rateBp = convert.basisPoints(str(r, 'vat_rate')) ?? ctx.vatRateBp;
          let total = convert.cents(str(r, 'total_with_vat')) ?? convert.cents(str(r, 'total_cost'));
          if (total === null) {
            // Nothing recorded: priced as the earlier system's trigger would have (rate × hours worked, VAT on top).
            const net = Math.round((rate * (duration ?? 0)) / 60);
            total = net + Math.floor((net * rateBp + 5000) / 10_000);
            ctx.report.notes.push({ id: r.id, note: 'completed without a total: priced from the time worked' });
          } else if (str(r, 'subtotal_before_vat') === null) {
            ctx.report.notes.push({ id: r.id, note: `no VAT recorded: total ${total} cents taken as including ${rateBp / 100} % VAT` });
          }
          money = { ...convert.splitTotal(total, convert.cents(str(r, 'subtotal_before_vat')), rateBp), total, rateBp };
        }
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO cleaning_jobs (client_id, property_id, job_type, status, scheduled_date, scheduled_time, scheduled_start_at, scheduled_end_at,
             estimated_minutes, hourly_rate_cents, special_instructions, internal_notes, started_at, completed_at, cancelled_at, cancel_reason,
             vat_rate_bp, labour_minutes, billable_minutes, subtotal_cents, vat_cents, total_cents, priced_at, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5::date, $6::time, ($5::date + $6::time) AT TIME ZONE 'Europe/Lisbon',
                   ($5::date + $6::time) AT TIME ZONE 'Europe/Lisbon' + make_interval(mins => $7), $7, $8, $9, $10, $11, $12, $13, $14,
                   $15, $16, $16, $17, $18, $19, $12, $20, $21, $22) RETURNING id`,
          [clientId, propertyId, str(r, 'job_type') === 'house' ? 'house' : 'airbnb', status, str(r, 'scheduled_date'), str(r, 'scheduled_time'), minutes, rate,
            convert.text(str(r, 'special_instructions'), 5000), convert.text(str(r, 'notes'), 5000), date(r, 'actual_start_time'), completedAt,
            status === 'cancelled' ? (date(r, 'updated_at') ?? created) : null, status === 'cancelled' ? 'Cancelado no sistema anterior' : null,
            money?.rateBp ?? null, status === 'completed' ? (duration ?? null) : null, money?.subtotal ?? null, money?.vat ?? null, money?.total ?? null,
            ctx.ids.get('user', num(r, 'created_by')) ?? null, created, date(r, 'updated_at') ?? created],
        );
        const jobId = made[0]!.id;
        // The primary first (the junction's, else the job's assigned worker), then the others as assigned.
        const team = workers.filter((w) => num(w, 'cleaning_job_id') === r.id).map((w) => ({ id: num(w, 'worker_id'), at: date(w, 'assigned_at') }));
        const assigned = num(r, 'assigned_worker_id');
        if (assigned !== null && !team.some((w) => w.id === assigned)) team.unshift({ id: assigned, at: created });
        let position = 0;
        for (const w of team) {
          const workerId = ctx.ids.get('user', w.id);
          if (workerId === undefined) {
            ctx.report.notes.push({ id: r.id, note: `worker ${w.id} was not imported: left off the job` });
            continue;
          }
          position += 1;
          await ctx.tx.query(`INSERT INTO cleaning_job_workers (job_id, worker_id, position, assigned_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
            jobId, workerId, position, w.at ?? created,
          ]);
        }
        const steps: Array<[string | null, string, Date | null]> = [[null, 'scheduled', created]];
        if (date(r, 'actual_start_time') && status !== 'scheduled') steps.push(['scheduled', 'in_progress', date(r, 'actual_start_time')]);
        if (status === 'completed') steps.push([steps[steps.length - 1]![1], 'completed', completedAt]);
        if (status === 'cancelled') steps.push([steps[steps.length - 1]![1], 'cancelled', date(r, 'updated_at') ?? created]);
        for (const [from, to, at] of steps) {
          await ctx.tx.query(`INSERT INTO cleaning_job_status_history (job_id, from_status, to_status, note, changed_at) VALUES ($1, $2, $3, $4, $5)`, [
            jobId, from, to, 'Sistema anterior', at ?? created,
          ]);
        }
        await ctx.ids.set('cleaning_job', r.id, jobId);
        return 'imported';
      });
    }
  },
};

const coordinate = (value: string | null) => (value === null ? null : Number(Number(value).toFixed(6)));

export const timeLogsStep: Step = {
  entity: 'cleaning_time_log',
  table: 'cleaning_time_logs',
  select: (s) =>
    [
      't.id', 't.cleaning_job_id', 't.worker_id', s.ts('cleaning_time_logs', 'start_time'), s.ts('cleaning_time_logs', 'end_time'),
      ...['start_latitude', 'start_longitude', 'end_latitude', 'end_longitude', 'notes'].map((c) => s.col('cleaning_time_logs', c)),
      'j.status AS job_status', "COALESCE(j.actual_end_time, j.completed_at, j.updated_at) AT TIME ZONE 'UTC' AS job_end",
    ].join(', '),
  from: () => 'cleaning_time_logs t JOIN cleaning_jobs j ON j.id = t.cleaning_job_id',
  async importRows(ctx, rows) {
    for (const r of rows) {
      await ctx.row(r.id, async () => {
        const jobId = ctx.ids.get('cleaning_job', num(r, 'cleaning_job_id'));
        const workerId = ctx.ids.get('user', num(r, 'worker_id'));
        if (jobId === undefined) return { skipped: 'its job was not imported' };
        if (workerId === undefined) return { skipped: 'its worker was not imported' };
        const start = date(r, 'start_time')!;
        let end = date(r, 'end_time');
        let flagged = false;
        if (!end) {
          // An open log is kept only where work is really going on: the job in progress, the worker clocked in nowhere else.
          const open = await ctx.tx.query(`SELECT 1 FROM cleaning_time_logs WHERE worker_id = $1 AND ended_at IS NULL`, [workerId]);
          if (str(r, 'job_status') !== 'in_progress' || open.rows.length > 0) {
            const jobEnd = date(r, 'job_end');
            end = jobEnd && jobEnd > start ? jobEnd : start;
            flagged = true;
            ctx.report.notes.push({ id: r.id, note: 'no end time: closed at the end of its job and flagged for review' });
          }
        }
        if (end && end < start) return { skipped: 'ends before it starts' };
        const { rows: made } = await ctx.tx.query<{ id: number }>(
          `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, start_latitude, start_longitude, started_by, ended_at,
             end_received_at, end_latitude, end_longitude, end_note, ended_by, flagged_for_review, corrected_at, corrected_by, correction_reason)
           VALUES ($1, $2, $3, $3, $4, $5, $2, $6, $6, $7, $8, $9, $10, $11, $12, NULL, $13) RETURNING id`,
          [jobId, workerId, start, coordinate(str(r, 'start_latitude')), coordinate(str(r, 'start_longitude')), end, coordinate(str(r, 'end_latitude')),
            coordinate(str(r, 'end_longitude')), convert.text(str(r, 'notes'), 500), end ? workerId : null, flagged, flagged ? new Date() : null,
            flagged ? 'Sem hora de fim no sistema anterior: fechado no fim do serviço' : null],
        );
        await ctx.ids.set('cleaning_time_log', r.id, made[0]!.id);
        return 'imported';
      });
    }
  },
};
