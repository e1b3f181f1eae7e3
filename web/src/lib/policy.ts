import type { Policy, PolicySection } from './types.ts';

/** The policy object as rows of (path, value in force, default), with the regulation's words. */
export interface PolicyRow {
  path: string;
  section: string;
  value: unknown;
  defaultValue: unknown;
  changed: boolean;
}

export function flattenPolicy(policy: unknown, defaults: unknown, prefix = ''): PolicyRow[] {
  const rows: PolicyRow[] = [];
  if (policy && typeof policy === 'object' && !Array.isArray(policy)) {
    for (const [k, v] of Object.entries(policy)) {
      const d = defaults && typeof defaults === 'object' ? (defaults as Record<string, unknown>)[k] : undefined;
      rows.push(...flattenPolicy(v, d, prefix ? `${prefix}.${k}` : k));
    }
    return rows;
  }
  return [{ path: prefix, section: prefix.split('.')[0] ?? prefix, value: policy, defaultValue: defaults, changed: JSON.stringify(policy) !== JSON.stringify(defaults) }];
}

/**
 * Every section the server's policy has, and only those: keyed by the generated Policy type, so a
 * section named here that the server does not have (this list once said `public` for the
 * server's `publicRequests`, and showed it untranslated) fails to compile.
 */
export const SECTION_NAMES: Record<PolicySection, [string, string]> = {
  tasks: ['督查督办', 'Supervision'],
  research: ['一线工作法', 'Field research'],
  documents: ['文件', 'Documents'],
  meetings: ['会议', 'Meetings'],
  publicRequests: ['群众诉求', 'Public requests'],
  scoreboard: ['比学赶超', 'Scoreboard'],
  reports: ['报告', 'Reports'],
  notify: ['通知渠道', 'Notifications'],
  auth: ['账号安全', 'Accounts'],
  audit: ['审计日志', 'Audit log'],
};

/** The dotted path of every number in the policy: 'tasks.escalation.remind', … */
type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends readonly unknown[] ? `${P}${K}` : T[K] extends object ? Leaves<T[K], `${P}${K}.`> : `${P}${K}` }[keyof T & string];
export type PolicyPath = Leaves<Policy>;

/**
 * The regulation's name for every number in the policy, Chinese and English. A Record over every
 * path of the generated Policy type: a number the server adds without a name here fails to compile,
 * so the policy page never shows a bare `research.fieldDaysPerYear.provincial`.
 */
export const PATH_NAMES: Record<PolicyPath, [string, string]> = {
  'tasks.signWithinWorkdays': ['签收时限（工作日）', 'Sign for within (working days)'],
  'tasks.planWithinDays': ['重大事项实施方案时限（日）', 'Implementation plan for a major task within (days)'],
  'tasks.reportEveryDays.normal': ['一般事项进展报送周期（日）', 'Progress report every (days): ordinary'],
  'tasks.reportEveryDays.key': ['重点事项进展报送周期（日）', 'Progress report every (days): key'],
  'tasks.reportEveryDays.major': ['重大事项进展报送周期（日）', 'Progress report every (days): major'],
  'tasks.yellowWithinWorkdays': ['黄灯：距完成时限（工作日）', 'Yellow light: deadline within (working days)'],
  'tasks.escalation.remind': ['提醒：逾期（工作日）', 'Reminder: overdue by (working days)'],
  'tasks.escalation.urge': ['催办：逾期（工作日）', 'Urging: overdue by (working days)'],
  'tasks.escalation.supervise': ['督办：逾期（工作日）', 'Supervision: overdue by (working days)'],
  'tasks.escalation.notice': ['通报：逾期（工作日）', 'Public notice: overdue by (working days)'],
  'tasks.escalation.accountability': ['问责建议：逾期（工作日）', 'Accountability proposal: overdue by (working days)'],
  'tasks.maxExtensions': ['每项事项最多延期次数', 'Extensions per task, at most'],
  'research.fieldDaysPerYear.provincial': ['省级领导年度基层调研天数（天）', 'Field days a year: provincial leaders'],
  'research.fieldDaysPerYear.department': ['厅级领导年度基层调研天数（天）', 'Field days a year: department-level leaders'],
  'research.fieldDaysPerYear.county': ['县处级领导年度基层调研天数（天）', 'Field days a year: county-level leaders'],
  'research.fieldDaysPerYear.township': ['乡科级领导年度基层调研天数（天）', 'Field days a year: township-level leaders'],
  'research.fieldDaysPerYear.other': ['其他人员年度基层调研天数（天）', 'Field days a year: others'],
  'research.behindMarginDays': ['调研进度落后提醒：落后天数', 'Behind on field days: warn when behind by (days)'],
  'documents.maxChars.general': ['地方和部门文件字数上限', 'Local and departmental documents: at most (characters)'],
  'documents.maxChars.singleTopic': ['专项工作文件字数上限', 'Single-topic documents: at most (characters)'],
  'documents.maxChars.brief': ['简报字数上限', 'Briefs: at most (characters)'],
  'documents.maxChars.report': ['报告字数上限', 'Reports: at most (characters)'],
  'documents.yearlyReductionPercent': ['发文数量年度压减目标（%）', 'Yearly reduction target for documents (%)'],
  'meetings.speechDraftMaxChars.major': ['全国性会议讲话稿字数上限', 'Speech drafts, national meetings: at most (characters)'],
  'meetings.speechDraftMaxChars.other': ['其他会议讲话稿字数上限', 'Speech drafts, other meetings: at most (characters)'],
  'meetings.mainSpeechMaxMinutes': ['主讲话时长上限（分钟）', 'Main speech: at most (minutes)'],
  'meetings.otherSpeechMaxMinutes': ['其他发言时长上限（分钟）', 'Other speeches: at most (minutes)'],
  'meetings.mainSpeechesPerMeeting': ['每次会议主讲话次数', 'Main speeches per meeting'],
  'meetings.ordinaryMeetingMaxMinutes': ['一般会议时长上限（分钟）', 'Ordinary meetings: at most (minutes)'],
  'meetings.comprehensiveMeetingsPerYear': ['部门全县性综合工作会议每年次数', 'County-wide work meetings per department a year'],
  'meetings.yearlyReductionPercent': ['会议数量年度压减目标（%）', 'Yearly reduction target for meetings (%)'],
  'meetings.mergeWindowDays': ['可合并会议提示：相隔天数', 'Suggest merging meetings within (days)'],
  'publicRequests.acknowledgeWorkdays': ['群众诉求受理时限（工作日）', 'Citizen requests: acknowledge within (working days)'],
  'publicRequests.resolveWorkdays.consult': ['咨询类办结时限（工作日）', 'Resolve within (working days): enquiries'],
  'publicRequests.resolveWorkdays.help': ['求助类办结时限（工作日）', 'Resolve within (working days): requests for help'],
  'publicRequests.resolveWorkdays.suggestion': ['建议类办结时限（工作日）', 'Resolve within (working days): suggestions'],
  'publicRequests.resolveWorkdays.complaint': ['投诉类办结时限（工作日）', 'Resolve within (working days): complaints'],
  'publicRequests.resolveWorkdays.report': ['举报类办结时限（工作日）', 'Resolve within (working days): reports of wrongdoing'],
  'publicRequests.maxExtensions': ['群众诉求最多延期次数', 'Citizen requests: extensions, at most'],
  'publicRequests.extensionMaxWorkdays': ['群众诉求单次延期上限（工作日）', 'Citizen requests: one extension, at most (working days)'],
  'publicRequests.returnWithinWorkdays': ['错派退回时限（工作日）', 'Return a misrouted request within (working days)'],
  'publicRequests.ratingWindowDays': ['评价期限（日），逾期视为基本满意', 'Rating window (days); no rating counts as satisfied'],
  'publicRequests.rectifyWorkdays': ['不满意整改时限（工作日）', 'Rectify after a dissatisfied rating within (working days)'],
  'auth.maxFailedLogins': ['连续登录失败锁定次数', 'Failed sign-ins before lockout'],
  'auth.lockoutMinutes': ['锁定时长（分钟）', 'Lockout (minutes)'],
  'auth.idleTimeoutMinutes': ['无操作自动退出（分钟）', 'Sign out after idle (minutes)'],
  'auth.sessionMaxHours': ['单次登录最长（小时）', 'Session at most (hours)'],
  'auth.passwordMinLength': ['密码最短长度', 'Password: minimum length'],
  'auth.passwordMinClasses': ['密码至少包含字符类别数', 'Password: character classes, at least'],
  'audit.keepMonths': ['审计日志在库保存（月，满后方可归档）', 'Audit log kept in the database (months, before archiving)'],
  'scoreboard.weights.on_time': ['效能指数权重：按期办结', 'Index weight: on-time completion'],
  'scoreboard.weights.sign': ['效能指数权重：签收及时', 'Index weight: timely sign-for'],
  'scoreboard.weights.feedback': ['效能指数权重：催办反馈及时', 'Index weight: timely answers to urgings'],
  'scoreboard.weights.progress': ['效能指数权重：进度报告按时', 'Index weight: progress reports on time'],
  'scoreboard.weights.overdue_days': ['效能指数权重：逾期任务天数', 'Index weight: overdue task-days'],
  'scoreboard.weights.extensions': ['效能指数权重：延期', 'Index weight: extensions'],
  'scoreboard.weights.escalations': ['效能指数权重：升级督办', 'Index weight: escalations received'],
  'scoreboard.weights.citizen_on_time': ['效能指数权重：群众诉求按时办结', 'Index weight: citizen requests on time'],
  'scoreboard.weights.citizen_satisfaction': ['效能指数权重：群众满意度', 'Index weight: citizen satisfaction'],
  'scoreboard.weights.meetings': ['效能指数权重：会议精简合规', 'Index weight: meeting compliance'],
  'scoreboard.weights.documents': ['效能指数权重：发文精简合规', 'Index weight: document compliance'],
  'scoreboard.weights.field_days': ['效能指数权重：领导一线工作天数', "Index weight: leaders' field days"],
  'scoreboard.weights.findings': ['效能指数权重：调研发现整改', 'Index weight: findings resolved'],
  'scoreboard.periodKinds': ['效能指数计算周期（月/季/年）', 'Index periods computed (month/quarter/year)'],
  'scoreboard.honourListSize': ['红榜、黑榜各列单位数', 'Units on each honour and warning list'],
  'scoreboard.minSamples': ['单项计分最少样本数', 'Records a component needs to count'],
  'scoreboard.minComponents': ['计算总分最少有数据项数', 'Components with data a score needs'],
  'scoreboard.overduePointsPerDay': ['逾期每天扣分', 'Points off per overdue task-day'],
  'scoreboard.escalationPoints.remind': ['每次提醒扣分', 'Points off per reminder'],
  'scoreboard.escalationPoints.urge': ['每次催办扣分', 'Points off per urging'],
  'scoreboard.escalationPoints.supervise': ['每次督办扣分', 'Points off per supervision'],
  'scoreboard.escalationPoints.notice': ['每次通报扣分', 'Points off per public notice'],
  'scoreboard.escalationPoints.accountability': ['每次问责建议扣分', 'Points off per accountability proposal'],
  'reports.generateOnWorkday': ['定期报告生成日（下一周期第 N 个工作日）', 'Periodic reports drafted on working day N of the next period'],
  'reports.tableRows': ['报告表格最多行数', 'Rows per report table, at most'],
  'notify.urgentFromRung': ['紧急通知起点（升级档次）', 'Urgent from escalation rung'],
  'notify.urgentChannels': ['紧急通知必达渠道', 'Channels an urgent notice always takes'],
  'notify.quietStart': ['免打扰开始时间', 'Quiet hours start'],
  'notify.quietEnd': ['免打扰结束时间', 'Quiet hours end'],
  'notify.digestAt': ['每日待办汇总发送时间（工作日）', 'Morning digest at (working days)'],
  'notify.smsMaxChars': ['短信字数上限', 'SMS length, at most (characters)'],
};

/** A section's name in the language shown; an unknown one as it is. */
export const sectionName = (section: string, zh: boolean): string => (section in SECTION_NAMES ? SECTION_NAMES[section as PolicySection][zh ? 0 : 1] : section);

/** A setting's name in the language shown; a path the server added since this page was built, as it is. */
export const pathName = (path: string, zh: boolean): string | undefined => PATH_NAMES[path as PolicyPath]?.[zh ? 0 : 1];
