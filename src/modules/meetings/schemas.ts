import { z } from 'zod';
import { Cursor, pageQuery } from '../../platform/http/paging.ts';
import { DateString, Id, QueryId, QueryInt, QueryText, Text } from '../../platform/http/zod.ts';
import { LIGHTS, TASK_LEVELS, TASK_STATUSES } from '../tasks/rules.ts';
import { MEETING_ACTIONS, MEETING_KINDS, MEETING_SCOPES, MEETING_STATUSES, OVERRIDE_REASON_MAX_CHARS, RULES, SPEECH_ROLES, agendaMinutes, overrun, plannedMinutes } from './rules.ts';
import type { MeetingDetail, MeetingRow } from './service.ts';

/**
 * An instant with its offset (2026-12-10T09:00:00+08:00 or …Z), between 1900 and 2999: a
 * meeting's start and end, a speech's start and end.
 */
export const Instant = z
  .string()
  .max(40)
  .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'expected a date-time with its offset, e.g. 2026-12-10T09:00:00+08:00')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(`${s.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(s.slice(0, 10)) && Number(s.slice(11, 13)) < 24, 'not a date-time (no such day or hour)');

/** Trimmed optional text, control characters refused. */
const OptText = (max: number) => Text(max).optional();

export const AgendaItemBody = z
  .strictObject({
    speakerId: Id.optional(),
    speaker: OptText(50),
    role: z.enum(SPEECH_ROLES),
    /** Planned minutes. */
    minutes: z.number().int().min(1).max(1440),
    topic: OptText(200),
  })
  .refine((a) => a.speakerId !== undefined || a.speaker !== undefined, { message: 'give the speaker: speakerId (a person) or speaker (a name)', path: ['speaker'] });

/** A meeting's plan: `POST /meetings`, `POST /meetings/check`; `PUT /meetings/:id` adds the version. */
export const MeetingBody = z.strictObject({
  title: Text(200),
  kind: z.enum(MEETING_KINDS),
  scope: z.enum(MEETING_SCOPES).default('internal'),
  organizerUnitId: Id,
  startsAt: Instant,
  endsAt: Instant,
  place: OptText(200),
  online: z.boolean().optional(),
  /** Who chairs it (主持人), by name. */
  chair: OptText(50),
  attendingUnitIds: z.array(Id).max(500).default([]),
  headcount: z.number().int().min(1).max(100_000),
  agenda: z.array(AgendaItemBody).min(1).max(100),
  /** 确需…详细说明理由: the written reason that lets a blocked plan wait for a supervisor's approval. */
  overrideReason: Text(OVERRIDE_REASON_MAX_CHARS).optional(),
});
export type MeetingBody = z.infer<typeof MeetingBody>;
export const MeetingUpdateBody = MeetingBody.extend({ version: z.number().int().min(1).max(2_147_483_647) });

export const CommentBody = z.strictObject({ comment: OptText(2000) });
export const RefuseBody = z.strictObject({ comment: Text(2000) });
export const CancelBody = z.strictObject({ reason: Text(2000) });

const Deadline = z.union([DateString, z.strictObject({ workdays: z.number().int().min(0).max(1000) })]);
export const DecisionBody = z.strictObject({
  text: Text(200),
  description: Text(5000).nullable().optional(),
  leadUnitId: Id.nullable().optional(),
  responsibleId: Id.nullable().optional(),
  /** A date, or `{ workdays }` counted from the conclusion. */
  deadline: Deadline.nullable().optional(),
  level: z.enum(TASK_LEVELS).optional(),
});
export const DecisionPatchBody = DecisionBody.partial();
export const DecisionParams = z.object({ id: QueryId, decisionId: QueryId });
export const AgendaItemParams = z.object({ id: QueryId, itemId: QueryId });
export const ActualBody = z
  .strictObject({ minutes: z.number().int().min(0).max(1440).optional(), startedAt: Instant.optional(), endedAt: Instant.optional() })
  .refine((b) => b.minutes !== undefined || (b.startedAt !== undefined && b.endedAt !== undefined), { message: 'give minutes, or startedAt and endedAt', path: ['minutes'] });

const MeetingCursor = Cursor(z.tuple([Instant, Id]));
export const MeetingListQuery = z.object({
  unitId: QueryId.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  year: QueryInt(1900, 2999).optional(),
  q: QueryText(100).pipe(z.string().min(1)).optional(),
  ...pageQuery(MeetingCursor, 50),
});
export const StatsQuery = z.object({ unitId: QueryId.optional(), year: QueryInt(1900, 2999).optional() });

// --- responses ---

const Ref = z.object({ id: z.number(), name: z.string() });
export const FindingResponse = z
  .object({
    rule: z.enum(RULES),
    message: z.string(),
    severity: z.enum(['block', 'warn']),
    limit: z.number().optional(),
    actual: z.number().optional(),
    suggestion: z.string().optional(),
    item: z.number().optional(),
    meetingId: z.number().optional(),
  })
  .meta({ id: 'MeetingFinding' });

export const MeetingSummary = z
  .object({
    id: z.number(),
    version: z.number(),
    title: z.string(),
    kind: z.enum(MEETING_KINDS),
    scope: z.enum(MEETING_SCOPES),
    status: z.enum(MEETING_STATUSES),
    organizerUnit: Ref,
    year: z.number(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string().nullable(),
    online: z.boolean(),
    chair: z.string().nullable(),
    headcount: z.number(),
    /** The slot's minutes (endsAt − startsAt). */
    slotMinutes: z.number(),
    findings: z.array(FindingResponse),
    overrideReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MeetingSummary' });

const TaskLight = z.object({
  id: z.number(),
  status: z.enum(TASK_STATUSES),
  light: z.enum(LIGHTS),
  lightReasons: z.array(z.string()),
  deadline: z.string(),
  overdueWorkdays: z.number(),
});
export const DecisionResponse = z
  .object({
    id: z.number(),
    position: z.number(),
    text: z.string(),
    description: z.string().nullable(),
    leadUnit: Ref.nullable(),
    responsible: Ref.nullable(),
    deadline: z.string().nullable(),
    deadlineWorkdays: z.number().nullable(),
    level: z.enum(TASK_LEVELS),
    taskId: z.number().nullable(),
    /** The supervised task's light (after the conclusion). */
    task: TaskLight.nullable(),
  })
  .meta({ id: 'MeetingDecision' });

export const MeetingDetailResponse = MeetingSummary.extend({
  attendingUnits: z.array(Ref),
  agenda: z.array(
    z.object({
      id: z.number(),
      position: z.number(),
      speakerId: z.number().nullable(),
      speaker: z.string().nullable(),
      role: z.enum(SPEECH_ROLES),
      topic: z.string().nullable(),
      minutes: z.number(),
      actualMinutes: z.number().nullable(),
      startedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      /** Minutes over the plan (0 within it or not yet timed). */
      overrun: z.number(),
    }),
  ),
  /** The planned length the rules checked: the slot, or the agenda's sum when longer. */
  plannedMinutes: z.number(),
  agendaMinutes: z.number(),
  /** The sum of the actual minutes recorded (null: none yet). */
  actualMinutes: z.number().nullable(),
  plannedBy: Ref,
  approval: z.object({ decidedBy: Ref, decidedAt: z.string(), comment: z.string().nullable() }).nullable(),
  concludedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  decisions: z.array(DecisionResponse),
  allowedActions: z.array(z.enum(MEETING_ACTIONS)),
}).meta({ id: 'Meeting' });

export const CheckResponse = z.object({ findings: z.array(FindingResponse), outcome: z.enum(['planned', 'pending_approval', 'blocked']) });

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function toMeetingSummary(m: MeetingRow) {
  return {
    id: m.id,
    version: m.version,
    title: m.title,
    kind: m.kind,
    scope: m.scope,
    status: m.status,
    organizerUnit: { id: m.organizerUnitId, name: m.organizerName },
    year: m.year,
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    place: m.place,
    online: m.online,
    chair: m.chair,
    headcount: m.headcount,
    slotMinutes: Math.round((new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()) / 60_000),
    findings: m.findings,
    overrideReason: m.overrideReason,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  };
}

type DecisionRow = MeetingDetail['decisions'][number];
export function toDecisionResponse(d: Omit<DecisionRow, 'task'> & { task?: DecisionRow['task'] }) {
  const t = d.task ?? null;
  return {
    id: d.id,
    position: d.position,
    text: d.text,
    description: d.description,
    leadUnit: d.leadUnitId !== null ? { id: d.leadUnitId, name: d.leadUnitName ?? '' } : null,
    responsible: d.responsibleId !== null ? { id: d.responsibleId, name: d.responsibleName ?? '' } : null,
    deadline: d.deadline,
    deadlineWorkdays: d.deadlineWorkdays,
    level: d.level,
    taskId: d.taskId,
    task: t ? { id: t.task.id, status: t.task.status, light: t.light.light, lightReasons: t.light.reasons, deadline: t.task.deadline, overdueWorkdays: t.light.overdueWorkdays } : null,
  };
}

export function toMeetingDetail(d: MeetingDetail) {
  const m = d.meeting;
  const timed = d.agenda.filter((a) => a.actualMinutes !== null);
  return {
    ...toMeetingSummary(m),
    attendingUnits: d.attendees.map((a) => ({ id: a.id, name: a.name })),
    agenda: d.agenda.map((a) => ({
      id: a.id,
      position: a.position,
      speakerId: a.speakerId,
      speaker: a.speaker ?? a.speakerName,
      role: a.role,
      topic: a.topic,
      minutes: a.minutes,
      actualMinutes: a.actualMinutes,
      startedAt: isoOrNull(a.startedAt),
      endedAt: isoOrNull(a.endedAt),
      overrun: overrun(a.minutes, a.actualMinutes),
    })),
    plannedMinutes: plannedMinutes({ startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), agenda: d.agenda }),
    agendaMinutes: agendaMinutes(d.agenda),
    actualMinutes: timed.length ? timed.reduce((s, a) => s + a.actualMinutes!, 0) : null,
    plannedBy: { id: m.plannedBy, name: d.names.plannedBy ?? '' },
    approval: m.decidedBy !== null && m.decidedAt !== null ? { decidedBy: { id: m.decidedBy, name: d.names.decidedBy ?? '' }, decidedAt: iso(m.decidedAt), comment: m.decisionComment } : null,
    concludedAt: isoOrNull(m.concludedAt),
    cancelledAt: isoOrNull(m.cancelledAt),
    cancelReason: m.cancelReason,
    decisions: d.decisions.map(toDecisionResponse),
    allowedActions: d.allowedActions,
  };
}

const Count = z.object({ thisYear: z.number(), lastYear: z.number() });
export const StatsResponse = z
  .object({
    unit: Ref,
    year: z.number(),
    total: Count,
    byKind: z.array(Count.extend({ kind: z.enum(MEETING_KINDS) })),
    length: z.object({
      meetings: z.number(),
      averageSlotMinutes: z.number().nullable(),
      /** Meetings with speeches timed; planned and actual over the same speeches. */
      timedMeetings: z.number(),
      averagePlannedMinutes: z.number().nullable(),
      averageActualMinutes: z.number().nullable(),
    }),
    decisions: z.object({ total: z.number(), withTask: z.number(), shareWithTask: z.number().nullable() }),
    tasks: z.object({ total: z.number(), onTime: z.number(), late: z.number(), pending: z.number(), shareOnTime: z.number().nullable() }),
  })
  .meta({ id: 'MeetingStats' });
