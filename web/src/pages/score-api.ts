/**
 * The 比学赶超 and 总结 routes as the pages read them: the scoreboard and its drill-down, model
 * cases (典型), accountability records (问责) and reports (报告, 通报, 我的总结).
 * Shapes: src/modules/scoreboard, accountability and reports (schemas.ts).
 */
import { api, type QueryValue } from '../lib/api.ts';
import type { paths } from '../lib/api-types.ts';
import type { ApiResponse } from '../lib/types.ts';

export interface Ref {
  id: number;
  name: string;
}
export type Scoreboard = ApiResponse<'/api/v1/scoreboard', 'get'>;
export type ScoreRow = Scoreboard['items'][number];
export type ScoreComponent = ScoreRow['components'][number];
export type PersonScore = ApiResponse<'/api/v1/scoreboard/people', 'get'>['items'][number];
export type UnitScore = ApiResponse<'/api/v1/scoreboard/units/{unitId}', 'get'>;
export type UnitComponent = UnitScore['components'][number];
export type ComponentKey = UnitComponent['key'];
export type ComponentRecords = ApiResponse<'/api/v1/scoreboard/units/{unitId}/components/{key}', 'get'>;
export type ComponentRecord = ComponentRecords['items'][number];
export type ModelCase = ApiResponse<'/api/v1/scoreboard/cases/{id}', 'get'>;
export type CasePage = ApiResponse<'/api/v1/scoreboard/cases', 'get'>;
export type CaseBody = NonNullable<paths['/api/v1/scoreboard/cases']['post']['requestBody']>['content']['application/json'];

export type AccRecord = ApiResponse<'/api/v1/accountability/{id}', 'get'>;
export type AccRow = AccPage['items'][number];
export type AccPage = ApiResponse<'/api/v1/accountability', 'get'>;
export type AccDraft = NonNullable<paths['/api/v1/accountability']['post']['requestBody']>['content']['application/json'];
export type AccPatch = NonNullable<paths['/api/v1/accountability/{id}']['patch']['requestBody']>['content']['application/json'];
export type AccAction = AccRecord['allowedActions'][number];
export type Evidence = AccRecord['evidence'][number];

export type Report = ApiResponse<'/api/v1/reports/{id}', 'get'>;
export type ReportPage = ApiResponse<'/api/v1/reports', 'get'>;
export type ReportRow = ReportPage['items'][number];
export type ReportSection = Report['sections'][number];
export type ReportKind = Report['kind'];
export type ReportCreate = NonNullable<paths['/api/v1/reports']['post']['requestBody']>['content']['application/json'];
export type PersonalSummary = ApiResponse<'/api/v1/reports/summaries/{id}', 'get'>;

const S = '/api/v1/scoreboard';
export const scoreApi = {
  board: (period: string, peer: string) => api.get<Scoreboard>(S, { period, peer }),
  unit: (unitId: number, period: string) => api.get<UnitScore>(`${S}/units/${unitId}`, { period }),
  records: (unitId: number, key: string, period: string, cursor?: string | null) => api.get<ComponentRecords>(`${S}/units/${unitId}/components/${encodeURIComponent(key)}`, { period, cursor }),
  /** My own score (the task components) of a period: what the server shows a person who oversees no unit. */
  myScore: (period: string) => api.get<ApiResponse<'/api/v1/scoreboard/people', 'get'>>(`${S}/people`, { period }),
  recompute: (periods?: string[]) => api.post<unknown>(`${S}/recompute`, periods ? { periods } : {}),

  cases: (query: Record<string, QueryValue>) => api.get<CasePage>(`${S}/cases`, query),
  case: (id: number) => api.get<ModelCase>(`${S}/cases/${id}`),
  nominate: (body: CaseBody) => api.post<ModelCase>(`${S}/cases`, body),
  decideCase: (id: number, action: 'select' | 'reject', version: number, note?: string) => api.post<ModelCase>(`${S}/cases/${id}/${action}`, { version, ...(note ? { note } : {}) }),

  accList: (query: Record<string, QueryValue>) => api.get<AccPage>('/api/v1/accountability', query),
  record: (id: number) => api.get<AccRecord>(`/api/v1/accountability/${id}`),
  createRecord: (body: AccDraft) => api.post<AccRecord>('/api/v1/accountability', body),
  editRecord: (id: number, body: AccPatch) => api.patch<AccRecord>(`/api/v1/accountability/${id}`, body),
  issueRecord: (id: number, version: number) => api.post<AccRecord>(`/api/v1/accountability/${id}/issue`, { version }),
  explainRecord: (id: number, version: number, text: string) => api.post<AccRecord>(`/api/v1/accountability/${id}/explain`, { version, text }),
  closeRecord: (id: number, version: number, conclusion: string) => api.post<AccRecord>(`/api/v1/accountability/${id}/close`, { version, conclusion }),

  reports: (query: Record<string, QueryValue>) => api.get<ReportPage>('/api/v1/reports', query),
  report: (id: number) => api.get<Report>(`/api/v1/reports/${id}`),
  generate: (body: ReportCreate) => api.post<Report>('/api/v1/reports', body),
  editReport: (id: number, body: { version: number; title?: string; sections?: { key: string; text: string }[] }) => api.patch<Report>(`/api/v1/reports/${id}`, body),
  refreshReport: (id: number, version: number) => api.post<Report>(`/api/v1/reports/${id}/refresh`, { version }),
  issueReport: (id: number, version: number) => api.post<Report>(`/api/v1/reports/${id}/issue`, { version }),

  /** Opens (creates, prefilled) my summary of a period, or the one there is. */
  openSummary: (period: string) => api.post<PersonalSummary>('/api/v1/reports/summaries', { period }),
  saveSummary: (id: number, body: { version: number; text?: string; reloadItems?: boolean }) => api.patch<PersonalSummary>(`/api/v1/reports/summaries/${id}`, body),
  submitSummary: (id: number, version: number) => api.post<PersonalSummary>(`/api/v1/reports/summaries/${id}/submit`, { version }),
};
