/**
 * 通知渠道 (`/api/v1/channels`): group robots, the SMS gateway, my notification settings.
 * Shapes: src/modules/channels/schemas.ts.
 */
import { api } from '../lib/api.ts';
import type { ApiResponse } from '../lib/types.ts';

export type Robot = ApiResponse<'/api/v1/channels/robots', 'get'>['items'][number];
export type TestResult = ApiResponse<'/api/v1/channels/robots/{id}/test', 'post'>;
export type Gateway = ApiResponse<'/api/v1/channels/sms-gateway', 'get'>;
export type SmsTest = ApiResponse<'/api/v1/channels/sms-gateway/test', 'post'>;
export type NotifySettings = ApiResponse<'/api/v1/channels/me', 'get'>;

export interface RobotForm {
  unitId: number;
  name: string;
  provider: Robot['provider'];
  url: string;
  secret?: string;
  kinds?: string[];
  urgentOnly?: boolean;
}

const R = '/api/v1/channels';
export const channelsApi = {
  robots: () => api.get<{ items: Robot[] }>(`${R}/robots`).then((r) => r.items),
  createRobot: (body: RobotForm) => api.post<Robot>(`${R}/robots`, { ...body, secret: body.secret ? body.secret : null, kinds: body.kinds ?? [], urgentOnly: body.urgentOnly ?? false }),
  disableRobot: (id: number) => api.del(`${R}/robots/${id}`),
  testRobot: (id: number) => api.post<TestResult>(`${R}/robots/${id}/test`),
  gateway: () => api.get<Gateway>(`${R}/sms-gateway`),
  saveGateway: (body: Record<string, unknown>) => api.put<Gateway>(`${R}/sms-gateway`, body),
  testSms: (mobile: string | undefined) => api.post<SmsTest>(`${R}/sms-gateway/test`, mobile ? { mobile } : {}),
  settings: () => api.get<NotifySettings>(`${R}/me`),
  saveSettings: (body: { choices: Record<string, string[]>; quietStart: string | null; quietEnd: string | null; digest: boolean; mobile?: string | null }) => api.put<NotifySettings>(`${R}/me`, body),
};

/** The notification kinds as people read them. */
export const KIND_NAMES: Record<string, [string, string]> = {
  'tasks.assigned': ['新交办', 'Assigned'],
  'tasks.signed': ['已签收', 'Signed for'],
  'tasks.dispatched': ['已分派', 'Dispatched'],
  'tasks.progress': ['进展报送', 'Progress'],
  'tasks.submitted': ['提交办结', 'Submitted'],
  'tasks.rejected': ['退回重办', 'Rejected'],
  'tasks.verified': ['办结审核通过', 'Verified'],
  'tasks.feedback': ['办理反馈', 'Feedback'],
  'tasks.closed': ['已销号', 'Closed'],
  'tasks.returned': ['退回交办', 'Returned'],
  'tasks.extension_requested': ['申请延期', 'Extension requested'],
  'tasks.extension_decided': ['延期审批结果', 'Extension decided'],
  'tasks.milestone_assigned': ['节点分派', 'Milestone assigned'],
  'tasks.escalated': ['提醒/催办/督办（逾期）', 'Escalated (overdue)'],
  'tasks.urged': ['人工催办/督办', 'Urged'],
  'tasks.urging_answered': ['情况说明', 'Urging answered'],
  'tasks.instructed': ['领导批示', 'Instruction'],
  'meetings.approval_requested': ['会议待审批', 'Meeting to approve'],
  'meetings.approved': ['会议已批准', 'Meeting approved'],
  'meetings.refused': ['会议未批准', 'Meeting refused'],
  'meetings.decision_done': ['会议决定事项办结', 'Meeting decision done'],
  'channels.digest': ['今日待办（早间汇总）', 'Morning digest'],
};
