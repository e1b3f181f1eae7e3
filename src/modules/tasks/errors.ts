import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/**
 * The tasks module's error codes. The generic ones it also answers with (VALIDATION, FORBIDDEN,
 * INVALID_TRANSITION, STALE_VERSION, IMPORT_INVALID, UNSUPPORTED_MEDIA_TYPE, …) are the platform's.
 */
export const TASK_ERRORS = defineErrors('tasks', {
  TASK_NOT_FOUND: { status: 404, subject: 'Task', name: '督办事项' },
  ATTACHMENT_NOT_FOUND: { status: 404, subject: 'Attachment', name: '附件' },
  EXTENSION_NOT_FOUND: { status: 404, subject: 'Extension', name: '延期申请' },
  /** An ICS feed token that is unknown, revoked, or whose owner left. */
  FEED_NOT_FOUND: { status: 404, subject: 'Feed', name: '日历订阅' },
  /** 延期: at most policy.tasks.maxExtensions per task. */
  EXTENSION_LIMIT: { status: 409 },
  EXTENSION_PENDING: { status: 409 },
  URGING_NOT_FOUND: { status: 404, subject: 'Urging', name: '催办' },
  /** 情况说明: an urging is answered once. */
  URGING_ANSWERED: { status: 409 },
  /** 情况说明 while no urging waits for an answer. */
  NOTHING_TO_ANSWER: { status: 409 },
  /** 签收（协办）: the co-unit has signed for its part already. */
  TASK_CO_PART_SIGNED: { status: 409 },
  /** 报送协办进展 before the co-unit signed for its part. */
  TASK_CO_PART_NOT_SIGNED: { status: 409 },
  /** 修改事项 after sign-for naming a new deadline or lead unit: those go through 延期 / 退回 → 重新交办. */
  TASK_EDIT_NEEDS_FLOW: { status: 409 },
  /** 修改事项 or 删除附件 naming nothing to change. */
  TASK_EDIT_EMPTY: { status: 400 },
});

type TaskErrors = typeof TASK_ERRORS;
type TaskCodes = CodesOf<TaskErrors>;
type TaskSubjects = SubjectsOf<TaskErrors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends TaskCodes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends TaskSubjects {}
}
