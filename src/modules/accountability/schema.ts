import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Evidence, RecordKind, RecordOrigin, RecordStatus } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** 问责 record: 提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议 against a unit or a person. */
export interface AccountabilityRecordTable {
  id: Generated<number>;
  version: Generated<number>;
  kind: RecordKind;
  status: RecordStatus;
  targetUnitId: number;
  targetPersonId: number | null;
  title: string;
  reason: string;
  evidence: Json<Evidence[]>;
  origin: RecordOrigin;
  /** Makes a job's draft once: task:<id>:<rung>, flag:<unit>:<month>; null by hand. */
  originKey: string | null;
  /** When the rung fired (the job's cursor). */
  originAt: Timestamp | null;
  taskId: number | null;
  /** Null: made by a job. */
  createdBy: number | null;
  issuedBy: number | null;
  issuedAt: Timestamp | null;
  explanation: string | null;
  explainedBy: number | null;
  explainedAt: Timestamp | null;
  conclusion: string | null;
  closedBy: number | null;
  closedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type AccountabilityRecord = Selectable<AccountabilityRecordTable>;
export type NewAccountabilityRecord = Insertable<AccountabilityRecordTable>;
export type AccountabilityRecordUpdate = Updateable<AccountabilityRecordTable>;

/** An evidence file of a record (the platform's upload rules: sniffed type, size limit). */
export interface AccountabilityAttachmentTable {
  id: Generated<number>;
  recordId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
  uploadedBy: number;
  createdAt: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    accountabilityRecord: AccountabilityRecordTable;
    accountabilityAttachment: AccountabilityAttachmentTable;
  }
}
