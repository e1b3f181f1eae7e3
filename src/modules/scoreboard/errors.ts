import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/** The scoreboard module's error codes; the generic ones (VALIDATION, FORBIDDEN, …) are the platform's. */
export const SCOREBOARD_ERRORS = defineErrors('scoreboard', {
  /** The unit is not ranked in that period (no row: not a township or county department, or not computed yet). */
  SCORE_NOT_FOUND: { status: 404, subject: 'Score' },
  SCORE_CASE_NOT_FOUND: { status: 404, subject: 'ModelCase' },
  /** The case was changed since the caller read it (version). */
  SCORE_CASE_STALE: { status: 409 },
  /** 推荐 → 入选 / 未入选 only: the case is not in a state that allows it. */
  SCORE_CASE_DECIDED: { status: 409 },
});

type ScoreboardErrors = typeof SCOREBOARD_ERRORS;
type ScoreboardCodes = CodesOf<ScoreboardErrors>;
type ScoreboardSubjects = SubjectsOf<ScoreboardErrors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends ScoreboardCodes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends ScoreboardSubjects {}
}
