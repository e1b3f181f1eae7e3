import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Database types; columns are snake_case in SQL and camelCase here (naming.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface UnitTable {
  id: Generated<number>;
  parentId: number | null;
  code: string;
  name: string;
  kind: 'region' | 'department';
  level: 'province' | 'prefecture' | 'county' | 'township';
  path: string;
  sortOrder: Generated<number>;
  active: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;

export interface PersonTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  login: string;
  title: string | null;
  rank: 'provincial' | 'department' | 'county' | 'township' | 'other';
  /** 任职日期: when the post at this rank began (YYYY-MM-DD); prorates the yearly field-day target. */
  rankSince: ColumnType<string | null, string | null | undefined, string | null>;
  roles: ColumnType<string[], string[], string[]>;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  passwordHash: string | null;
  passwordChangedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;

/** Failed logins per login (lower case) and client address; see the create_login_throttle migration. */
export interface LoginThrottleTable {
  login: string;
  clientIp: string;
  failures: Generated<number>;
  lockedUntil: Timestamp | null;
  updatedAt: Timestamp;
}

export interface SessionTable {
  tokenHash: string;
  personId: number;
  csrfToken: string;
  clientIp: string | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}
export type Session = Selectable<SessionTable>;

export interface ApiTokenTable {
  id: Generated<number>;
  personId: number;
  name: string;
  tokenHash: string;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}
export type ApiToken = Selectable<ApiTokenTable>;

export interface AuditLogTable {
  /** Global order (a sequence: unique, gaps where a transaction rolled back). */
  seq: ColumnType<string | number, number | undefined, never>;
  /** Which of the AUDIT_CHAINS chains, and the entry's place in it (what its hash covers as "seq"). */
  chain: ColumnType<number, number, never>;
  link: ColumnType<string | number, number, never>;
  at: Timestamp;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: Json | null;
  after: Json | null;
  clientIp: string | null;
  /**
   * sha256 of the entry's canonical JSON (`entryHash`), its 32 bytes. The previous entry's hash,
   * which it covers, is not stored (migration 202612030100): it is the entry before in the chain.
   */
  hash: ColumnType<Uint8Array, Uint8Array, never>;
}
export type AuditRow = Selectable<AuditLogTable>;

export interface AuditHeadTable {
  id: number;
  seq: ColumnType<string | number, number, number>;
  hash: string;
  /** Where the chain's archived part ends (0 and the genesis hash: nothing archived). */
  archivedLink: ColumnType<string | number, number | undefined, number>;
  archivedHash: Generated<string>;
}

export interface AuditArchiveTable {
  id: Generated<number>;
  archivedAt: Date;
  before: Date;
  entries: number;
  chains: Json<AuditArchiveChain[]>;
  fileName: string;
  fileSha256: string;
}

/** One chain's part of an archive: the entries after `afterLink` through `throughLink`. */
export interface AuditArchiveChain {
  chain: number;
  afterLink: number;
  afterHash: string;
  throughLink: number;
  throughHash: string;
}

export interface CalendarYearTable {
  year: number;
  holidays: Json<Record<string, string>>;
  workdays: Json<Record<string, string>>;
  note: string | null;
  updatedBy: number | null;
  updatedAt: Timestamp;
}
export type CalendarYearRow = Selectable<CalendarYearTable>;

export interface PolicyOverrideTable {
  unitId: number;
  overrides: Json<Record<string, unknown>>;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  recipientId: number;
  kind: string;
  title: string;
  body: string;
  objectType: string | null;
  objectId: string | null;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}
export type Notification = Selectable<NotificationTable>;

export interface WebhookTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  kinds: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  createdAt: Timestamp;
}
export type Webhook = Selectable<WebhookTable>;

export interface DeliveryTable {
  id: Generated<number>;
  notificationId: number;
  channel: 'email' | 'webhook' | 'robot' | 'sms';
  target: string;
  webhookId: number | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: Timestamp;
  sentAt: Timestamp | null;
  createdAt: Timestamp;
}
export type Delivery = Selectable<DeliveryTable>;

export interface Database {
  unit: UnitTable;
  person: PersonTable;
  session: SessionTable;
  loginThrottle: LoginThrottleTable;
  apiToken: ApiTokenTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  auditArchive: AuditArchiveTable;
  calendarYear: CalendarYearTable;
  policyOverride: PolicyOverrideTable;
  notification: NotificationTable;
  webhook: WebhookTable;
  delivery: DeliveryTable;
}
