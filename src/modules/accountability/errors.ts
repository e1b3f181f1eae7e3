import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/**
 * The accountability module's error codes. The generic ones it also answers with (VALIDATION,
 * FORBIDDEN, INVALID_TRANSITION, STALE_VERSION) are the platform's.
 */
export const ACCOUNTABILITY_ERRORS = defineErrors('accountability', {
  ACCOUNTABILITY_NOT_FOUND: { status: 404, subject: 'AccountabilityRecord', name: '问责记录' },
  /** The target person does not work in the target unit or below it. */
  ACCOUNTABILITY_TARGET_MISMATCH: { status: 400 },
  /** An evidence item names a task, request or attachment that does not exist or that the caller cannot see. */
  ACCOUNTABILITY_EVIDENCE_INVALID: { status: 400 },
  ACCOUNTABILITY_ATTACHMENT_NOT_FOUND: { status: 404, subject: 'AccountabilityAttachment', name: '问责附件' },
});

type Errors = typeof ACCOUNTABILITY_ERRORS;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends CodesOf<Errors> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends SubjectsOf<Errors> {}
}
