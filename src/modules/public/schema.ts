import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RequestStatus, RequestType } from './rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A citizen's request (群众诉求): anonymous, known by its tracking code. */
export interface CitizenRequestTable {
  id: Generated<number>;
  version: Generated<number>;
  /** The tracking code the citizen holds (unguessable; the only thing that identifies them). */
  code: string;
  type: RequestType;
  /** The service category (the Open311 service_code). */
  category: string;
  description: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  /** Never public; masked for staff without the need to know. */
  contactName: string | null;
  contactPhone: string | null;
  /** The jurisdiction (a region) whose desk takes it in. */
  regionId: number;
  /** The unit it was assigned (or forwarded) to. */
  unitId: number | null;
  taskId: number | null;
  status: RequestStatus;
  dedupeKey: string;
  /** The Open311 client application that posted it, if any. */
  clientId: number | null;
  submittedAt: Timestamp;
  acknowledgeDue: string;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: number | null;
  assignedOn: string | null;
  /** Its task's deadline (kept in step through the task events). */
  deadline: string | null;
  reply: string | null;
  repliedAt: Timestamp | null;
  repliedBy: number | null;
  /** When its task was verified: the citizen sees the reply from then on. */
  answeredAt: Timestamp | null;
  /** When the current round's rating window opened: the answer (round 0) or the call-back. */
  ratingOpenedAt: Timestamp | null;
  declineReason: string | null;
  mergedInto: number | null;
  /** 0, then one more each time a bad rating reopens it. */
  round: Generated<number>;
  rectifyDue: string | null;
  rectifiedAt: Timestamp | null;
  rectifyNote: string | null;
  /** Staff marked the citizen's text publishable (public statistics may quote it). */
  publishable: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type CitizenRequest = Selectable<CitizenRequestTable>;

export interface CitizenRequestPhotoTable {
  id: Generated<number>;
  requestId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
  createdAt: Timestamp;
}

export interface CitizenRatingTable {
  id: Generated<number>;
  requestId: number;
  round: number;
  level: number;
  comment: string | null;
  ratedAt: Timestamp;
}
export type CitizenRating = Selectable<CitizenRatingTable>;

/** 回访: who called, when, what the citizen said. */
export interface CitizenCallbackTable {
  id: Generated<number>;
  requestId: number;
  round: number;
  calledBy: number;
  calledAt: Timestamp;
  said: string;
  createdAt: Timestamp;
}
export type CitizenCallback = Selectable<CitizenCallbackTable>;

/** A service window (窗口) whose QR link lets a visitor rate it, once per visit code. */
export interface ServiceWindowTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  code: string;
  createdAt: Timestamp;
}
export type ServiceWindow = Selectable<ServiceWindowTable>;

export interface WindowVisitTable {
  id: Generated<number>;
  windowId: number;
  code: string;
  issuedBy: number;
  issuedAt: Timestamp;
  level: number | null;
  comment: string | null;
  ratedAt: Timestamp | null;
}

/** A client application allowed to post through Open311 (its key stored hashed). */
export interface Open311ClientTable {
  id: Generated<number>;
  name: string;
  keyHash: string;
  keyPrefix: string;
  createdBy: number;
  createdAt: Timestamp;
  revokedAt: Timestamp | null;
}
export type Open311Client = Selectable<Open311ClientTable>;

declare module '../../platform/db/schema.ts' {
  interface Database {
    citizenRequest: CitizenRequestTable;
    citizenRequestPhoto: CitizenRequestPhotoTable;
    citizenRating: CitizenRatingTable;
    citizenCallback: CitizenCallbackTable;
    serviceWindow: ServiceWindowTable;
    windowVisit: WindowVisitTable;
    open311Client: Open311ClientTable;
  }
}
