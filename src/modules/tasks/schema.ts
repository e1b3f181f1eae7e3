import type { ColumnType, Generated, Selectable } from 'kysely';
import type { EscalationLevel, SourceKind, TaskLevel, TaskStatus } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface Completion {
  text: string;
  evidence?: string | undefined;
}
/** 一件事情一小结: what was done, the result, what was learned. */
export interface Summary {
  done: string;
  result: string;
  lessons: string;
}

export interface TaskTable {
  id: Generated<number>;
  version: Generated<number>;
  title: string;
  description: string | null;
  sourceKind: SourceKind;
  /** The record in the source's module (meeting, field finding, citizen request); null for free-text sources. */
  sourceId: ColumnType<number | null, number | null | undefined, number | null>;
  sourceRef: string | null;
  level: TaskLevel;
  status: TaskStatus;
  assignerId: number;
  leadUnitId: number;
  /** The county the lead unit lies in (null above county level); kept by triggers (migration 202612040000), never written here. */
  countyId: ColumnType<number | null, never, never>;
  coUnitIds: ColumnType<number[], number[] | undefined, number[]>;
  responsibleId: number | null;
  leaderId: number | null;
  standard: string | null;
  assessment: string | null;
  deadline: string;
  deadlineEstimated: Generated<boolean>;
  originalDeadline: string;
  assignedAt: Timestamp;
  signDue: string;
  planDue: string | null;
  planAt: Timestamp | null;
  nextReportDue: string | null;
  nextMilestoneDue: string | null;
  progressPercent: Generated<number>;
  lastReportAt: Timestamp | null;
  signedAt: Timestamp | null;
  submittedAt: Timestamp | null;
  submittedOn: string | null;
  verifiedAt: Timestamp | null;
  closedAt: Timestamp | null;
  completion: Json<Completion> | null;
  summary: Json<Summary> | null;
  extensionsUsed: Generated<number>;
  pendingExtension: Generated<boolean>;
  escalationRung: Generated<number>;
  /** When the escalation scan next needs this task (the next rung's date); null: the day after the deadline. */
  nextEscalationOn: string | null;
  /** Urgings (催办/督办 by hand) not yet answered with a 情况说明. */
  openUrgings: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type Task = Selectable<TaskTable>;

/** The long texts a task carries, read on its page and never by a list (issue 21: list items stay small). */
export const TASK_LONG_TEXTS = ['description', 'standard', 'assessment', 'completion', 'summary'] as const;
export type TaskLongText = (typeof TASK_LONG_TEXTS)[number];
/** A task as lists read it: every column but the long texts (and the county key, which only the ledger's conditions use). */
export type TaskListFields = Omit<Task, TaskLongText | 'countyId'>;
/** The columns of TaskListFields, for select lists (checked against the type below). */
export const TASK_LIST_COLUMNS = [
  'id', 'version', 'title', 'sourceKind', 'sourceId', 'sourceRef', 'level', 'status', 'assignerId', 'leadUnitId', 'coUnitIds',
  'responsibleId', 'leaderId', 'deadline', 'deadlineEstimated', 'originalDeadline', 'assignedAt', 'signDue', 'planDue', 'planAt',
  'nextReportDue', 'nextMilestoneDue', 'progressPercent', 'lastReportAt', 'signedAt', 'submittedAt', 'submittedOn', 'verifiedAt',
  'closedAt', 'extensionsUsed', 'pendingExtension', 'escalationRung', 'nextEscalationOn', 'openUrgings', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof TaskListFields)[];
// A column added to the task table must be named in TASK_LIST_COLUMNS or in TASK_LONG_TEXTS.
const listColumnsComplete: Exclude<keyof TaskListFields, (typeof TASK_LIST_COLUMNS)[number]> extends never ? true : never = true;
void listColumnsComplete;

export interface TaskEventTable {
  id: Generated<number>;
  taskId: number;
  kind: string;
  actorId: number | null;
  at: Timestamp;
  data: Json<Record<string, unknown>>;
}
export type TaskEvent = Selectable<TaskEventTable>;

export interface TaskMilestoneTable {
  id: Generated<number>;
  taskId: number;
  title: string;
  due: string;
  ownerId: number | null;
  doneAt: Timestamp | null;
  createdAt: Timestamp;
}
export type TaskMilestone = Selectable<TaskMilestoneTable>;

export interface TaskExtensionTable {
  id: Generated<number>;
  taskId: number;
  requestedBy: number;
  reason: string;
  currentDeadline: string;
  newDeadline: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: number | null;
  decidedAt: Timestamp | null;
  decisionNote: string | null;
  createdAt: Timestamp;
}
export type TaskExtension = Selectable<TaskExtensionTable>;

export interface TaskEscalationTable {
  taskId: number;
  level: EscalationLevel;
  /** The working day the rung became due (09:00 Asia/Shanghai), or when it was raised. */
  at: Timestamp;
  /** When it was recorded: what modules following the rungs read in order (rungsSince). */
  firedAt: Timestamp;
  overdueWorkdays: number;
  /** Who raised the rung by hand; null for the scan. */
  byId: ColumnType<number | null, number | null | undefined, number | null>;
  manual: Generated<boolean>;
}

export type TaskEscalation = Selectable<TaskEscalationTable>;

/** A written urging (催办, or 督办 raised by hand) with its reply deadline and the unit's 情况说明. */
export interface TaskUrgingTable {
  id: Generated<number>;
  taskId: number;
  level: 'urge' | 'supervise';
  byId: number;
  text: string;
  replyDue: string;
  at: Timestamp;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: Timestamp | null;
  answeredOn: string | null;
}
export type TaskUrging = Selectable<TaskUrgingTable>;

export interface TaskAttachmentTable {
  id: Generated<number>;
  taskId: number;
  eventId: number | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
  uploadedBy: number;
  createdAt: Timestamp;
}

/** A co-unit's part of a task (协办): its sign-for and its own latest progress. */
export interface TaskCoPartTable {
  taskId: number;
  unitId: number;
  signedAt: Timestamp | null;
  signedBy: number | null;
  percent: Generated<number>;
  lastText: string | null;
  lastReportAt: Timestamp | null;
  reports: Generated<number>;
}

export interface TaskFeedTable {
  personId: number;
  tokenHash: string;
  createdAt: Timestamp;
}

/** Finished tasks per lead unit and status, kept by triggers on task (migration 202612030200); statistics read it. */
export interface TaskDoneCountTable {
  leadUnitId: number;
  status: 'verified' | 'closed';
  n: number;
}

/**
 * Unfinished tasks per county (0: above county level), lead unit, status and light as of
 * task_light_asof's dates, in shards (slot) that are summed; kept by a trigger on task and
 * recounted when the dates move (migration 202612050000, the light-counters job).
 */
export interface TaskOpenCountTable {
  countyId: number;
  leadUnitId: number;
  status: TaskStatus;
  light: 'red' | 'yellow' | 'green';
  slot: number;
  n: number;
}

/** The one row: the dates task_open_count's lights are as of (null until the first recount). */
export interface TaskLightAsofTable {
  one: boolean;
  today: string | null;
  yellowBefore: string | null;
}

// The module's tables join the one Database type (module augmentation): every executor — the
// platform's handle, a transaction another module opened — sees them with their types.
declare module '../../platform/db/schema.ts' {
  interface Database {
    task: TaskTable;
    taskEvent: TaskEventTable;
    taskMilestone: TaskMilestoneTable;
    taskExtension: TaskExtensionTable;
    taskEscalation: TaskEscalationTable;
    taskFeed: TaskFeedTable;
    taskAttachment: TaskAttachmentTable;
    taskUrging: TaskUrgingTable;
    taskCoPart: TaskCoPartTable;
    taskDoneCount: TaskDoneCountTable;
    taskOpenCount: TaskOpenCountTable;
    taskLightAsof: TaskLightAsofTable;
  }
}
