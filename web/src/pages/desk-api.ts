/**
 * The staff side of citizens' requests: the 12345 desk's queue and actions, the unit's reply,
 * return, extension, rectification and call-back, the flagged units, the Open311 client keys.
 */
import { api, type QueryValue } from '../lib/api.ts';
import type { RatingLevel, RequestType } from '../lib/public.ts';
import type { Light } from '../lib/types.ts';

export interface DeskRequestSummary {
  id: number;
  code: string;
  type: RequestType;
  category: string;
  categoryName?: string;
  description: string;
  address: string | null;
  status: string;
  submittedAt: string;
  acknowledgeDue: string;
  /** The acknowledge deadline's light while it waits for intake (green/yellow/red). */
  acknowledgeLight?: Light | null;
  unit: { id: number; name: string } | null;
  task: { id: number; title: string; light: Light; deadline: string } | null;
}

export interface DeskRequestDetail extends DeskRequestSummary {
  version: number;
  lat: number | null;
  long: number | null;
  contact: { name: string | null; phone: string | null; masked: boolean } | null;
  deadline: string | null;
  reply: string | null;
  repliedAt: string | null;
  answeredAt: string | null;
  declineReason: string | null;
  mergedInto: { id: number; code: string } | null;
  round: number;
  rectifyDue: string | null;
  rectifiedAt: string | null;
  rectifyNote: string | null;
  publishable: boolean;
  photos: { id: number; fileName: string }[];
  ratings: { round: number; level: RatingLevel; comment: string | null; at: string; byDefault?: boolean }[];
  callbacks: { round: number; calledBy: { id: number; name: string }; calledAt: string; said: string }[];
  /** What the caller may do now. */
  actions: string[];
}

export interface DeskPage {
  items: DeskRequestSummary[];
  nextCursor: string | null;
}

export interface FlaggedUnit {
  unitId: number;
  unitName: string;
  months: string[];
  satisfaction: (number | null)[];
}

export interface Open311Client {
  id: number;
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const R = '/api/v1/public-requests';
export const deskApi = {
  list: (query: Record<string, QueryValue>) => api.get<DeskPage>(R, query),
  get: (id: number) => api.get<DeskRequestDetail>(`${R}/${id}`),
  act: (id: number, action: string, body: Record<string, unknown>) => api.post<DeskRequestDetail>(`${R}/${id}/${action}`, body),
  flagged: () => api.get<{ items: FlaggedUnit[] }>(`${R}/flagged-units`),
  clients: () => api.get<{ items: Open311Client[] }>('/api/v1/open311-clients'),
  issueClient: (name: string) => api.post<{ client: Open311Client; apiKey: string }>('/api/v1/open311-clients', { name }),
  revokeClient: (id: number) => api.del<void>(`/api/v1/open311-clients/${id}`),
};
