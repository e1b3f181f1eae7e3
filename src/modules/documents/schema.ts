import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DocumentKind, DocumentStatus, Verdict } from './rules.ts';
import type { StoredFindings } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface DocumentTable {
  id: Generated<number>;
  version: Generated<number>;
  title: string;
  /** The issuing unit (发文单位). */
  unitId: number;
  kind: DocumentKind;
  status: DocumentStatus;
  body: string;
  bodySource: ColumnType<'text' | 'docx', 'text' | 'docx' | undefined, 'text' | 'docx'>;
  fileName: string | null;
  /** 字数 of the body (rules.countChars), kept with it. */
  characters: number;
  authorId: number;
  /** The year it counts in: drafted, then issued (Asia/Shanghai). */
  year: number;
  verdict: Verdict | null;
  findings: Json<StoredFindings> | null;
  phrasesPer1000: number | null;
  checkedAt: Timestamp | null;
  checkedBy: number | null;
  /** 文号 */
  number: string | null;
  issuedAt: Timestamp | null;
  issuedBy: number | null;
  /** Why a unit issues past last year's count (needed then, audited). */
  explanation: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type DocumentRow = Selectable<DocumentTable>;

export interface DocumentPhraseListTable {
  id: number;
  phrases: Json<string[]>;
  version: number;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    document: DocumentTable;
    documentPhraseList: DocumentPhraseListTable;
  }
}
