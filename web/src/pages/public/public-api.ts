/**
 * The anonymous API the portal calls (`/api/v1/public/...`): no session, no CSRF token. The
 * shapes are those the server's schemas answer (api-types.ts once the routes are generated).
 */
import { api } from '../../lib/api.ts';
import type { RatingLevel, RequestType } from '../../lib/public.ts';

export interface PublicCatalog {
  categories: { code: string; name: string }[];
}

export interface SubmitBody {
  type: RequestType;
  category: string;
  description: string;
  address?: string;
  lat?: number;
  long?: number;
  contactName?: string;
  contactPhone?: string;
  photoIds?: string[];
  /** The honeypot: always empty from a person. */
  website: string;
}

export interface Submitted {
  code: string;
}

export interface PublicRating {
  level: RatingLevel;
  comment: string | null;
  at: string;
  /** True when nobody rated within the window and 基本满意 was counted. */
  byDefault?: boolean;
}

export interface PublicRequestView {
  code: string;
  type: RequestType;
  category: string;
  categoryName?: string;
  status: string;
  submittedAt: string;
  unitName?: string | null;
  reply?: { text: string; at: string } | null;
  declineReason?: string | null;
  callBack?: { at: string; said: string } | null;
  canRate: boolean;
  ratings: PublicRating[];
  timeline: { at: string; text: string }[];
}

export interface VisitView {
  visitCode: string;
  windowName: string;
  unitName: string;
  rated: boolean;
}

export interface UnitStats {
  unitId: number;
  unitName: string;
  volume: number;
  onTimeRate: number | null;
  satisfaction: number | null;
}

export const publicApi = {
  catalog: () => api.get<PublicCatalog>('/api/v1/public/catalog'),
  submit: (body: SubmitBody) => api.post<Submitted>('/api/v1/public/requests', body),
  lookup: (code: string) => api.get<PublicRequestView>(`/api/v1/public/requests/${encodeURIComponent(code)}`),
  rate: (code: string, body: { level: RatingLevel; comment?: string }) => api.post<PublicRequestView>(`/api/v1/public/requests/${encodeURIComponent(code)}/ratings`, body),
  visit: (visitCode: string) => api.get<VisitView>(`/api/v1/public/visits/${encodeURIComponent(visitCode)}`),
  rateVisit: (visitCode: string, body: { level: RatingLevel; comment?: string }) => api.post<VisitView>(`/api/v1/public/visits/${encodeURIComponent(visitCode)}/rating`, body),
  stats: () => api.get<{ units: UnitStats[]; from?: string; to?: string }>('/api/v1/public/stats'),
};
