/** The API's shapes as the web app reads them (see /api/docs for the full contract). */
export type Light = 'green' | 'yellow' | 'red' | 'done';
export type TaskStatus = 'assigned' | 'signed' | 'in_progress' | 'submitted' | 'verified' | 'closed' | 'returned';
export type TaskLevel = 'normal' | 'key' | 'major';
export type TodoKind = 'sign' | 'report' | 'warn' | 'verify' | 'extension';

export interface Ref {
  id: number;
  name: string;
}

export interface User {
  id: number;
  login: string;
  name: string;
  unitId: number;
  roles: string[];
}

export interface Summary {
  done: string;
  result: string;
  lessons: string;
}

export interface Task {
  id: number;
  version: number;
  title: string;
  description: string | null;
  status: TaskStatus;
  level: TaskLevel;
  source: { kind: string; ref: string | null };
  assignerId: number;
  leadUnit: Ref;
  coUnitIds: number[];
  responsible: Ref | null;
  leaderId: number | null;
  standard: string | null;
  assessment: string | null;
  deadline: string;
  deadlineEstimated: boolean;
  originalDeadline: string;
  signDue: string;
  planDue: string | null;
  nextReportDue: string | null;
  nextMilestoneDue: string | null;
  progressPercent: number;
  light: Light;
  lightReasons: string[];
  overdueWorkdays: number;
  escalations: { level: string; at: string; overdueWorkdays: number }[];
  extensionsUsed: number;
  pendingExtension: boolean;
  completion: { text: string; evidence?: string } | null;
  summary: Summary | null;
  assignedAt: string;
  signedAt: string | null;
  submittedAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface TimelineEvent {
  id: number;
  kind: string;
  at: string;
  actorId: number | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface Milestone {
  id: number;
  title: string;
  due: string;
  ownerId: number | null;
  ownerName: string | null;
  doneAt: string | null;
}

export interface Extension {
  id: number;
  reason: string;
  currentDeadline: string;
  newDeadline: string;
  status: string;
  requestedBy: number;
  decidedBy: number | null;
  decisionNote: string | null;
  createdAt: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  eventId: number | null;
}

export interface TaskDetail extends Task {
  allowedActions: string[];
  milestones: Milestone[];
  extensions: Extension[];
  timeline: TimelineEvent[];
  attachments: Attachment[];
}

export interface Unit {
  id: number;
  name: string;
  code: string;
  kind: 'region' | 'department';
  level: string;
  parentId: number | null;
  sortOrder: number;
  active: boolean;
}

export interface Person {
  id: number;
  name: string;
  login: string;
  unitId: number;
  unitName: string;
  title: string | null;
  rank: string;
  roles: string[];
  email: string | null;
  phone: string | null;
  active: boolean;
}

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  objectType: string | null;
  objectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface CalendarDay {
  date: string;
  kind: string;
  isWorkday: boolean;
  name?: string;
  estimated: boolean;
}

export interface Stats {
  totals: { total: number; byLight: Record<string, number>; byStatus: Record<string, number> };
  units: { unitId: number; unitName: string; total: number; byLight: Record<string, number>; byStatus: Record<string, number> }[];
}

export interface TrendWeek {
  week: string;
  done: number;
  onTime: number;
  escalations: Record<string, number>;
}
