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
  notify: ['通知渠道', 'Notifications'],
  auth: ['账号安全', 'Accounts'],
};

/** The dotted path of every number in the policy: 'tasks.escalation.remind', … */
type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends object ? Leaves<T[K], `${P}${K}.`> : `${P}${K}` }[keyof T & string];
export type PolicyPath = Leaves<Policy>;

/** Words for the numbers people ask about; other paths show as they are. */
export const PATH_NAMES: Partial<Record<PolicyPath, string>> = {
  'tasks.signWithinWorkdays': '签收时限（工作日）',
  'tasks.planWithinDays': '重大事项实施方案时限（日）',
  'tasks.reportEveryDays.normal': '一般事项报送周期（日）',
  'tasks.reportEveryDays.key': '重点事项报送周期（日）',
  'tasks.reportEveryDays.major': '重大事项报送周期（日）',
  'tasks.yellowWithinWorkdays': '黄灯：距时限（工作日）',
  'tasks.escalation.remind': '提醒：逾期（工作日）',
  'tasks.escalation.urge': '催办：逾期（工作日）',
  'tasks.escalation.supervise': '督办：逾期（工作日）',
  'tasks.escalation.notice': '通报：逾期（工作日）',
  'tasks.escalation.accountability': '问责建议：逾期（工作日）',
  'tasks.maxExtensions': '每事项最多延期次数',
};

/** A section's name in the language shown; an unknown one as it is. */
export const sectionName = (section: string, zh: boolean): string => (section in SECTION_NAMES ? SECTION_NAMES[section as PolicySection][zh ? 0 : 1] : section);

/** A setting's name in Chinese when it has one. */
export const pathName = (path: string): string | undefined => PATH_NAMES[path as PolicyPath];
