import { z } from 'zod';
import { Cursor, pageQuery } from '../../platform/http/paging.ts';
import { DateString, Id, Line, QueryBool, QueryId, QueryText, OptionalText, Text } from '../../platform/http/zod.ts';
import type { LightResult } from './rules.ts';
import { ESCALATION_LEVELS, LIGHTS, SOURCE_KINDS, TASK_LEVELS, TASK_STATUSES } from './rules.ts';
import type { TaskEscalationTable, TaskListFields } from './schema.ts';

type TaskListRow = TaskListFields;
import { TODO_KINDS } from './rules.ts';
import type { TaskRow } from './service.ts';

const Version = z.number().int().min(1).max(2_147_483_647);
/** A required text (a report, a reason): something visible in it, no control characters (Text). */
const LongText = Text;
const Milestone = z.strictObject({ title: Line(200), due: DateString, ownerId: Id.optional() });
const SummaryBody = z.strictObject({ done: LongText(5000), result: LongText(5000), lessons: LongText(5000) });

/** The longest task title, in characters (the form cuts a paste to it and says so). */
export const TITLE_MAX = 200;

export const TaskCreateBody = z.strictObject({
  title: Line(TITLE_MAX),
  description: OptionalText(20_000).optional(),
  level: z.enum(TASK_LEVELS),
  leadUnitId: Id,
  coUnitIds: z.array(Id).max(50).optional(),
  responsibleId: Id.optional(),
  leaderId: Id.optional(),
  deadline: z.union([DateString, z.strictObject({ workdays: z.number().int().min(0).max(1000) })]),
  /** Where the task came from: a kind, the id of the record in its module (meeting 12), free text (文号). */
  source: z.strictObject({ kind: z.enum(SOURCE_KINDS), id: Id.optional(), ref: OptionalText(200).optional() }).optional(),
  standard: OptionalText(5000).optional(),
  assessment: OptionalText(5000).optional(),
  milestones: z.array(Milestone).max(100).optional(),
});

export const VersionBody = z.strictObject({ version: Version });
export const DispatchBody = z.strictObject({ version: Version, responsibleId: Id, note: OptionalText(1000).optional() });
/** A list of ids, each once: an id listed twice is a mistake said (as for co-units), not tidied away. */
const IdList = (max: number, what: string, min = 0) => z.array(Id).min(min).max(max).refine((ids) => new Set(ids).size === ids.length, `${what}重复 (an id is listed more than once)`);
const AttachmentIds = IdList(20, '附件').optional();
export const ProgressBody = z.strictObject({ version: Version, percent: z.number().int().min(0).max(100), text: LongText(10_000), milestoneIds: IdList(100, '完成的节点').optional(), attachmentIds: AttachmentIds });
export const PlanBody = z.strictObject({ version: Version, milestones: z.array(Milestone).min(1).max(100) });
export const SubmitBody = z.strictObject({
  version: Version,
  completion: z.strictObject({ text: LongText(10_000), evidence: OptionalText(5000).optional() }),
  summary: SummaryBody,
  attachmentIds: AttachmentIds,
});
export const NoteBody = z.strictObject({ version: Version, note: OptionalText(2000).optional() });
export const ReasonBody = z.strictObject({ version: Version, reason: LongText(2000) });
export const CloseBody = z.strictObject({ version: Version, summary: SummaryBody.optional() });
export const ReassignBody = z.strictObject({ version: Version, leadUnitId: Id, responsibleId: Id.optional(), deadline: DateString.optional(), note: OptionalText(1000).optional() });
export const ExtensionBody = z.strictObject({ version: Version, reason: LongText(2000), newDeadline: DateString });
export const ExtensionParams = z.object({ id: QueryId, eid: QueryId });
/** A multi-line text without control characters other than line breaks and tabs. */
const Written = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '含有控制字符 (contains control characters)');
/** 催办 / 督办 by hand: the written urging and its reply deadline (a date, or 工作日 from today). */
export const UrgeBody = z.strictObject({
  version: Version,
  level: z.enum(['urge', 'supervise']),
  text: Written(2000),
  replyDue: z.union([DateString, z.strictObject({ workdays: z.number().int().min(0).max(60) })]),
});
/** 情况说明: the unit's answer to one urging. */
export const AnswerBody = z.strictObject({ version: Version, text: Written(5000) });
export const UrgingParams = z.object({ id: QueryId, uid: QueryId });
/** 批示: the instruction, and a new milestone it may set. */
export const InstructBody = z.strictObject({ version: Version, text: Written(2000), milestone: Milestone.optional() });
/** 签收（协办）: which co-unit's part (needed only by a head of several). */
export const CoSignBody = z.strictObject({ version: Version, unitId: Id.optional() });
/** 报送协办进展: the co-unit's own progress on its part. */
export const CoProgressBody = z.strictObject({ version: Version, unitId: Id.optional(), percent: z.number().int().min(0).max(100), text: Written(10_000) });
/**
 * 修改事项 (the assigner): the wording any time the work is open; the deadline and the lead unit
 * only before sign-for. A field left out stays; an empty description, standard or assessment clears it.
 */
export const EditBody = z.strictObject({
  version: Version,
  title: Line(200).optional(),
  description: OptionalText(20_000).optional(),
  standard: OptionalText(5000).optional(),
  assessment: OptionalText(5000).optional(),
  deadline: DateString.optional(),
  leadUnitId: Id.optional(),
});
/** 撤回: the reason, told to the units. */
export const WithdrawBody = z.strictObject({ version: Version, reason: Written(2000) });
/** 补充附件: files uploaded to the task (POST /:id/attachments), put on its timeline. */
export const AttachBody = z.strictObject({ version: Version, attachmentIds: IdList(20, '附件', 1), note: OptionalText(1000).optional() });
export const AttachmentParams = z.object({ id: QueryId, eid: QueryId });
/** A co-unit's part as the task page shows it. */
export const CoPartResponse = z.object({
  unitId: z.number(),
  unitName: z.string(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  percent: z.number(),
  lastText: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  reports: z.number(),
  /** The caller heads this co-unit (a head of several picks the part to sign for or report on). */
  mine: z.boolean(),
});
export const NoticeQuery = z.strictObject({ kind: z.enum(['supervise', 'urge']).default('supervise') });

export const UrgingResponse = z.object({
  id: z.number(),
  level: z.enum(['urge', 'supervise']),
  text: z.string(),
  replyDue: z.string(),
  at: z.string(),
  byId: z.number(),
  byName: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.number().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** Answered after the reply deadline, or still owed past it. */
  overdue: z.boolean(),
});

/** The ledger's filters, shared by the list, stats, trend, responsibility list and export. */
export const TaskFilterQuery = z.object({
  unitId: QueryId.optional(),
  responsibleId: QueryId.optional(),
  assignerId: QueryId.optional(),
  light: z.enum(LIGHTS).optional(),
  level: z.enum(TASK_LEVELS).optional(),
  source: z.enum(SOURCE_KINDS).optional(),
  /** With `source`: the tasks of one record of that module (all tasks of meeting 12). */
  sourceId: QueryId.optional(),
  status: z
    .string()
    .max(200)
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(TASK_STATUSES)))
    .optional(),
  deadlineFrom: DateString.optional(),
  deadlineTo: DateString.optional(),
  overdue: QueryBool.optional(),
  q: QueryText(100).pipe(z.string().min(1)).optional(),
  todo: z.enum(TODO_KINDS).optional(),
  /** Tasks escalated (a rung, automatic or by hand) on or after this day. */
  escalatedFrom: DateString.optional(),
});
export type TaskFilterQuery = z.infer<typeof TaskFilterQuery>;

/** The ledger's cursor: [deadline, id] under sort=deadline, [id, id] under sort=newest. */
const TaskCursor = Cursor(z.union([z.tuple([DateString, Id]), z.tuple([Id, Id])]));

export const TaskListQuery = TaskFilterQuery.extend({
  sort: z.enum(['deadline', 'newest']).default('deadline'),
  ...pageQuery(TaskCursor, 50),
}).superRefine((q, ctx) => {
  // A cursor is a position in one order; in the other it would skip or repeat rows.
  if (q.cursor && (typeof q.cursor[0] === 'string') !== (q.sort === 'deadline')) {
    ctx.addIssue({ code: 'custom', path: ['cursor'], message: `this cursor belongs to another sort than sort=${q.sort}: start again without a cursor` });
  }
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

const Ref = z.object({ id: z.number(), name: z.string() });
export const TaskResponse = z.object({
  id: z.number(),
  version: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  level: z.enum(TASK_LEVELS),
  source: z.object({ kind: z.enum(SOURCE_KINDS), id: z.number().nullable(), ref: z.string().nullable() }),
  assignerId: z.number(),
  leadUnit: Ref,
  coUnitIds: z.array(z.number()),
  responsible: Ref.nullable(),
  leaderId: z.number().nullable(),
  standard: z.string().nullable(),
  assessment: z.string().nullable(),
  deadline: z.string(),
  deadlineEstimated: z.boolean(),
  originalDeadline: z.string(),
  signDue: z.string(),
  planDue: z.string().nullable(),
  nextReportDue: z.string().nullable(),
  nextMilestoneDue: z.string().nullable(),
  progressPercent: z.number(),
  light: z.enum(LIGHTS),
  lightReasons: z.array(z.string()),
  overdueWorkdays: z.number(),
  escalations: z.array(z.object({ level: z.enum(ESCALATION_LEVELS), at: z.string(), overdueWorkdays: z.number() })),
  extensionsUsed: z.number(),
  pendingExtension: z.boolean(),
  completion: z.object({ text: z.string(), evidence: z.string().optional() }).nullable(),
  summary: z.object({ done: z.string(), result: z.string(), lessons: z.string() }).nullable(),
  assignedAt: z.string(),
  signedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: 'Task' });
export type TaskResponse = z.infer<typeof TaskResponse>;

/**
 * A task as a list shows it (台账, 工作台, the 驾驶舱's red list): everything but the long texts
 * (description, standard, assessment, completion, summary), which the task page carries. A page
 * of 50 is then a few kilobytes however much was written on each task.
 */
export const TaskListItem = TaskResponse.omit({ description: true, standard: true, assessment: true, completion: true, summary: true }).meta({ id: 'TaskListItem' });
export type TaskListItem = z.infer<typeof TaskListItem>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A lifecycle action's answer (签收, 报送进展, 审核 …): what the write changed and the new version,
 * not the whole task page again (its timeline grows with every report). `id` and `version` come
 * first; the page re-reads what it shows (GET /api/v1/tasks/:id).
 */
export const TaskChange = TaskListItem.pick({
  id: true,
  version: true,
  status: true,
  deadline: true,
  signDue: true,
  planDue: true,
  nextReportDue: true,
  nextMilestoneDue: true,
  progressPercent: true,
  light: true,
  lightReasons: true,
  overdueWorkdays: true,
  extensionsUsed: true,
  pendingExtension: true,
  updatedAt: true,
})
  .extend({ leadUnitId: z.number(), responsibleId: z.number().nullable() })
  .meta({ id: 'TaskChange' });
export type TaskChange = z.infer<typeof TaskChange>;

export function toTaskChange(t: TaskListRow, light: LightResult): TaskChange {
  return {
    id: t.id,
    version: t.version,
    status: t.status,
    leadUnitId: t.leadUnitId,
    responsibleId: t.responsibleId,
    deadline: t.deadline,
    signDue: t.signDue,
    planDue: t.planDue,
    nextReportDue: t.nextReportDue,
    nextMilestoneDue: t.nextMilestoneDue,
    progressPercent: t.progressPercent,
    light: light.light,
    lightReasons: light.reasons,
    overdueWorkdays: light.overdueWorkdays,
    extensionsUsed: t.extensionsUsed,
    pendingExtension: t.pendingExtension,
    updatedAt: t.updatedAt.toISOString(),
  };
}

type Names = { leadUnitName: string; responsibleName: string | null };
type Rung = { level: TaskEscalationTable['level']; at: Date; overdueWorkdays: number };

/** A task row as TaskListItem (a list row carries its names: pass it as `names`). */
export function toTaskListItem(t: TaskListRow, light: LightResult, escalations: Rung[], names: Names): TaskListItem {
  return {
    id: t.id,
    version: t.version,
    title: t.title,
    status: t.status,
    level: t.level,
    source: { kind: t.sourceKind, id: t.sourceId, ref: t.sourceRef },
    assignerId: t.assignerId,
    leadUnit: { id: t.leadUnitId, name: names.leadUnitName },
    coUnitIds: t.coUnitIds,
    responsible: t.responsibleId ? { id: t.responsibleId, name: names.responsibleName ?? '' } : null,
    leaderId: t.leaderId,
    deadline: t.deadline,
    deadlineEstimated: t.deadlineEstimated,
    originalDeadline: t.originalDeadline,
    signDue: t.signDue,
    planDue: t.planDue,
    nextReportDue: t.nextReportDue,
    nextMilestoneDue: t.nextMilestoneDue,
    progressPercent: t.progressPercent,
    light: light.light,
    lightReasons: light.reasons,
    overdueWorkdays: light.overdueWorkdays,
    escalations: escalations.map((e) => ({ level: e.level, at: e.at.toISOString(), overdueWorkdays: e.overdueWorkdays })),
    extensionsUsed: t.extensionsUsed,
    pendingExtension: t.pendingExtension,
    assignedAt: t.assignedAt.toISOString(),
    signedAt: iso(t.signedAt),
    submittedAt: iso(t.submittedAt),
    verifiedAt: iso(t.verifiedAt),
    closedAt: iso(t.closedAt),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** A task as TaskResponse: the list item with the long texts. */
export function toTaskResponse(t: TaskRow, light: LightResult, escalations: Rung[], names: Names): TaskResponse {
  return { ...toTaskListItem(t, light, escalations, names), description: t.description, standard: t.standard, assessment: t.assessment, completion: t.completion, summary: t.summary };
}
