import { z } from 'zod';
import { Cursor, IdCursor, pageQuery } from '../../platform/http/paging.ts';
import { Id, QueryId, QueryInt, QueryText, Text } from '../../platform/http/zod.ts';
import { REPORT_ACTIONS, REPORT_KINDS, REPORT_KIND_NAMES, REPORT_STATUSES } from './rules.ts';
import type { ReportRow, SummaryRow } from './service.ts';

const Version = z.number().int().min(1).max(2_147_483_647);
// eslint-disable-next-line no-control-regex -- finding control characters is this check's job
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A section's or a summary's text: may be empty (a cleared section prints 暂无数据), line breaks kept, control characters refused. */
const LongText = z.string().max(20_000).refine((s) => !CONTROL_CHARS.test(s), '含有控制字符 (contains control characters)');
/** A period key: 2026-W48, 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-30 (checked against the kind by the service). */
const PeriodKey = z.string().trim().max(30).regex(/^2\d{3}(-W\d{2}|-\d{2}|-Q[1-4]|-\d{2}-\d{2}\.\.2\d{3}-\d{2}-\d{2})?$/, 'expected 2026-W48, 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-30 (years 2000–2999)');

export const ReportCreateBody = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  /** The region or unit the report covers (default: your region). */
  unitId: Id.optional(),
  period: PeriodKey,
  title: Text(200).optional(),
});
export const ReportEditBody = z.strictObject({
  version: Version,
  title: Text(200).optional(),
  sections: z.array(z.strictObject({ key: z.string().max(40).regex(/^[a-z_]+$/, 'a section key'), text: LongText })).max(30).optional(),
});
export const ReportVersionBody = z.strictObject({ version: Version });

/** A cursor's instant as this API wrote it (toISOString, 1900–2999): anything else is not one of ours. */
const Instant = z
  .string()
  .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'not a date-time');
export const ReportListQuery = z.object({
  unitId: QueryId.optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  year: QueryInt(1900, 2999).optional(),
  q: QueryText(100).pipe(z.string().min(1)).optional(),
  ...pageQuery(Cursor(z.tuple([Instant, Id])), 50),
});
export const ReportFileParams = z.object({ id: QueryId });

const SectionResponse = z.object({
  key: z.string(),
  heading: z.string(),
  text: z.string(),
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number()]))) }).nullable(),
  chart: z.object({ categories: z.array(z.string()), series: z.array(z.object({ name: z.string(), data: z.array(z.number()) })) }).nullable().optional(),
});

export const ReportSummaryResponse = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(REPORT_KINDS),
  kindName: z.string(),
  status: z.enum(REPORT_STATUSES),
  unit: z.object({ id: z.number(), name: z.string() }),
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  title: z.string(),
  number: z.string().nullable(),
  scheduled: z.boolean(),
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
});
export const ReportResponse = ReportSummaryResponse.extend({
  sections: z.array(SectionResponse),
  signer: z.string(),
  date: z.string(),
  editedSections: z.array(z.string()),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toReportSummary(r: ReportRow): z.infer<typeof ReportSummaryResponse> {
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    kindName: REPORT_KIND_NAMES[r.kind],
    status: r.status,
    unit: { id: r.unitId, name: r.unitName },
    period: { key: r.periodKey, from: r.periodFrom, to: r.periodTo },
    title: r.content.title,
    number: r.number,
    scheduled: r.scheduled,
    createdAt: iso(r.createdAt)!,
    issuedAt: iso(r.issuedAt),
  };
}

export const toReportResponse = (r: ReportRow, allowedActions: (typeof REPORT_ACTIONS)[number][]): z.infer<typeof ReportResponse> => ({
  ...toReportSummary(r),
  sections: r.content.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text, table: s.table, chart: s.chart ?? null })),
  signer: r.content.signer,
  date: r.content.date,
  editedSections: r.editedKeys,
  allowedActions,
});

// ——— personal summaries ———

export const SummaryOpenBody = z.strictObject({ period: z.string().trim().max(10).regex(/^2\d{3}(-\d{2}|-Q[1-4])?$/, 'expected a month 2026-11, a quarter 2026-Q4 or a year 2026 (years 2000–2999)') });
export const SummarySaveBody = z.strictObject({ version: Version, text: LongText.optional(), reloadItems: z.boolean().optional() });
export const SummaryListQuery = z.object({
  personId: QueryId.optional(),
  unitId: QueryId.optional(),
  period: z.string().max(10).regex(/^\d{4}(-\d{2}|-Q[1-4])?$/, 'expected 2026-11, 2026-Q4 or 2026').optional(),
  status: z.enum(['draft', 'submitted']).optional(),
  ...pageQuery(IdCursor, 50),
});

export const PersonalSummaryResponse = z.object({
  id: z.number(),
  version: z.number(),
  person: z.object({ id: z.number(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }),
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  status: z.enum(['draft', 'submitted']),
  items: z.array(z.object({ taskId: z.number(), title: z.string(), closedAt: z.string(), done: z.string(), result: z.string(), lessons: z.string() })),
  text: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const toPersonalSummary = (s: SummaryRow): z.infer<typeof PersonalSummaryResponse> => ({
  id: s.id,
  version: s.version,
  person: { id: s.personId, name: s.personName },
  unit: { id: s.unitId, name: s.unitName },
  period: { key: s.periodKey, from: s.periodFrom, to: s.periodTo },
  status: s.status,
  items: s.items,
  text: s.text,
  submittedAt: iso(s.submittedAt),
  updatedAt: iso(s.updatedAt)!,
});
