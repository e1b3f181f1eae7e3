/**
 * The anonymous API the portal calls (`/api/v1/public/...`): no session, no CSRF token. The
 * shapes are the server's schemas (src/modules/public/schemas.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { RatingLevel, RequestStatus, RequestType } from '../../lib/public.ts';

export interface PublicCatalog {
  types: { code: RequestType; name: string; resolveWorkdays: number | null }[];
  categories: { code: string; name: string; description: string; group: string }[];
  ratingLevels: { level: number; name: string }[];
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
  /** The honeypot: always empty from a person. */
  website?: string;
}

export interface Submitted {
  code: string;
  acknowledgeDue: string;
  message: string;
}

export interface PublicRating {
  round: number;
  level: number;
  levelName: string;
  comment: string | null;
  ratedAt: string;
}

export interface PublicRequestView {
  code: string;
  type: RequestType;
  typeName: string;
  category: string;
  description: string;
  address: string | null;
  status: RequestStatus;
  statusName: string;
  submittedAt: string;
  acknowledgeDue: string;
  acknowledgedAt: string | null;
  unitName: string | null;
  deadline: string | null;
  reply: string | null;
  answeredAt: string | null;
  declineReason: string | null;
  merged: boolean;
  rectifyDue: string | null;
  rectification: string | null;
  callbacks: { calledAt: string }[];
  ratings: PublicRating[];
  canRate: boolean;
  ratingWindowEndsAt: string | null;
  effectiveRating: { level: number; levelName: string; defaulted: boolean } | null;
  photos: number;
}

export interface UnitStats {
  unitId: number;
  unitName: string;
  volume: number;
  answered: number;
  onTimeRate: number | null;
  rated: number;
  satisfactionRate: number | null;
  averageLevel: number | null;
}
export interface PublicStats {
  region: { id: number; name: string };
  year: number;
  units: UnitStats[];
  quotes: { type: string; category: string; description: string; reply: string | null; unitName: string; level: number | null; comment: string | null }[];
}

const enc = encodeURIComponent;
export const publicApi = {
  catalog: () => api.get<PublicCatalog>('/api/v1/public/catalog'),
  submit: (body: SubmitBody) => api.post<Submitted>('/api/v1/public/requests', body),
  addPhoto: (code: string, file: File) => api.upload<{ id: number; fileName: string }>(`/api/v1/public/requests/${enc(code)}/photos`, file, file.type || 'application/octet-stream'),
  lookup: (code: string) => api.get<PublicRequestView>(`/api/v1/public/requests/${enc(code)}`),
  rate: (code: string, body: { level: RatingLevel; comment?: string }) => api.post<PublicRequestView>(`/api/v1/public/requests/${enc(code)}/rating`, body),
  window: (code: string) => api.get<{ name: string; unitName: string }>(`/api/v1/public/windows/${enc(code)}`),
  rateWindow: (code: string, body: { visitCode: string; level: RatingLevel; comment?: string }) =>
    api.post<{ windowName: string; unitName: string; level: number; message: string }>(`/api/v1/public/windows/${enc(code)}/ratings`, body),
  stats: (year?: number) => api.get<PublicStats>('/api/v1/public/stats', { year }),
};

/** Photos: images, at most this many and this large each (the server's PHOTO_RULE and MAX_PHOTOS). */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The catalogue (types, categories, rating levels): rarely changes, so fetched once an hour. */
export const useCatalog = () => useQuery({ queryKey: ['public', 'catalog'], queryFn: publicApi.catalog, staleTime: 3600_000 });
/** A category's name from the catalogue, or its code while the catalogue loads. */
export const categoryName = (catalog: PublicCatalog | undefined, code: string) => catalog?.categories.find((c) => c.code === code)?.name ?? code;
