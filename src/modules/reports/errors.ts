import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/** The reports module's error codes (the generic VALIDATION, FORBIDDEN, INVALID_TRANSITION, STALE_VERSION are the platform's). */
export const REPORT_ERRORS = defineErrors('reports', {
  REPORT_NOT_FOUND: { status: 404, subject: 'Report', name: '报告' },
  REPORT_SUMMARY_NOT_FOUND: { status: 404, subject: 'ReportSummary', name: '个人总结' },
  /** A periodic report for this unit, kind and period exists already: `details.id` names it. */
  REPORT_EXISTS: { status: 409 },
  /** The period does not fit the kind (周报告 2026-W48, 月调度 2026-11, 季通报 2026-Q4, 年度考评 2026, 通报 any). */
  REPORT_PERIOD_INVALID: { status: 400 },
  /** An edit names a section the report does not have. */
  REPORT_SECTION_UNKNOWN: { status: 400 },
});

type Errors = typeof REPORT_ERRORS;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends CodesOf<Errors> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends SubjectsOf<Errors> {}
}
