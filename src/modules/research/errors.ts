import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/** The research module's error codes; the generic ones (VALIDATION, FORBIDDEN, …) are the platform's. */
export const RESEARCH_ERRORS = defineErrors('research', {
  PLACE_NOT_FOUND: { status: 404, subject: 'Place', name: '调研点' },
  FIELD_VISIT_NOT_FOUND: { status: 404, subject: 'FieldVisit', name: '一线调研' },
  FINDING_NOT_FOUND: { status: 404, subject: 'Finding', name: '调研发现' },
  /** The finding already became a task. */
  FINDING_HAS_TASK: { status: 409 },
  /** A place of that name already exists in the township. */
  PLACE_EXISTS: { status: 409 },
});

type ResearchErrors = typeof RESEARCH_ERRORS;
type ResearchCodes = CodesOf<ResearchErrors>;
type ResearchSubjects = SubjectsOf<ResearchErrors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends ResearchCodes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends ResearchSubjects {}
}
