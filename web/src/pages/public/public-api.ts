/**
 * The anonymous API the portal calls (`/api/v1/public/...`): no session, no CSRF token. The
 * shapes are the server's schemas (src/modules/public/schemas.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { components, paths } from '../../lib/api-types.ts';
import type { RatingLevel } from '../../lib/public.ts';
import type { ApiResponse } from '../../lib/types.ts';

export type PublicCatalog = ApiResponse<'/api/v1/public/catalog', 'get'>;
export type SubmitBody = NonNullable<paths['/api/v1/public/requests']['post']['requestBody']>['content']['application/json'];
export type Submitted = ApiResponse<'/api/v1/public/requests', 'post'>;
export type PublicRequestView = components['schemas']['CitizenRequestPublic'];
export type PublicRating = PublicRequestView['ratings'][number];
export type PublicStats = components['schemas']['CitizenStats'];
export type UnitStats = PublicStats['units'][number];
type WindowPublic = ApiResponse<'/api/v1/public/windows/{code}', 'get'>;
type WindowRated = ApiResponse<'/api/v1/public/windows/{code}/ratings', 'post'>;
type Photo = ApiResponse<'/api/v1/public/requests/{code}/photos', 'post'>;

const enc = encodeURIComponent;
export const publicApi = {
  catalog: () => api.get<PublicCatalog>('/api/v1/public/catalog'),
  submit: (body: SubmitBody) => api.post<Submitted>('/api/v1/public/requests', body),
  addPhoto: (code: string, file: File) => api.upload<Photo>(`/api/v1/public/requests/${enc(code)}/photos`, file, file.type || 'application/octet-stream'),
  lookup: (code: string) => api.get<PublicRequestView>(`/api/v1/public/requests/${enc(code)}`),
  rate: (code: string, body: { level: RatingLevel; comment?: string }) => api.post<PublicRequestView>(`/api/v1/public/requests/${enc(code)}/rating`, body),
  window: (code: string) => api.get<WindowPublic>(`/api/v1/public/windows/${enc(code)}`),
  rateWindow: (code: string, body: { visitCode: string; level: RatingLevel; comment?: string }) =>
    api.post<WindowRated>(`/api/v1/public/windows/${enc(code)}/ratings`, body),
  stats: (year?: number) => api.get<PublicStats>('/api/v1/public/stats', { year }),
};

/** Photos: images, at most this many and this large each (the server's PHOTO_RULE and MAX_PHOTOS). */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The catalogue (types, categories, rating levels): rarely changes, so fetched once an hour. */
export const useCatalog = () => useQuery({ queryKey: ['public', 'catalog'], queryFn: publicApi.catalog, staleTime: 3600_000 });
/** A category's name from the catalogue, or its code while the catalogue loads. */
export const categoryName = (catalog: PublicCatalog | undefined, code: string) => catalog?.categories.find((c) => c.code === code)?.name ?? code;
