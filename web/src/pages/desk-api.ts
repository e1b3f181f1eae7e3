/**
 * The staff side of citizens' requests (`/api/v1/citizen-requests`): the 12345 desk's queue and
 * actions, the unit's reply, return and rectification, the call-back, the flagged units, the
 * service windows and the Open311 client keys. Shapes: src/modules/public/schemas.ts.
 */
import { api, type QueryValue } from '../lib/api.ts';
import type { RequestStatus, RequestType } from '../lib/public.ts';
import type { Light } from '../lib/types.ts';

export interface DeskRequestSummary {
  id: number;
  version: number;
  /** Only its last four characters (…7K2M): the code is the citizen's credential. */
  code: string;
  type: RequestType;
  typeName: string;
  category: string;
  description: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  status: RequestStatus;
  statusName: string;
  region: { id: number; name: string };
  unit: { id: number; name: string } | null;
  taskId: number | null;
  submittedAt: string;
  acknowledgeDue: string;
  acknowledgedAt: string | null;
  deadline: string | null;
  round: number;
  rectifyDue: string | null;
  publishable: boolean;
  contactName: string | null;
  contactPhone: string | null;
  viaOpen311: boolean;
}

export type DeskAction = 'assign' | 'forward' | 'merge' | 'decline' | 'return' | 'reply' | 'rate' | 'rectify' | 'callback';

export interface DeskRequestDetail extends DeskRequestSummary {
  reply: string | null;
  repliedAt: string | null;
  answeredAt: string | null;
  declineReason: string | null;
  mergedInto: number | null;
  mergedFrom: number[];
  rectifiedAt: string | null;
  rectifyNote: string | null;
  returnUntil: string | null;
  contactMasked: boolean;
  ratings: { round: number; level: number; levelName: string; comment: string | null; ratedAt: string }[];
  effectiveRating: { level: number; levelName: string; defaulted: boolean } | null;
  callbacks: { id: number; round: number; calledBy: { id: number; name: string }; calledAt: string; said: string }[];
  photos: { id: number; fileName: string; contentType: string; size: number; createdAt: string }[];
  task: { id: number; version: number; status: string; deadline: string; light: Light; extensionsUsed: number } | null;
  allowedActions: DeskAction[];
}

export interface DeskPage {
  items: DeskRequestSummary[];
  nextCursor: string | null;
}

export interface Flags {
  months: string[];
  units: { unitId: number; unitName: string; rates: (number | null)[] }[];
}

export interface Open311Client {
  id: number;
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ServiceWindow {
  id: number;
  unitId: number;
  unitName: string;
  name: string;
  code: string;
  ratings: number;
  averageLevel: number | null;
}

const R = '/api/v1/citizen-requests';
export const deskApi = {
  list: (query: Record<string, QueryValue>) => api.get<DeskPage>(R, query),
  get: (id: number) => api.get<DeskRequestDetail>(`${R}/${id}`),
  act: (id: number, action: string, body: Record<string, unknown>) => api.post<DeskRequestDetail>(`${R}/${id}/${action}`, body),
  flags: () => api.get<Flags>(`${R}/flags`),
  clients: () => api.get<Open311Client[]>('/api/v1/open311-clients'),
  issueClient: (name: string) => api.post<Open311Client & { key: string }>('/api/v1/open311-clients', { name }),
  revokeClient: (id: number) => api.post<Open311Client>(`/api/v1/open311-clients/${id}/revoke`),
  windows: () => api.get<ServiceWindow[]>('/api/v1/service-windows'),
  createWindow: (body: { unitId: number; name: string }) => api.post<ServiceWindow>('/api/v1/service-windows', body),
  issueVisit: (windowId: number) => api.post<{ id: number; windowId: number; code: string; issuedAt: string }>(`/api/v1/service-windows/${windowId}/visits`),
};
