import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ReportContent, ReportKind, ReportStatus } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;

export interface ReportTable {
  id: Generated<number>;
  version: Generated<number>;
  kind: ReportKind;
  status: ReportStatus;
  /** The region (or unit) the report covers. */
  unitId: number;
  periodKey: string;
  periodFrom: DateCol;
  periodTo: DateCol;
  content: Json<ReportContent>;
  /** Keys of the sections whose text the supervisor edited (kept when the data is refreshed). */
  editedKeys: Json<string[]>;
  year: number | null;
  seq: number | null;
  /** 文号, set when issued. */
  number: string | null;
  /** The files as issued (an issued report never changes). */
  docx: Buffer | null;
  xlsx: Buffer | null;
  scheduled: Generated<boolean>;
  createdBy: number | null;
  issuedBy: number | null;
  issuedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
export type ReportUpdate = Updateable<ReportTable>;

/** One closed task in a personal summary: the task's own 小结, as the tasks service gave it. */
export interface SummaryItem {
  taskId: number;
  title: string;
  closedAt: string;
  done: string;
  result: string;
  lessons: string;
}

/** 个人总结 (一段时间一总结). */
export interface ReportSummaryTable {
  id: Generated<number>;
  version: Generated<number>;
  personId: number;
  unitId: number;
  periodKey: string;
  periodFrom: DateCol;
  periodTo: DateCol;
  status: 'draft' | 'submitted';
  items: Json<SummaryItem[]>;
  text: Generated<string>;
  submittedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type ReportSummary = Selectable<ReportSummaryTable>;

declare module '../../platform/db/schema.ts' {
  interface Database {
    report: ReportTable;
    reportSummary: ReportSummaryTable;
  }
}
