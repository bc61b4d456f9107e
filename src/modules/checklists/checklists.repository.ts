import type { Queryable } from '../../db/pool.js';

export interface TemplateSection {
  title: string;
  items: Array<{ label: string; required: boolean; requiresPhoto: boolean }>;
}

export interface TemplateRow {
  id: number;
  name: string;
  sections: TemplateSection[];
  is_active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: number;
  job_id: number;
  section: string;
  label: string;
  required: boolean;
  requires_photo: boolean;
  done: boolean;
  changed_at: Date | null;
  photo_id: number | null;
}

const TEMPLATE_COLUMNS = 'id, name, sections, is_active, version, created_at, updated_at';
const ITEM_COLUMNS = 'id, job_id, section, label, required, requires_photo, done, changed_at, photo_id';

export function createChecklistsRepository() {
  return {
    async templates(q: Queryable): Promise<TemplateRow[]> {
      const { rows } = await q.query<TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM checklist_templates ORDER BY lower(name), id`);
      return rows;
    },

    async template(q: Queryable, id: number, forUpdate = false): Promise<TemplateRow | undefined> {
      const { rows } = await q.query<TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM checklist_templates WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return rows[0];
    },

    async insertTemplate(tx: Queryable, t: { name: string; sections: TemplateSection[]; createdBy: number | null; at: Date }): Promise<TemplateRow> {
      const { rows } = await tx.query<TemplateRow>(
        `INSERT INTO checklist_templates (name, sections, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING ${TEMPLATE_COLUMNS}`,
        [t.name, JSON.stringify(t.sections), t.createdBy, t.at],
      );
      return rows[0]!;
    },

    async updateTemplate(
      tx: Queryable,
      id: number,
      version: number,
      t: { name: string; sections: TemplateSection[]; isActive: boolean | undefined; at: Date },
    ): Promise<TemplateRow | undefined> {
      const { rows } = await tx.query<TemplateRow>(
        `UPDATE checklist_templates SET name = $3, sections = $4, updated_at = $5, is_active = COALESCE($6, is_active), version = version + 1
          WHERE id = $1 AND version = $2 RETURNING ${TEMPLATE_COLUMNS}`,
        [id, version, t.name, JSON.stringify(t.sections), t.at, t.isActive ?? null],
      );
      return rows[0];
    },

    async deleteTemplate(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM checklist_templates WHERE id = $1`, [id]);
    },

    /** The template a property's jobs copy (its turnover rule's), if any. */
    async defaultTemplateOf(q: Queryable, propertyId: number): Promise<TemplateRow | undefined> {
      const { rows } = await q.query<TemplateRow>(
        `SELECT t.id, t.name, t.sections, t.is_active, t.version, t.created_at, t.updated_at
           FROM property_turnover_rules r JOIN checklist_templates t ON t.id = r.checklist_template_id WHERE r.property_id = $1`,
        [propertyId],
      );
      return rows[0];
    },

    async checklistOf(q: Queryable, jobId: number): Promise<{ template_name: string } | undefined> {
      const { rows } = await q.query<{ template_name: string }>(`SELECT template_name FROM job_checklists WHERE job_id = $1`, [jobId]);
      return rows[0];
    },

    /** Copies a template onto a job once (a second caller finds the copy already there). */
    async copyTemplate(tx: Queryable, jobId: number, template: TemplateRow, at: Date): Promise<void> {
      const { rowCount } = await tx.query(
        `INSERT INTO job_checklists (job_id, template_id, template_name, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO NOTHING`,
        [jobId, template.id, template.name, at],
      );
      if (!rowCount) return;
      const items = template.sections.flatMap((s) => s.items.map((i) => ({ section: s.title, ...i })));
      await tx.query(
        `INSERT INTO job_checklist_items (job_id, position, section, label, required, requires_photo)
         SELECT $1, ord, x.section, x.label, x.required, x."requiresPhoto"
           FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (section text, label text, required boolean, "requiresPhoto" boolean))
                WITH ORDINALITY AS x(section, label, required, "requiresPhoto", ord)`,
        [jobId, JSON.stringify(items)],
      );
    },

    async items(q: Queryable, jobId: number): Promise<ItemRow[]> {
      const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM job_checklist_items WHERE job_id = $1 ORDER BY position`, [jobId]);
      return rows;
    },

    async item(q: Queryable, jobId: number, itemId: number): Promise<ItemRow | undefined> {
      const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM job_checklist_items WHERE job_id = $1 AND id = $2 FOR UPDATE`, [jobId, itemId]);
      return rows[0];
    },

    async setItem(tx: Queryable, id: number, s: { done: boolean; changedAt: Date; by: number; receivedAt: Date; photoId: number | null }): Promise<void> {
      await tx.query(
        `UPDATE job_checklist_items SET done = $2, changed_at = $3, changed_by = $4, received_at = $5, photo_id = $6 WHERE id = $1`,
        [id, s.done, s.changedAt, s.by, s.receivedAt, s.photoId],
      );
    },

    async photoOfJob(q: Queryable, jobId: number, photoId: number): Promise<boolean> {
      const { rowCount } = await q.query(`SELECT 1 FROM cleaning_job_photos WHERE id = $1 AND job_id = $2`, [photoId, jobId]);
      return (rowCount ?? 0) > 0;
    },

    /** The job's photo the phone uploaded under this key, once it has arrived. */
    async photoByUploadKey(q: Queryable, jobId: number, uploadKey: string): Promise<number | undefined> {
      const { rows } = await q.query<{ id: number }>(`SELECT id FROM cleaning_job_photos WHERE job_id = $1 AND upload_key = $2`, [jobId, uploadKey]);
      return rows[0]?.id;
    },

    async waiver(q: Queryable, jobId: number): Promise<{ reason: string; waived_at: Date } | undefined> {
      const { rows } = await q.query<{ reason: string; waived_at: Date }>(`SELECT reason, waived_at FROM job_checklist_waivers WHERE job_id = $1`, [jobId]);
      return rows[0];
    },

    async saveWaiver(tx: Queryable, jobId: number, reason: string, by: number, at: Date): Promise<void> {
      await tx.query(
        `INSERT INTO job_checklist_waivers (job_id, reason, waived_by, waived_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (job_id) DO UPDATE SET reason = EXCLUDED.reason, waived_by = EXCLUDED.waived_by, waived_at = EXCLUDED.waived_at`,
        [jobId, reason, by, at],
      );
    },

    async propertyOfJob(q: Queryable, jobId: number): Promise<{ property_id: number; status: string } | undefined> {
      const { rows } = await q.query<{ property_id: number; status: string }>(`SELECT property_id, status FROM cleaning_jobs WHERE id = $1`, [jobId]);
      return rows[0];
    },
  };
}

export type ChecklistsRepository = ReturnType<typeof createChecklistsRepository>;
