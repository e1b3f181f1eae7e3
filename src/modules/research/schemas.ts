import { z } from 'zod';
import { RANKS } from '../../platform/auth/actor.ts';
import { Cursor, IdCursor, pageQuery } from '../../platform/http/paging.ts';
import { DateString, Id, QueryBool, QueryId, QueryInt, QueryText, Text } from '../../platform/http/zod.ts';
import { LIGHTS, TASK_LEVELS, TASK_STATUSES } from '../tasks/rules.ts';
import { MAX_VISIT_DAYS, PLACE_KINDS, PLACE_TAGS, SEVERITIES, VISIT_KINDS } from './rules.ts';
import type { AnnualRow, PlaceRow, ResearchStats, VisitDetail } from './service.ts';

const OptText = (max: number) => Text(max).optional();

// --- places ---

export const PlaceBody = z.strictObject({
  /** The township (乡镇) the place belongs to. */
  townshipId: Id,
  name: Text(100),
  kind: z.enum(PLACE_KINDS),
  tags: z.array(z.enum(PLACE_TAGS)).max(PLACE_TAGS.length).default([]),
});
export const PlacePatchBody = z
  .strictObject({
    townshipId: Id.optional(),
    name: Text(100).optional(),
    kind: z.enum(PLACE_KINDS).optional(),
    tags: z.array(z.enum(PLACE_TAGS)).max(PLACE_TAGS.length).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const PlaceListQuery = z.object({
  /** Places under this unit (a township, or a county: all its townships). Default: your region. */
  unitId: QueryId.optional(),
  kind: z.enum(PLACE_KINDS).optional(),
  tag: z.enum(PLACE_TAGS).optional(),
  q: QueryText(100).pipe(z.string().min(1)).optional(),
  includeInactive: QueryBool.optional(),
  ...pageQuery(IdCursor, 200),
});

export const PlaceResponse = z
  .object({
    id: z.number(),
    townshipId: z.number(),
    townshipName: z.string(),
    name: z.string(),
    kind: z.enum(PLACE_KINDS),
    tags: z.array(z.string()),
    active: z.boolean(),
  })
  .meta({ id: 'ResearchPlace' });
export const toPlaceResponse = (p: PlaceRow): z.infer<typeof PlaceResponse> => ({ id: p.id, townshipId: p.townshipId, townshipName: p.townshipName, name: p.name, kind: p.kind, tags: p.tags, active: p.active });

// --- visits ---

const FindingBody = z.strictObject({
  problem: Text(1000),
  placeId: Id.optional(),
  category: OptText(50),
  severity: z.enum(SEVERITIES).optional(),
});

/** `POST /field-visits` (the contract). */
export const VisitBody = z
  .strictObject({
    personIds: z.array(Id).min(1).max(50),
    startDate: DateString,
    endDate: DateString,
    /** A half day (半天): start and end on the same day; counts 0.5. */
    halfDay: z.boolean().optional(),
    kind: z.enum(VISIT_KINDS),
    placeIds: z.array(Id).max(100).optional(),
    /** 四不两直: not announced beforehand. */
    unannounced: z.boolean().optional(),
    purpose: Text(500),
    /** What was seen (所见所闻). */
    seen: OptText(5000),
    /** People met (座谈对象). */
    peopleMet: OptText(2000),
    findings: z.array(FindingBody).max(50).optional(),
  })
  .refine((b) => b.endDate >= b.startDate, { message: 'endDate must not be before startDate', path: ['endDate'] })
  .refine((b) => !b.halfDay || b.endDate === b.startDate, { message: 'a half-day visit starts and ends on the same day', path: ['halfDay'] })
  .refine((b) => Date.parse(`${b.endDate}T00:00:00Z`) - Date.parse(`${b.startDate}T00:00:00Z`) < MAX_VISIT_DAYS * 86_400_000, { message: `a visit lasts at most ${MAX_VISIT_DAYS} days`, path: ['endDate'] });

const VisitCursor = Cursor(z.tuple([DateString, Id]));
export const VisitListQuery = z.object({
  personId: QueryId.optional(),
  /** Visits with someone of this unit's subtree on them. */
  unitId: QueryId.optional(),
  placeId: QueryId.optional(),
  year: QueryInt(1900, 2999).optional(),
  ...pageQuery(VisitCursor, 50),
});

const TaskStateResponse = z.object({ id: z.number(), title: z.string(), status: z.enum(TASK_STATUSES), light: z.enum(LIGHTS), deadline: z.string(), leadUnitId: z.number() });

export const FindingResponse = z
  .object({
    id: z.number(),
    position: z.number(),
    problem: z.string(),
    placeId: z.number().nullable(),
    category: z.string().nullable(),
    severity: z.enum(SEVERITIES),
    taskId: z.number().nullable(),
    /** The task it became: its status and traffic light, read from the tasks engine. */
    task: TaskStateResponse.nullable(),
  })
  .meta({ id: 'FieldFinding' });

export const VisitResponse = z
  .object({
    id: z.number(),
    startDate: z.string(),
    endDate: z.string(),
    halfDay: z.boolean(),
    kind: z.enum(VISIT_KINDS),
    unannounced: z.boolean(),
    purpose: z.string(),
    seen: z.string().nullable(),
    peopleMet: z.string().nullable(),
    createdBy: z.number(),
    createdAt: z.string(),
    people: z.array(z.object({ id: z.number(), name: z.string(), title: z.string().nullable(), unitName: z.string() })),
    places: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(PLACE_KINDS), tags: z.array(z.string()), townshipName: z.string() })),
    findings: z.array(FindingResponse),
    /** May the caller turn findings into tasks? */
    canAssign: z.boolean(),
  })
  .meta({ id: 'FieldVisit' });

export const toVisitResponse = (d: VisitDetail): z.infer<typeof VisitResponse> => ({
  id: d.visit.id,
  startDate: d.visit.startDate,
  endDate: d.visit.endDate,
  halfDay: d.visit.halfDay,
  kind: d.visit.kind,
  unannounced: d.visit.unannounced,
  purpose: d.visit.purpose,
  seen: d.visit.seen,
  peopleMet: d.visit.peopleMet,
  createdBy: d.visit.createdBy,
  createdAt: new Date(d.visit.createdAt).toISOString(),
  people: d.people,
  places: d.places,
  findings: d.findings.map((f) => ({
    id: f.id,
    position: f.position,
    problem: f.problem,
    placeId: f.placeId,
    category: f.category,
    severity: f.severity,
    taskId: f.taskId,
    task: f.task ? { id: f.task.task.id, title: f.task.task.title, status: f.task.task.status, light: f.task.light.light, deadline: f.task.task.deadline, leadUnitId: f.task.task.leadUnitId } : null,
  })),
  canAssign: d.canAssign,
});

export const FindingParams = z.object({ id: QueryId, fid: QueryId });
const Deadline = z.union([DateString, z.strictObject({ workdays: z.number().int().min(0).max(1000) })]);
/** `POST /field-visits/:id/findings/:fid/task` (the contract). */
export const FindingTaskBody = z.strictObject({
  title: Text(200).optional(),
  leadUnitId: Id,
  responsibleId: Id.optional(),
  /** A date, or `{ workdays }` counted from today. */
  deadline: Deadline,
  level: z.enum(TASK_LEVELS).optional(),
});

// --- quota, tables, statistics ---

export const QuotaQuery = z.object({ personId: QueryId.optional(), year: QueryInt(1900, 2999).optional() });
const QuotaShape = {
  year: z.number(),
  rank: z.enum(RANKS),
  rankSince: z.string().nullable(),
  /** The year's target (prorated from 任职日期 when the post began during the year). */
  target: z.number(),
  /** Field days logged (distinct calendar days; half days 0.5). */
  days: z.number(),
  /** The target prorated to today. */
  expectedByNow: z.number(),
  /** Days short of expectedByNow (0 when on track). */
  shortfall: z.number(),
  /** More than marginDays short. */
  behind: z.boolean(),
  marginDays: z.number(),
};
export const QuotaResponse = z.object({ ...QuotaShape, person: z.object({ id: z.number(), name: z.string() }) }).meta({ id: 'FieldQuota' });

export const StatsQuery = z.object({ unitId: QueryId.optional(), year: QueryInt(1900, 2999).optional() });

const PersonRef = z.object({ id: z.number(), name: z.string(), title: z.string().nullable(), unitName: z.string() });
const AnnualRowResponse = z.object({
  person: PersonRef.extend({ rank: z.enum(RANKS) }),
  quota: z.object(QuotaShape),
  visits: z.number(),
  byKind: z.object(Object.fromEntries(VISIT_KINDS.map((k) => [k, z.number()])) as Record<(typeof VISIT_KINDS)[number], z.ZodNumber>),
  unannounced: z.number(),
  places: z.number(),
  villages: z.number(),
  findings: z.number(),
  findingsWithTask: z.number(),
  findingsResolved: z.number(),
});
export const AnnualResponse = z.object({ unit: z.object({ id: z.number(), name: z.string() }), year: z.number(), rows: z.array(AnnualRowResponse) }).meta({ id: 'FieldAnnual' });
export const BehindResponse = z.object({ unit: z.object({ id: z.number(), name: z.string() }), year: z.number(), items: z.array(z.object({ person: PersonRef.extend({ rank: z.enum(RANKS) }), quota: z.object(QuotaShape) })) }).meta({ id: 'FieldBehind' });
export const toAnnualRow = (r: AnnualRow) => r;

const Showcase = {
  visits: z.number(),
  placeVisits: z.number(),
  topTenthShare: z.number().nullable(),
  topTenthPlaces: z.number(),
  advanced: z.number(),
  lagging: z.number(),
  laggingShare: z.number().nullable(),
  unannounced: z.number(),
  unannouncedShare: z.number().nullable(),
  findings: z.number(),
  findingsWithTask: z.number(),
  findingsResolved: z.number(),
  taskShare: z.number().nullable(),
  resolvedShare: z.number().nullable(),
};
export const StatsResponse = z
  .object({
    unit: z.object({ id: z.number(), name: z.string() }),
    year: z.number(),
    villages: z.number(),
    unvisitedVillages: z.array(z.object({ id: z.number(), name: z.string(), townshipName: z.string() })),
    county: z.object(Showcase),
    leaders: z.array(z.object({ ...Showcase, person: PersonRef, villagesUnvisited: z.number(), showcaseHeavy: z.boolean() })),
  })
  .meta({ id: 'FieldStats' });
export const toStats = (s: ResearchStats) => s;
