import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Finding, MeetingKind, MeetingScope, MeetingStatus, SpeechRole } from './rules.ts';
import type { TaskLevel } from '../tasks/rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface MeetingTable {
  id: Generated<number>;
  version: Generated<number>;
  title: string;
  kind: MeetingKind;
  scope: MeetingScope;
  organizerUnitId: number;
  /** The organiser's region (nearest region at or above it) when planned: the yearly count's unit. */
  regionId: number;
  /** The start's year in Asia/Shanghai: what the quotas count by. */
  year: number;
  startsAt: Timestamp;
  endsAt: Timestamp;
  place: string | null;
  online: Generated<boolean>;
  chair: string | null;
  headcount: number;
  status: MeetingStatus;
  findings: Json<Finding[]>;
  overrideReason: string | null;
  plannedBy: number;
  /** The supervisor's approval or refusal of a plan that overrode a blocking finding. */
  decidedBy: number | null;
  decidedAt: Timestamp | null;
  decisionComment: string | null;
  concludedBy: number | null;
  concludedAt: Timestamp | null;
  cancelledAt: Timestamp | null;
  cancelReason: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type Meeting = Selectable<MeetingTable>;

export interface MeetingAgendaItemTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  speakerId: number | null;
  speaker: string | null;
  role: SpeechRole;
  minutes: number;
  topic: string | null;
  actualMinutes: number | null;
  startedAt: Timestamp | null;
  endedAt: Timestamp | null;
}
export type MeetingAgendaItem = Selectable<MeetingAgendaItemTable>;

export interface MeetingAttendeeTable {
  meetingId: number;
  unitId: number;
}

export interface MeetingDecisionTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  text: string;
  description: string | null;
  leadUnitId: number | null;
  responsibleId: number | null;
  /** A date, or a number of working days from the conclusion (one of them, or neither yet). */
  deadline: string | null;
  deadlineWorkdays: number | null;
  level: TaskLevel;
  /** The supervised task it became when the meeting was concluded. */
  taskId: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type MeetingDecision = Selectable<MeetingDecisionTable>;

declare module '../../platform/db/schema.ts' {
  interface Database {
    meeting: MeetingTable;
    meetingAgendaItem: MeetingAgendaItemTable;
    meetingAttendee: MeetingAttendeeTable;
    meetingDecision: MeetingDecisionTable;
  }
}
