/**
 * The staff side of citizens' requests (`/api/v1/citizen-requests`): the 12345 desk's queue and
 * actions, the unit's reply, return and rectification, the call-back, the flagged units, the
 * service windows and the Open311 client keys. Shapes: src/modules/public/schemas.ts.
 */
import { api, type QueryValue } from '../lib/api.ts';
import type { components } from '../lib/api-types.ts';
import type { ApiResponse } from '../lib/types.ts';

type Schemas = components['schemas'];

export type DeskRequestSummary = Schemas['CitizenRequest'];
export type DeskRequestDetail = Schemas['CitizenRequestDetail'];
export type DeskAction = DeskRequestDetail['allowedActions'][number];
export type DeskPage = ApiResponse<'/api/v1/citizen-requests', 'get'>;
export type Flags = ApiResponse<'/api/v1/citizen-requests/flags', 'get'>;
export type Open311Client = ApiResponse<'/api/v1/open311-clients', 'get'>[number];
export type Open311Issued = ApiResponse<'/api/v1/open311-clients', 'post'>;
export type ServiceWindow = ApiResponse<'/api/v1/service-windows', 'get'>[number];
export type Visit = ApiResponse<'/api/v1/service-windows/{id}/visits', 'post'>;

const R = '/api/v1/citizen-requests';
export const deskApi = {
  list: (query: Record<string, QueryValue>) => api.get<DeskPage>(R, query),
  get: (id: number) => api.get<DeskRequestDetail>(`${R}/${id}`),
  act: (id: number, action: string, body: Record<string, unknown>) => api.post<DeskRequestDetail>(`${R}/${id}/${action}`, body),
  flags: () => api.get<Flags>(`${R}/flags`),
  clients: () => api.get<Open311Client[]>('/api/v1/open311-clients'),
  issueClient: (name: string) => api.post<Open311Issued>('/api/v1/open311-clients', { name }),
  revokeClient: (id: number) => api.post<Open311Client>(`/api/v1/open311-clients/${id}/revoke`),
  windows: () => api.get<ServiceWindow[]>('/api/v1/service-windows'),
  createWindow: (body: { unitId: number; name: string }) => api.post<ServiceWindow>('/api/v1/service-windows', body),
  issueVisit: (windowId: number) => api.post<Visit>(`/api/v1/service-windows/${windowId}/visits`),
};
