import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/**
 * The documents module's error codes. The generic ones it also answers with (VALIDATION,
 * FORBIDDEN, INVALID_TRANSITION, STALE_VERSION, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE) are the platform's.
 */
export const DOCUMENT_ERRORS = defineErrors('documents', {
  DOCUMENT_NOT_FOUND: { status: 404, subject: 'Document', name: '文件' },
  /** A 文号 is unique per issuing unit and year. */
  DOCUMENT_NUMBER_TAKEN: { status: 409 },
  /** Issuing past last year's count less the reduction needs a written explanation. */
  DOCUMENT_QUOTA_EXPLANATION_REQUIRED: { status: 409 },
  /** Issuing needs a check of the current body (status 已体检). */
  DOCUMENT_NOT_CHECKED: { status: 409 },
  /** A document over its kind's length limit is not issued. */
  DOCUMENT_OVER_LIMIT: { status: 409 },
  /** A .docx that could not be read. */
  DOCUMENT_UNREADABLE: { status: 400 },
});

type DocumentErrors = typeof DOCUMENT_ERRORS;
type DocumentCodes = CodesOf<DocumentErrors>;
type DocumentSubjects = SubjectsOf<DocumentErrors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends DocumentCodes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends DocumentSubjects {}
}
