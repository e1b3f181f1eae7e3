import type { Executor } from '../../platform/db/index.ts';
import type { NewNotification } from '../../platform/notify/service.ts';
import type { SourceKind, TaskAction } from './rules.ts';
import type { Task } from './schema.ts';

/** A task as services hand it out: the row with its lead unit's path. */
export type TaskRow = Task & { leadUnitPath: string };

/**
 * What happened to a task, as a module that originated it hears it. One kind per transition of
 * the lifecycle (交办 签收 交办到人 进展 方案 申请办结 审核 驳回 销号 退回 重新交办 延期 and the
 * escalation ladder's rungs).
 */
export const TASK_TRANSITIONS = [
  'assigned',
  'signed',
  'dispatched',
  'progressed',
  'planned',
  'submitted',
  'verified',
  'rejected',
  'closed',
  'returned',
  'reassigned',
  'extension_requested',
  'extended',
  'extension_refused',
  'escalated',
  'urged',
  'urging_answered',
  'instructed',
  'co_signed',
  'co_progressed',
  'edited',
  'withdrawn',
  'attached',
  'attachment_removed',
] as const;
export type TaskTransitionKind = (typeof TASK_TRANSITIONS)[number];

/** The transition a lifecycle action makes (an extension decision: approved or not). */
export function transitionOf(action: TaskAction, data: Record<string, unknown>): TaskTransitionKind {
  switch (action) {
    case 'sign':
      return 'signed';
    case 'dispatch':
      return 'dispatched';
    case 'progress':
      return 'progressed';
    case 'plan':
      return 'planned';
    case 'submit':
      return 'submitted';
    case 'verify':
      return 'verified';
    case 'reject':
      return 'rejected';
    case 'close':
      return 'closed';
    case 'return':
      return 'returned';
    case 'reassign':
      return 'reassigned';
    case 'request_extension':
      return 'extension_requested';
    case 'decide_extension':
      return data.approved === true ? 'extended' : 'extension_refused';
    case 'urge':
    case 'supervise':
      return 'urged';
    case 'answer_urging':
      return 'urging_answered';
    case 'instruct':
      return 'instructed';
    case 'co_sign':
      return 'co_signed';
    case 'co_progress':
      return 'co_progressed';
    case 'edit':
      return 'edited';
    case 'withdraw':
      return 'withdrawn';
    case 'attach':
      return 'attached';
    case 'remove_attachment':
      return 'attachment_removed';
  }
}

export interface TaskTransition {
  kind: TaskTransitionKind;
  /** The task after the transition (for `escalated`: with the rung reached recorded). */
  task: TaskRow;
  /** Who acted; null for the scheduled escalation scan. */
  actorId: number | null;
  at: Date;
  /** What the timeline records for it (reason, percent, level of a rung…). */
  data: Record<string, unknown>;
}

/**
 * Runs inside the transition's transaction, on its executor: what it writes commits or rolls
 * back with the transition, and an error it throws undoes the transition. It may return
 * notifications to queue with the transition's own (the meeting's organiser, the citizen…).
 */
export type TaskSubscriber = (trx: Executor, transition: TaskTransition) => Promise<NewNotification[] | void>;

/** The subscribers of each source kind's tasks; several per kind, called in the order they came. */
export class TaskEvents {
  private readonly bySource = new Map<SourceKind, { kinds: ReadonlySet<TaskTransitionKind> | null; handler: TaskSubscriber }[]>();

  /**
   * Subscribes to the transitions of tasks that came from `source` (all kinds, or those named).
   * Returns the unsubscribe function.
   */
  subscribe(source: SourceKind, handler: TaskSubscriber, kinds?: readonly TaskTransitionKind[]): () => void {
    const entry = { kinds: kinds ? new Set(kinds) : null, handler };
    const list = this.bySource.get(source) ?? [];
    list.push(entry);
    this.bySource.set(source, list);
    return () => {
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
    };
  }

  /** Does anyone listen to this source's tasks? (The scan loads full rows only then.) */
  hasSubscribers(source: SourceKind, kind: TaskTransitionKind): boolean {
    return (this.bySource.get(source) ?? []).some((s) => s.kinds === null || s.kinds.has(kind));
  }

  /** Delivers a transition to its source's subscribers; the notifications they ask for. */
  async emit(trx: Executor, transition: TaskTransition): Promise<NewNotification[]> {
    const subscribers = this.bySource.get(transition.task.sourceKind);
    if (!subscribers?.length) return [];
    const out: NewNotification[] = [];
    for (const s of [...subscribers]) {
      if (s.kinds && !s.kinds.has(transition.kind)) continue;
      const notes = await s.handler(trx, transition);
      if (notes) out.push(...notes);
    }
    return out;
  }
}
