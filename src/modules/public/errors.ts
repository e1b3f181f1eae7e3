import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/**
 * The citizens' requests module's error codes. The generic ones it also answers with
 * (VALIDATION, FORBIDDEN, INVALID_TRANSITION, STALE_VERSION, RATE_LIMITED) are the platform's.
 */
export const PUBLIC_ERRORS = defineErrors('public', {
  REQUEST_NOT_FOUND: { status: 404, subject: 'Request', name: '诉求' },
  PHOTO_NOT_FOUND: { status: 404, subject: 'Photo', name: '照片' },
  WINDOW_NOT_FOUND: { status: 404, subject: 'Window', name: '服务窗口' },
  VISIT_NOT_FOUND: { status: 404, subject: 'Visit', name: '窗口办事记录' },
  CLIENT_NOT_FOUND: { status: 404, subject: 'Client', name: '开放接口客户端' },
  /** The same description and place within a day: `details.code` is the earlier request's tracking code. */
  DUPLICATE_REQUEST: { status: 409 },
  /** A submission refused as automated (the honeypot field was filled). */
  SUBMISSION_REFUSED: { status: 400 },
  /** Rated already, or outside the rating window, or not yet answered. */
  RATING_REFUSED: { status: 409 },
  /** A reply is required before the task is submitted (答复后方可办结). */
  REPLY_REQUIRED: { status: 409 },
  /** Returned after returnWithinWorkdays. */
  RETURN_TOO_LATE: { status: 409 },
});

type PublicErrors = typeof PUBLIC_ERRORS;
type PublicCodes = CodesOf<PublicErrors>;
type PublicSubjects = SubjectsOf<PublicErrors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends PublicCodes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends PublicSubjects {}
}
