import type { ColumnType, Generated, Selectable } from 'kysely';
import type { PlaceKind, Severity, VisitKind } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A place below a township (行政村, 社区, 企业, 项目点, 学校, 卫生院), with its tags (先进 / 后进 / 重点项目 / 脱贫村). */
export interface ResearchPlaceTable {
  id: Generated<number>;
  townshipId: number;
  name: string;
  kind: PlaceKind;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type ResearchPlace = Selectable<ResearchPlaceTable>;

/** A field visit (调研、现场办公、接访下访、驻点、督查): whole days from start to end, or one half day. */
export interface FieldVisitTable {
  id: Generated<number>;
  startDate: string;
  endDate: string;
  halfDay: Generated<boolean>;
  kind: VisitKind;
  /** 四不两直: not announced beforehand. */
  unannounced: Generated<boolean>;
  purpose: string;
  seen: string | null;
  peopleMet: string | null;
  createdBy: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type FieldVisit = Selectable<FieldVisitTable>;

export interface FieldVisitPersonTable {
  visitId: number;
  personId: number;
}
export interface FieldVisitPlaceTable {
  visitId: number;
  placeId: number;
}

/** 调研发现: a problem found, where, its category and severity, and the supervised task it became. */
export interface FieldFindingTable {
  id: Generated<number>;
  visitId: number;
  position: number;
  problem: string;
  placeId: number | null;
  category: string | null;
  severity: Severity;
  taskId: number | null;
  createdAt: Timestamp;
}
export type FieldFinding = Selectable<FieldFindingTable>;

declare module '../../platform/db/schema.ts' {
  interface Database {
    researchPlace: ResearchPlaceTable;
    fieldVisit: FieldVisitTable;
    fieldVisitPerson: FieldVisitPersonTable;
    fieldVisitPlace: FieldVisitPlaceTable;
    fieldFinding: FieldFindingTable;
  }
}
