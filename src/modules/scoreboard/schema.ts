import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CaseStatus, ComponentScore } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** What a board row shows of a component (the `brief` of a score row). */
export type ComponentBrief = Pick<ComponentScore, 'key' | 'name' | 'score' | 'weight'>;

/**
 * One subject's score for one period (比学赶超), written by the scoreboard job: a unit ranked
 * within its peer group (townships of a county; a county's departments), or a person ranked within
 * their unit. The scoreboard answers from one indexed read of this table.
 */
export interface ScoreboardScoreTable {
  period: string;
  subjectKind: 'unit' | 'person';
  subjectId: number;
  /** township | department for units, person for people. */
  peer: string;
  /** The peer group: the county (units), the unit (people). */
  groupId: number;
  /** The unit (a person's unit), its path (scope checks in SQL) and names as of the computation. */
  unitId: number;
  unitPath: string;
  name: string;
  /** Null: no data. */
  score: number | null;
  rank: number | null;
  change: number | null;
  components: Json<ComponentScore[]>;
  /** What a board row shows of each component (key, name, score, weight); empty for people. */
  brief: ColumnType<ComponentBrief[], string | undefined, string>;
  /** The total's formula in words and numbers. */
  explanation: string;
  computedAt: Timestamp;
}
export type ScoreboardScore = Selectable<ScoreboardScoreTable>;

/** A computed period; once `closedAt` is set its rows never change. */
export interface ScoreboardPeriodTable {
  period: string;
  computedAt: Timestamp;
  closedAt: Timestamp | null;
}

/** 典型: a task or practice nominated as a model case, with its write-up. */
export interface ModelCaseTable {
  id: Generated<number>;
  version: Generated<number>;
  title: string;
  summary: string;
  body: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  unitId: number;
  taskId: number | null;
  status: CaseStatus;
  /** The year it is filed under (its nomination's, Asia/Shanghai). */
  year: number;
  nominatedBy: number;
  decidedBy: number | null;
  decidedAt: Timestamp | null;
  decisionNote: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type ModelCase = Selectable<ModelCaseTable>;

declare module '../../platform/db/schema.ts' {
  interface Database {
    scoreboardScore: ScoreboardScoreTable;
    scoreboardPeriod: ScoreboardPeriodTable;
    modelCase: ModelCaseTable;
  }
}
