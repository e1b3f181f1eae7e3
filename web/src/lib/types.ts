/**
 * The API's shapes as the web app reads them, taken from the types generated from the server's
 * OpenAPI document (api-types.ts, `npm run openapi`): when a route's response changes, the
 * pages that read it stop compiling instead of drifting.
 */
import type { components, paths } from './api-types.ts';

type Schemas = components['schemas'];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body a route answers with on success (its 200, else its 201). */
export type ApiResponse<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer S }
    ? Json<S>
    : R extends { 201: infer S }
      ? Json<S>
      : never
  : never;

export type User = Schemas['User'];
export type Me = ApiResponse<'/api/v1/auth/me', 'get'>;
export type LoginResponse = ApiResponse<'/api/v1/auth/login', 'post'>;

export type Task = Schemas['Task'];
/** A task as lists show it: the task without its long texts (description, standard, assessment, completion, summary). */
export type TaskListItem = Schemas['TaskListItem'];
export type TaskDetail = Schemas['TaskDetail'];
export type Light = Task['light'];
export type TaskStatus = Task['status'];
export type TaskLevel = Task['level'];
export type Ref = Task['leadUnit'];
export type SourceKind = Task['source']['kind'];
export type EscalationLevel = Task['escalations'][number]['level'];
export type Summary = NonNullable<Task['summary']>;
export type TimelineEvent = TaskDetail['timeline'][number];
export type Milestone = TaskDetail['milestones'][number];
export type Extension = TaskDetail['extensions'][number];
export type Attachment = TaskDetail['attachments'][number];
export type UploadedAttachment = ApiResponse<'/api/v1/tasks/{id}/attachments', 'post'>;

export type TaskPage = ApiResponse<'/api/v1/tasks', 'get'>;
export type WorkbenchResponse = ApiResponse<'/api/v1/tasks/workbench', 'get'>;
export type OverviewResponse = ApiResponse<'/api/v1/tasks/overview', 'get'>;
export type TaskLimits = ApiResponse<'/api/v1/tasks/limits', 'get'>;
export type TodoKind = WorkbenchResponse['groups'][number]['kind'];
export type Stats = ApiResponse<'/api/v1/tasks/stats', 'get'>;
export type Trend = ApiResponse<'/api/v1/tasks/stats/trend', 'get'>;
export type TrendWeek = Trend['weeks'][number];
export type ResponsibilityList = ApiResponse<'/api/v1/tasks/lists/responsibility', 'get'>;
export type ResponsibilityRow = ResponsibilityList['items'][number];
export type ImportResult = ApiResponse<'/api/v1/tasks/import', 'post'>;

export type Unit = Schemas['Unit'];
export type UnitList = ApiResponse<'/api/v1/units', 'get'>;
export type Person = Schemas['Person'];
export type Rank = Person['rank'];
/** The roles a person may be given (the create body declares them; a person's `roles` are plain strings). */
export type Role = NonNullable<paths['/api/v1/people']['post']['requestBody']>['content']['application/json']['roles'][number];
export type PersonPage = ApiResponse<'/api/v1/people', 'get'>;

export type Notification = Schemas['Notification'];
export type NotificationPage = ApiResponse<'/api/v1/notifications', 'get'>;

export type CalendarDay = Schemas['CalendarDay'];
export type CalendarDays = ApiResponse<'/api/v1/calendar/days', 'get'>;
export type CalendarYears = ApiResponse<'/api/v1/calendar/years', 'get'>;
export type CalendarYear = CalendarYears['items'][number];
export type AddWorkdays = ApiResponse<'/api/v1/calendar/add-workdays', 'get'>;

export type Policy = Schemas['Policy'];
/** A section of the policy: one chapter of the regulation (tasks, publicRequests, …). */
export type PolicySection = keyof Policy;
export type PolicyInForce = ApiResponse<'/api/v1/policy', 'get'>;

export type DocumentSummary = Schemas['DocumentSummary'];
export type DocumentDetail = Schemas['Document'];
export type DocumentCheck = Schemas['DocumentCheck'];
export type DocumentKind = DocumentSummary['kind'];
export type DocumentStatus = DocumentSummary['status'];
export type DocumentVerdict = DocumentCheck['verdict'];
export type DocumentPage = ApiResponse<'/api/v1/documents', 'get'>;
export type DocumentStats = ApiResponse<'/api/v1/documents/stats', 'get'>;
export type Meeting = Schemas['Meeting'];
export type MeetingSummary = MeetingPage['items'][number];
export type MeetingFinding = Schemas['MeetingFinding'];
export type MeetingDecision = Schemas['MeetingDecision'];
export type MeetingStats = Schemas['MeetingStats'];
export type MeetingKind = Meeting['kind'];
export type MeetingScope = Meeting['scope'];
export type MeetingStatus = Meeting['status'];
export type MeetingAction = Meeting['allowedActions'][number];
export type MeetingAgendaItem = Meeting['agenda'][number];
export type MeetingPage = ApiResponse<'/api/v1/meetings', 'get'>;
export type MeetingCheck = ApiResponse<'/api/v1/meetings/check', 'post'>;
export type MeetingPlan = NonNullable<paths['/api/v1/meetings']['post']['requestBody']>['content']['application/json'];
export type MeetingActual = ApiResponse<'/api/v1/meetings/{id}/agenda/{itemId}/actual', 'post'>;

export type FieldVisit = Schemas['FieldVisit'];
export type FieldFinding = Schemas['FieldFinding'];
export type FieldQuota = Schemas['FieldQuota'];
export type FieldAnnual = Schemas['FieldAnnual'];
export type FieldAnnualRow = FieldAnnual['rows'][number];
export type FieldBehind = Schemas['FieldBehind'];
export type FieldStats = Schemas['FieldStats'];
export type ResearchPlace = Schemas['ResearchPlace'];
export type FieldVisitPage = ApiResponse<'/api/v1/field-visits', 'get'>;
export type ResearchPlacePage = ApiResponse<'/api/v1/field-visits/places', 'get'>;
export type FieldVisitBody = NonNullable<paths['/api/v1/field-visits']['post']['requestBody']>['content']['application/json'];
export type FieldVisitKind = FieldVisit['kind'];
export type PlaceKindCode = ResearchPlace['kind'];
export type FindingSeverity = FieldFinding['severity'];
