import { z } from 'zod';
import { IdCursor, pageQuery } from '../../platform/http/paging.ts';
import { DateString, Id, Line, QueryId, QueryInt, QueryText, Text } from '../../platform/http/zod.ts';
import { LIGHTS, TASK_LEVELS } from '../tasks/rules.ts';
import { CATEGORY_CODES, isTrackingCode, normalizeCode, REQUEST_STATUSES, REQUEST_TYPES, RATING_NAMES, STATUS_NAMES, TYPE_NAMES, maskName, maskPhone, type RequestAction } from './rules.ts';
import type { PublicRequestService, RequestRow } from './service.ts';

const Version = z.number().int().min(1).max(2_147_483_647);
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** An instant with its offset (2026-12-10T09:00:00+08:00 or …Z). */
export const Instant = z
  .string()
  .max(40)
  .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'expected a date-time with its offset, e.g. 2026-12-10T09:00:00+08:00')
  // The day must exist and the hour be 00–23: Date.parse rolls 2026-02-30 over to 3 月 2 日 and T24:00 to the next day.
  .refine((s) => !Number.isNaN(Date.parse(s)) && DateString.safeParse(s.slice(0, 10)).success && Number(s.slice(11, 13)) < 24, 'not a date-time (no such day or hour)');

/** A phone number as people write it: digits, +, -, spaces; 5 to 20 characters. */
export const Phone = z.string().trim().regex(/^\+?[0-9][0-9 -]{3,18}[0-9]$/, '请填写有效的电话号码 (a phone number: digits, +, - and spaces)');
export const Level = z.number().int().min(1).max(5).describe('5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意');

/** A citizen's submission (the portal, and Open311 POST as JSON). */
export const SubmitBody = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  category: z.enum(CATEGORY_CODES),
  description: Text(2000).refine((s) => [...s].length >= 5, '请至少写 5 个字，说明诉求 (at least 5 characters)'),
  address: Line(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  long: z.number().min(-180).max(180).optional(),
  contactName: Line(50).optional(),
  contactPhone: Phone.optional(),
  jurisdictionId: Id.optional(),
  /** The honeypot: hidden from people; anything in it refuses the submission. */
  website: z.string().max(500).optional(),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const SubmitResponse = z.object({
  code: z.string().describe('查询码: the citizen’s only key to the request'),
  acknowledgeDue: z.string(),
  message: z.string(),
});

/** A tracking code as typed (any case, spaces or dashes): 14 characters of the no-confusion alphabet. */
const TrackingCode = z.string().max(40).transform(normalizeCode).refine(isTrackingCode, '查询码应为 14 位字母或数字 (a tracking code has 14 letters and digits)');
export const CodeParam = z.object({ code: TrackingCode });
/** A window's QR code: 10 characters of the same alphabet. */
export const WindowCodeParam = z.object({ code: z.string().max(40).transform(normalizeCode).refine((s) => /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/.test(s), '窗口码应为 10 位字母或数字 (a window code has 10 letters and digits)') });
export const RateBody = z.strictObject({ level: Level, comment: Text(500).optional() });

const Rating = z.object({ round: z.number(), level: z.number(), levelName: z.string(), comment: z.string().nullable(), ratedAt: z.string() });
const EffectiveRating = z.object({ level: z.number(), levelName: z.string(), defaulted: z.boolean() }).nullable();
const Photo = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), createdAt: z.string() });

/** What the citizen sees with the tracking code: no contact, no staff names. */
export const PublicRequestView = z
  .object({
    code: z.string(),
    type: z.enum(REQUEST_TYPES),
    typeName: z.string(),
    category: z.string(),
    description: z.string(),
    address: z.string().nullable(),
    status: z.enum(REQUEST_STATUSES),
    statusName: z.string(),
    submittedAt: z.string(),
    acknowledgeDue: z.string(),
    acknowledgedAt: z.string().nullable(),
    unitName: z.string().nullable(),
    deadline: z.string().nullable(),
    reply: z.string().nullable().describe('shown once the task is verified (马上就反馈)'),
    answeredAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    merged: z.boolean().describe('merged into another request: the progress shown is that one’s'),
    rectifyDue: z.string().nullable(),
    rectification: z.string().nullable(),
    callbacks: z.array(z.object({ calledAt: z.string() })),
    ratings: z.array(Rating),
    canRate: z.boolean(),
    ratingWindowEndsAt: z.string().nullable(),
    effectiveRating: EffectiveRating,
    photos: z.number(),
  })
  .meta({ id: 'CitizenRequestPublic' });

const toRating = (r: { round: number; level: number; comment: string | null; ratedAt: Date }) => ({ round: r.round, level: r.level, levelName: RATING_NAMES[r.level]!, comment: r.comment, ratedAt: iso(r.ratedAt)! });
const toEffective = (e: { level: number; defaulted: boolean } | null) => (e ? { ...e, levelName: RATING_NAMES[e.level]! } : null);

export function toPublicView(v: Awaited<ReturnType<PublicRequestService['lookup']>>): z.infer<typeof PublicRequestView> {
  const { r, shown } = v;
  const answered = Boolean(shown.answeredAt);
  return {
    code: r.code,
    type: r.type,
    typeName: TYPE_NAMES[r.type],
    category: r.category,
    description: r.description,
    address: r.address,
    status: shown.status,
    // Acknowledged and waiting (again) for its unit — after a return or a withdrawn task — reads 已受理，待交办.
    statusName: shown.status === 'submitted' && shown.acknowledgedAt ? '已受理，待交办' : STATUS_NAMES[shown.status],
    submittedAt: iso(r.submittedAt)!,
    acknowledgeDue: r.acknowledgeDue,
    acknowledgedAt: iso(r.acknowledgedAt),
    unitName: shown.unitName,
    deadline: shown.deadline,
    reply: answered ? shown.reply : null,
    answeredAt: iso(shown.answeredAt),
    declineReason: r.declineReason,
    merged: r.mergedInto !== null,
    rectifyDue: shown.rectifyDue,
    rectification: shown.rectifyNote,
    callbacks: v.callbacks.map((c) => ({ calledAt: iso(c.calledAt)! })),
    ratings: v.ratings.map(toRating),
    canRate: v.canRate,
    ratingWindowEndsAt: iso(v.ratingWindowEndsAt),
    effectiveRating: toEffective(v.effective),
    photos: v.photos.length,
  };
}

// ——— Staff ———

export const RequestListQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  unitId: QueryId.optional(),
  /** Intake queue past its acknowledgement date. */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQuery(IdCursor, 50),
});

export const RequestSummary = z
  .object({
    id: z.number(),
    version: z.number(),
    code: z.string().describe('the last four characters only: the code is the citizen’s credential'),
    type: z.enum(REQUEST_TYPES),
    typeName: z.string(),
    category: z.string(),
    description: z.string(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    status: z.enum(REQUEST_STATUSES),
    statusName: z.string(),
    region: z.object({ id: z.number(), name: z.string() }),
    unit: z.object({ id: z.number(), name: z.string() }).nullable(),
    taskId: z.number().nullable(),
    submittedAt: z.string(),
    acknowledgeDue: z.string(),
    acknowledgedAt: z.string().nullable(),
    deadline: z.string().nullable(),
    round: z.number(),
    rectifyDue: z.string().nullable(),
    publishable: z.boolean(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    viaOpen311: z.boolean(),
  })
  .meta({ id: 'CitizenRequest' });

const REQUEST_ACTIONS = ['assign', 'forward', 'merge', 'decline', 'return', 'reply', 'rate', 'rectify', 'callback'] as const satisfies readonly RequestAction[];

export const RequestDetail = RequestSummary.extend({
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  mergedInto: z.number().nullable(),
  mergedFrom: z.array(z.number()),
  rectifiedAt: z.string().nullable(),
  rectifyNote: z.string().nullable(),
  returnUntil: z.string().nullable(),
  contactMasked: z.boolean(),
  ratings: z.array(Rating),
  effectiveRating: EffectiveRating,
  callbacks: z.array(z.object({ id: z.number(), round: z.number(), calledBy: z.object({ id: z.number(), name: z.string() }), calledAt: z.string(), said: z.string() })),
  photos: z.array(Photo),
  task: z.object({ id: z.number(), version: z.number(), status: z.string(), deadline: z.string(), light: z.enum(LIGHTS), extensionsUsed: z.number() }).nullable(),
  allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
}).meta({ id: 'CitizenRequestDetail' });

export function toRequestSummary(r: RequestRow, contactVisible: boolean): z.infer<typeof RequestSummary> {
  return {
    id: r.id,
    version: r.version,
    code: `…${r.code.slice(-4)}`,
    type: r.type,
    typeName: TYPE_NAMES[r.type],
    category: r.category,
    description: r.description,
    address: r.address,
    lat: r.lat,
    long: r.long,
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    region: { id: r.regionId, name: r.regionName },
    unit: r.unitId ? { id: r.unitId, name: r.unitName ?? '' } : null,
    taskId: r.taskId,
    submittedAt: iso(r.submittedAt)!,
    acknowledgeDue: r.acknowledgeDue,
    acknowledgedAt: iso(r.acknowledgedAt),
    deadline: r.deadline,
    round: r.round,
    rectifyDue: r.rectifyDue,
    publishable: r.publishable,
    contactName: r.contactName ? (contactVisible ? r.contactName : maskName(r.contactName)) : null,
    contactPhone: r.contactPhone ? (contactVisible ? r.contactPhone : maskPhone(r.contactPhone)) : null,
    viaOpen311: r.clientId !== null,
  };
}

export function toRequestDetail(d: Awaited<ReturnType<PublicRequestService['detail']>>): z.infer<typeof RequestDetail> {
  const r = d.r;
  return {
    ...toRequestSummary(r, d.contactVisible),
    reply: r.reply,
    repliedAt: iso(r.repliedAt),
    answeredAt: iso(r.answeredAt),
    declineReason: r.declineReason,
    mergedInto: r.mergedInto,
    mergedFrom: d.merged.map((m) => m.id),
    rectifiedAt: iso(r.rectifiedAt),
    rectifyNote: r.rectifyNote,
    returnUntil: d.returnUntil,
    contactMasked: !d.contactVisible,
    ratings: d.ratings.map(toRating),
    effectiveRating: toEffective(d.effective),
    callbacks: d.callbacks.map((c) => ({ id: c.id, round: c.round, calledBy: { id: c.calledBy, name: c.calledByName }, calledAt: iso(c.calledAt)!, said: c.said })),
    photos: d.photos.map((p) => ({ ...p, createdAt: iso(p.createdAt)! })),
    task: d.task ? { id: d.task.task.id, version: d.task.task.version, status: d.task.task.status, deadline: d.task.task.deadline, light: d.task.light.light, extensionsUsed: d.task.task.extensionsUsed } : null,
    allowedActions: d.allowed,
  };
}

export const AssignBody = z.strictObject({ version: Version, unitId: Id, level: z.enum(TASK_LEVELS).optional(), responsibleId: Id.optional(), note: Text(500).optional() });
export const ForwardBody = z.strictObject({ version: Version, unitId: Id });
export const MergeBody = z.strictObject({ version: Version, intoId: Id });
export const ReasonBody = z.strictObject({ version: Version, reason: Text(1000) });
export const TextBody = z.strictObject({ version: Version, text: Text(5000) });
export const CallbackBody = z.strictObject({ version: Version, calledAt: Instant.optional(), said: Text(2000) });
export const PublishableBody = z.strictObject({ version: Version, publishable: z.boolean() });
export const PhotoParams = z.object({ id: QueryId, photoId: QueryId });

export const StatsQuery = z.object({ jurisdictionId: QueryId.optional(), year: QueryInt(2000, 2100).optional() });
export const StatsResponse = z
  .object({
    region: z.object({ id: z.number(), name: z.string() }),
    year: z.number(),
    units: z.array(
      z.object({
        unitId: z.number(),
        unitName: z.string(),
        volume: z.number(),
        answered: z.number(),
        onTimeRate: z.number().nullable(),
        rated: z.number(),
        satisfactionRate: z.number().nullable(),
        averageLevel: z.number().nullable(),
      }),
    ),
    quotes: z.array(z.object({ type: z.string(), category: z.string(), description: z.string(), reply: z.string().nullable(), unitName: z.string(), level: z.number().nullable(), comment: z.string().nullable() })),
  })
  .meta({ id: 'CitizenStats' });

export const FlagsQuery = z.object({ unitId: QueryId.optional() });
export const FlagsResponse = z.object({
  months: z.array(z.string()),
  units: z.array(z.object({ unitId: z.number(), unitName: z.string(), rates: z.array(z.number().nullable()) })),
});

export const CategoriesResponse = z.object({
  types: z.array(z.object({ code: z.enum(REQUEST_TYPES), name: z.string(), resolveWorkdays: z.number().nullable() })),
  categories: z.array(z.object({ code: z.string(), name: z.string(), description: z.string(), group: z.string() })),
  ratingLevels: z.array(z.object({ level: z.number(), name: z.string() })),
});

// ——— Windows ———
export const WindowBody = z.strictObject({ unitId: Id, name: Line(100) });
export const WindowResponse = z.object({ id: z.number(), unitId: z.number(), unitName: z.string(), name: z.string(), code: z.string(), ratings: z.number(), averageLevel: z.number().nullable() });
export const VisitResponse = z.object({ id: z.number(), windowId: z.number(), code: z.string(), issuedAt: z.string() });
export const WindowPublic = z.object({ name: z.string(), unitName: z.string() });
export const WindowRateBody = z.strictObject({ visitCode: z.string().min(1).max(40).regex(/^[0-9A-Za-z -]+$/, '评价码为字母和数字 (letters and digits)'), level: Level, comment: Text(500).optional() });
export const WindowRateResponse = z.object({ windowName: z.string(), unitName: z.string(), level: z.number(), message: z.string() });

// ——— Open311 clients ———
export const ClientBody = z.strictObject({ name: Line(100) });
export const ClientResponse = z.object({ id: z.number(), name: z.string(), keyPrefix: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });
export const ClientIssued = ClientResponse.extend({ key: z.string().describe('shown once; store it in the client application') });
export const toClient = (c: { id: number; name: string; keyPrefix: string; createdAt: Date; revokedAt: Date | null }) => ({ id: c.id, name: c.name, keyPrefix: c.keyPrefix, createdAt: iso(c.createdAt)!, revokedAt: iso(c.revokedAt) });

export const SearchText = QueryText(100);
