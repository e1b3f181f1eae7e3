/**
 * How the supervision vocabulary reads on screen: statuses, levels, lights, escalation rungs,
 * timeline events. Pure functions, unit tested.
 */
import type { Lang } from './i18n.ts';
import type { EscalationLevel, Light, Role, SourceKind, Task, TaskLevel, TaskStatus, TimelineEvent } from './types.ts';

type Names = Record<string, readonly [string, string]>;
/** Names for every value the API declares for K, and no others (types generated from the server). */
type NamesOf<K extends string> = Record<K, readonly [string, string]>;
const pick = (names: Names, key: string, lang: Lang) => names[key]?.[lang === 'zh' ? 0 : 1] ?? key;

export const STATUS: NamesOf<TaskStatus> = {
  assigned: ['已交办', 'Assigned'],
  signed: ['已签收', 'Signed for'],
  in_progress: ['办理中', 'In progress'],
  submitted: ['申请办结', 'Submitted'],
  verified: ['已办结', 'Verified'],
  closed: ['已销号', 'Closed'],
  returned: ['已退回', 'Returned'],
  withdrawn: ['已撤回', 'Withdrawn'],
};
export const LEVEL: NamesOf<TaskLevel> = { normal: ['一般', 'Normal'], key: ['重点', 'Key'], major: ['重大', 'Major'] };
export const SOURCE: NamesOf<SourceKind> = {
  directive: ['上级部署', 'Directive'],
  meeting: ['会议决定', 'Meeting decision'],
  instruction: ['领导批示', 'Leader instruction'],
  research: ['调研发现', 'Field research'],
  citizen: ['群众诉求', 'Citizen request'],
  document: ['公文', 'Official document'],
  other: ['其他', 'Other'],
};
export const LIGHT: NamesOf<Light> = { green: ['绿灯', 'Green'], yellow: ['黄灯', 'Yellow'], red: ['红灯', 'Red'], done: ['已办结', 'Done'] };
export const ESCALATION: NamesOf<EscalationLevel> = { remind: ['提醒', 'Reminder'], urge: ['催办', 'Urging'], supervise: ['督办', 'Supervision'], notice: ['通报', 'Public notice'], accountability: ['问责建议', 'Accountability'] };
export const ACTION: Names = {
  sign: ['签收', 'Sign for'],
  dispatch: ['交办到人', 'Dispatch'],
  progress: ['报送进展', 'Report progress'],
  plan: ['制定实施方案', 'Plan'],
  submit: ['申请办结', 'Submit completion'],
  verify: ['审核办结', 'Verify'],
  reject: ['驳回', 'Reject'],
  close: ['销号', 'Close out'],
  return: ['退回', 'Return'],
  reassign: ['重新交办', 'Reassign'],
  request_extension: ['申请延期', 'Request extension'],
  decide_extension: ['审批延期', 'Decide extension'],
  urge: ['催办', 'Urge'],
  supervise: ['升级督办', 'Raise to supervision'],
  answer_urging: ['填报情况说明', 'Answer the urging'],
  instruct: ['批示', 'Instruct'],
  co_sign: ['签收（协办）', 'Sign for our part'],
  co_progress: ['报送协办进展', 'Report on our part'],
  edit: ['修改事项', 'Edit'],
  withdraw: ['撤回', 'Withdraw'],
  attach: ['补充附件', 'Add attachments'],
  remove_attachment: ['删除附件', 'Remove attachment'],
};
/** The fields an edit (修改事项) changes, as the timeline names them. */
const EDIT_FIELD: Names = { title: ['标题', 'title'], description: ['事项内容', 'description'], standard: ['工作标准', 'standard'], assessment: ['考核方式', 'assessment'], deadline: ['完成时限', 'deadline'], leadUnitId: ['主办单位', 'lead unit'] };

export const REASON: Names = {
  overdue: ['已超过完成时限', 'Past the deadline'],
  deadline_near: ['临近完成时限', 'Deadline is near'],
  sign_overdue: ['逾期未签收', 'Not signed for in time'],
  plan_overdue: ['实施方案逾期', 'Plan overdue'],
  report_overdue: ['进展逾期未报', 'Progress report overdue'],
  milestone_overdue: ['节点逾期', 'Milestone overdue'],
  submitted_late: ['逾期申请办结', 'Submitted after the deadline'],
};
export const ROLE: NamesOf<Role> = { admin: ['管理员', 'Administrator'], supervisor: ['督查室', 'Supervisor'], leader: ['领导', 'Leader'], unit_head: ['单位负责人', 'Unit head'], staff: ['工作人员', 'Staff'] };

export const statusName = (s: string, lang: Lang) => pick(STATUS, s, lang);
export const levelName = (s: string, lang: Lang) => pick(LEVEL, s, lang);
export const sourceName = (s: string, lang: Lang) => pick(SOURCE, s, lang);
export const lightName = (s: string, lang: Lang) => pick(LIGHT, s, lang);
export const escalationName = (s: string, lang: Lang) => pick(ESCALATION, s, lang);
export const actionName = (s: string, lang: Lang) => pick(ACTION, s, lang);
export const reasonName = (s: string, lang: Lang) => pick(REASON, s, lang);
export const roleName = (s: string, lang: Lang) => pick(ROLE, s, lang);

/** AntD tag colours for the lights. */
export const LIGHT_COLOR: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error', done: 'default' };
/** Chart colours for the lights (the same meaning everywhere). */
export const LIGHT_HEX: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', done: '#bfbfbf' };

/** "2026-10-08" (and "逾期 3 个工作日" when overdue). */
export function deadlineText(t: Pick<Task, 'deadline' | 'overdueWorkdays' | 'light'>, lang: Lang): string {
  if (t.overdueWorkdays > 0 && t.light !== 'done') {
    return lang === 'zh' ? `${t.deadline}（逾期 ${t.overdueWorkdays} 个工作日）` : `${t.deadline} (${t.overdueWorkdays} working days overdue)`;
  }
  return t.deadline;
}

/** A timestamp in Beijing time, the way the office writes it: 2026-10-08 09:30. */
export function dateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A note set into a sentence: its own closing punctuation dropped, so that "…后销号。，已反馈" cannot happen. */
export function clause(text: string): string {
  return text.trim().replace(/[。．.，,；;：:！!？?、\s]+$/u, '');
}

/** One line for a timeline event: who did what, with the event's key facts. */
export function describeEvent(e: TimelineEvent, lang: Lang): string {
  const zh = lang === 'zh';
  const who = e.actorName ?? (zh ? '系统' : 'System');
  const d = e.data;
  const str = (k: string) => (typeof d[k] === 'string' ? d[k] : '');
  const num = (k: string) => (typeof d[k] === 'number' ? String(d[k]) : '');
  switch (e.kind) {
    case 'assigned':
      return zh ? `${who} 交办，完成时限 ${str('deadline')}` : `${who} assigned it, due ${str('deadline')}`;
    case 'escalated': {
      const level = escalationName(str('level'), lang);
      return zh ? `系统${level}：已逾期 ${num('overdueWorkdays')} 个工作日` : `${level}: ${num('overdueWorkdays')} working days overdue`;
    }
    case 'progress':
      return zh ? `${who} 报送进展（${num('percent')}%）：${str('text')}` : `${who} reported progress (${num('percent')}%): ${str('text')}`;
    case 'dispatch':
      return zh
        ? `${who} 交办到人：${str('responsibleName')}${str('note') ? `\n交办要求：${str('note')}` : ''}`
        : `${who} dispatched it to ${str('responsibleName')}${str('note') ? `\nWhat is asked: ${str('note')}` : ''}`;
    case 'request_extension':
      return zh ? `${who} 申请延期至 ${str('newDeadline')}：${str('reason')}` : `${who} asked to extend to ${str('newDeadline')}: ${str('reason')}`;
    case 'decide_extension': {
      const ok = d.approved === true || str('status') === 'approved';
      return zh ? `${who} ${ok ? '批准' : '驳回'}延期${ok && str('newDeadline') ? `，新时限 ${str('newDeadline')}` : ''}` : `${who} ${ok ? 'approved' : 'rejected'} the extension${ok && str('newDeadline') ? `, now due ${str('newDeadline')}` : ''}`;
    }
    case 'reassign':
      return zh ? `${who} 重新交办给 ${str('leadUnitName')}` : `${who} reassigned it to ${str('leadUnitName')}`;
    case 'reject':
    case 'return':
      return `${who} ${actionName(e.kind, lang)}${zh ? '：' : ': '}${str('reason')}`;
    case 'urge':
    case 'supervise': {
      const level = escalationName(str('level'), lang);
      return zh
        ? `${who} ${e.kind === 'supervise' ? '升级督办' : '催办'}（请于 ${str('replyDue')} 前报送情况说明）：${str('text')}`
        : `${who} ${e.kind === 'supervise' ? 'raised it to supervision' : 'urged the unit'} (${level}; answer due ${str('replyDue')}): ${str('text')}`;
    }
    case 'answer_urging':
      return zh ? `${who} 报送情况说明${d.late === true ? '（逾期答复）' : ''}：${str('text')}` : `${who} answered the urging${d.late === true ? ' (late)' : ''}: ${str('text')}`;
    case 'instruct': {
      const m = d.milestone && typeof d.milestone === 'object' ? (d.milestone as { title?: string; due?: string }) : null;
      return zh
        ? `${who} 批示：${str('text')}${m ? `\n新节点「${m.title ?? ''}」，时限 ${m.due ?? ''}` : ''}`
        : `${who} instructed: ${str('text')}${m ? `\nNew milestone “${m.title ?? ''}”, due ${m.due ?? ''}` : ''}`;
    }
    case 'co_sign':
      return zh ? `${str('unitName')}（协办）${who} 签收协办部分` : `${str('unitName')} (co-unit): ${who} signed for its part`;
    case 'co_progress':
      return zh ? `${str('unitName')}（协办）${who} 报送协办进展（${num('percent')}%）：${str('text')}` : `${str('unitName')} (co-unit): ${who} reported on its part (${num('percent')}%): ${str('text')}`;
    case 'edit': {
      const changes = d.changes && typeof d.changes === 'object' ? Object.keys(d.changes) : [];
      const names = changes.map((k) => EDIT_FIELD[k]?.[zh ? 0 : 1] ?? k).join(zh ? '、' : ', ');
      return zh ? `${who} 修改了${names}` : `${who} changed the ${names}`;
    }
    case 'withdraw':
      return zh ? `${who} 撤回事项：${str('reason')}` : `${who} withdrew the task: ${str('reason')}`;
    case 'attach': {
      const n = Array.isArray(d.attachmentIds) ? d.attachmentIds.length : 0;
      return zh ? `${who} 补充附件 ${n} 个${str('note') ? `：${str('note')}` : ''}` : `${who} added ${n} attachment(s)${str('note') ? `: ${str('note')}` : ''}`;
    }
    case 'remove_attachment':
      return zh ? `${who} 删除附件「${str('fileName')}」` : `${who} removed the attachment “${str('fileName')}”`;
    case 'verify':
      return zh ? `${who} 审核办结${clause(str('note')) ? `：${clause(str('note'))}` : ''}，已反馈交办方` : `${who} verified it${clause(str('note')) ? `: ${clause(str('note'))}` : ''}; the source was told`;
    default:
      return `${who} ${actionName(e.kind, lang)}${str('note') ? (zh ? `：${str('note')}` : `: ${str('note')}`) : ''}`;
  }
}

/** Timeline dot colour by event kind. */
/**
 * A timeline dot's colour, as a CSS colour: antd's named 'blue' is the theme's primary colour,
 * which is red here, so every ordinary step showed as red. Only what went wrong is red.
 */
export const EVENT_COLOR = { ordinary: '#1677ff', warning: '#fa8c16', wrong: '#cf1322', done: '#389e0d' } as const;
export function eventColor(kind: string, data: Record<string, unknown>): string {
  if (kind === 'escalated') return ['notice', 'accountability'].includes(String(data.level)) ? EVENT_COLOR.wrong : EVENT_COLOR.warning;
  if (kind === 'reject' || kind === 'return') return EVENT_COLOR.wrong;
  if (kind === 'urge' || kind === 'supervise' || kind === 'instruct') return EVENT_COLOR.warning;
  if (kind === 'verify' || kind === 'close') return EVENT_COLOR.done;
  return EVENT_COLOR.ordinary;
}
