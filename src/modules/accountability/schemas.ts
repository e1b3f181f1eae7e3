import { z } from 'zod';
import { Cursor, pageQuery } from '../../platform/http/paging.ts';
import { Id, QueryId, QueryText, Text } from '../../platform/http/zod.ts';
import { EVIDENCE_KINDS, KIND_NAMES, RECORD_ACTIONS, RECORD_KINDS, RECORD_ORIGINS, RECORD_STATUSES, STATUS_NAMES } from './rules.ts';
import type { RecordDetail, RecordRow } from './service.ts';

const Version = z.number().int().min(1).max(2_147_483_647);

export const EvidenceBody = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS),
    id: Id.optional(),
    /** A web address for kind link, or a note on the item. */
    note: Text(500).optional(),
  })
  .refine((e) => (e.kind === 'link' ? e.note !== undefined : e.id !== undefined), { message: 'a task or citizen_request needs its id; a link needs its address in note', path: ['id'] });

export const RecordBody = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  targetUnitId: Id,
  targetPersonId: Id.nullable().optional(),
  title: Text(200),
  reason: Text(5000),
  evidence: z.array(EvidenceBody).max(50).optional(),
  taskId: Id.nullable().optional(),
});
export const RecordPatchBody = RecordBody.omit({ targetUnitId: true }).partial().extend({ version: Version });
export const VersionBody = z.strictObject({ version: Version });
export const ExplainBody = z.strictObject({ version: Version, text: Text(5000) });
export const CloseBody = z.strictObject({ version: Version, conclusion: Text(2000) });

/** A cursor's instant as this API wrote it (toISOString, 1900–2999): anything else is not one of ours. */
const Instant = z
  .string()
  .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'not a date-time');
export const RecordListQuery = z.object({
  unitId: QueryId.optional(),
  personId: QueryId.optional(),
  taskId: QueryId.optional(),
  kind: z.enum(RECORD_KINDS).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  q: QueryText(100).pipe(z.string().min(1)).optional(),
  ...pageQuery(Cursor(z.tuple([Instant, Id])), 50),
});

export const RecordResponse = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(RECORD_KINDS),
  kindName: z.string(),
  status: z.enum(RECORD_STATUSES),
  statusName: z.string(),
  targetUnit: z.object({ id: z.number(), name: z.string() }),
  targetPerson: z.object({ id: z.number(), name: z.string() }).nullable(),
  title: z.string(),
  reason: z.string(),
  evidence: z.array(z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.number().optional(), note: z.string().optional() })),
  origin: z.enum(RECORD_ORIGINS),
  taskId: z.number().nullable(),
  createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  issuedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  issuedAt: z.string().nullable(),
  explanation: z.string().nullable(),
  explainedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  explainedAt: z.string().nullable(),
  conclusion: z.string().nullable(),
  closedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  closedAt: z.string().nullable(),
});
export const AttachmentResponse = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.string() });
export const RecordDetailResponse = RecordResponse.extend({
  allowedActions: z.array(z.enum(RECORD_ACTIONS)),
  attachments: z.array(AttachmentResponse.extend({ uploadedBy: z.string() })).describe('Evidence files; download from /api/v1/accountability/{id}/attachments/{aid}'),
  canAttach: z.boolean().describe('May the caller attach an evidence file now (a supervisor over the target, the record not closed)'),
});
export const AttachmentParams = z.object({ id: QueryId, aid: QueryId });

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const who = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function toRecordResponse(r: RecordRow): z.infer<typeof RecordResponse> {
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    kindName: KIND_NAMES[r.kind],
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    targetUnit: { id: r.targetUnitId, name: r.targetUnitName },
    targetPerson: who(r.targetPersonId, r.targetPersonName),
    title: r.title,
    reason: r.reason,
    evidence: r.evidence.map((e) => ({ kind: e.kind, ...(e.id !== undefined ? { id: e.id } : {}), ...(e.note !== undefined ? { note: e.note } : {}) })),
    origin: r.origin,
    taskId: r.taskId,
    createdBy: who(r.createdBy, r.createdByName),
    createdAt: iso(r.createdAt)!,
    issuedBy: who(r.issuedBy, r.issuedByName),
    issuedAt: iso(r.issuedAt),
    explanation: r.explanation,
    explainedBy: who(r.explainedBy, r.explainedByName),
    explainedAt: iso(r.explainedAt),
    conclusion: r.conclusion,
    closedBy: who(r.closedBy, r.closedByName),
    closedAt: iso(r.closedAt),
  };
}

export const toRecordDetail = (d: RecordDetail) => ({
  ...toRecordResponse(d.record),
  allowedActions: d.allowedActions,
  attachments: d.attachments.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256, createdAt: a.createdAt.toISOString(), uploadedBy: a.uploadedByName })),
  canAttach: d.canAttach,
});
