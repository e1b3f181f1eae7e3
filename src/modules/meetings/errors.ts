import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/**
 * The meetings module's error codes. The generic ones it also answers with (VALIDATION,
 * FORBIDDEN, INVALID_TRANSITION, STALE_VERSION) are the platform's.
 */
export const MEETING_ERRORS = defineErrors('meetings', {
  MEETING_NOT_FOUND: { status: 404, subject: 'Meeting', name: '会议' },
  DECISION_NOT_FOUND: { status: 404, subject: 'Decision', name: '会议决定事项' },
  AGENDA_ITEM_NOT_FOUND: { status: 404, subject: 'AgendaItem', name: '会议议程' },
  /** A blocking finding (精文减会) and no written reason: `details.findings` names them. */
  MEETING_RULE_BLOCKED: { status: 409 },
  /** 一次布置到位: a decision lacks its lead unit, responsible person or deadline, or there is none. */
  DECISIONS_INCOMPLETE: { status: 409 },
});

type MeetingErrors = typeof MEETING_ERRORS;
type MeetingCodes = CodesOf<MeetingErrors>;
type MeetingSubjects = SubjectsOf<MeetingErrors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends MeetingCodes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends MeetingSubjects {}
}
