/**
 * 群众口碑: the words and small pure helpers of the citizens' portal and the 12345 desk pages.
 * Names are [中文, English]; the portal itself is shown in Chinese.
 */
import type { Lang } from './i18n.ts';

type Names = Record<string, readonly [string, string]>;

/** The six kinds of request (诉求类型). */
export const REQUEST_TYPE = {
  consult: ['咨询', 'Enquiry'],
  help: ['求助', 'Help'],
  complaint: ['投诉', 'Complaint'],
  report: ['举报', 'Report'],
  suggestion: ['建议', 'Suggestion'],
  praise: ['表扬', 'Praise'],
} as const satisfies Names;
export type RequestType = keyof typeof REQUEST_TYPE;

/** The five levels of 好差评, best first: 5 非常满意 … 1 非常不满意 (the server's numbers). */
export const RATING_LEVEL = {
  5: ['非常满意', 'Very satisfied'],
  4: ['满意', 'Satisfied'],
  3: ['基本满意', 'Basically satisfied'],
  2: ['不满意', 'Dissatisfied'],
  1: ['非常不满意', 'Very dissatisfied'],
} as const satisfies Record<number, readonly [string, string]>;
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export const RATING_LEVELS: RatingLevel[] = [5, 4, 3, 2, 1];
/** 不满意 and 非常不满意 reopen the request for rectification. */
export const reopens = (level: number) => level <= 2;
export const ratingName = (level: number, lang: Lang = 'zh') => RATING_LEVEL[level as RatingLevel]?.[lang === 'zh' ? 0 : 1] ?? String(level);

/** A request's states as the citizen and the desk name them (the server's rules.ts STATUS_NAMES). */
export const REQUEST_STATUS = {
  submitted: ['待受理', 'Awaiting intake'],
  assigned: ['办理中', 'Being handled'],
  answered: ['已答复', 'Answered'],
  rated: ['已评价', 'Rated'],
  reopened: ['整改中', 'Being rectified'],
  rectified: ['已整改', 'Rectified'],
  called_back: ['已回访', 'Called back'],
  declined: ['不予受理', 'Declined'],
  merged: ['已合并', 'Merged'],
  forwarded: ['已转达', 'Forwarded'],
} as const satisfies Names;
export type RequestStatus = keyof typeof REQUEST_STATUS;

export const STATUS_COLOR: Record<string, string> = {
  submitted: 'gold',
  assigned: 'blue',
  answered: 'cyan',
  rated: 'green',
  reopened: 'red',
  rectified: 'purple',
  called_back: 'geekblue',
  declined: 'default',
  merged: 'default',
  forwarded: 'green',
};

export const nameOf = (names: Names, key: string | null | undefined, lang: Lang = 'zh'): string => {
  if (!key) return '—';
  const n = names[key];
  return n ? n[lang === 'zh' ? 0 : 1] : key;
};
export const optionsOf = (names: Names, lang: Lang = 'zh') => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));

/** 138****1234: what staff without the need to know see of a phone number (the server masks; this is for display of input). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A tracking code as typed on a phone: spaces and dashes dropped, upper case. */
export const normalizeCode = (raw: string): string => raw.replace(/[\s-]+/g, '').toUpperCase();

/** The code in groups of four, easier to read out on the phone (ABCD-EFGH-JKLM). */
export const groupCode = (code: string): string => normalizeCode(code).replace(/(.{4})(?=.)/g, '$1-');

/** A mainland mobile number, or a landline with area code; empty is fine (contact is optional). */
export const validPhone = (v: string | undefined): boolean => !v || /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(v.replace(/\s+/g, ''));

/** A share 0..1 as "87.5%", or — when there is nothing to count. */
export const percent = (v: number | null | undefined): string => (v === null || v === undefined || Number.isNaN(v) ? '—' : `${Math.round(v * 1000) / 10}%`);

/**
 * The intake queue's light for a request not yet taken in: red once its acknowledge date has
 * passed, yellow on the day itself (act today), green before. Dates are YYYY-MM-DD (server's day).
 */
export function acknowledgeLight(due: string, today: string): 'green' | 'yellow' | 'red' {
  return today > due ? 'red' : today === due ? 'yellow' : 'green';
}

/** The citizen's progress bar: 提交 → 受理 → 办理 → 答复 → 评价. */
export const PROGRESS_STEPS = ['已提交', '已受理', '办理中', '已答复', '已评价'] as const;
/**
 * Where a request stands on that bar; null when it left the road (declined, merged). A reopened
 * request is back at 办理 (rectification), a called-back one waits for its new rating.
 */
export function progressStep(status: RequestStatus): number | null {
  switch (status) {
    case 'submitted':
      return 0;
    case 'assigned':
    case 'reopened':
    case 'rectified':
      return 2;
    case 'answered':
    case 'called_back':
      return 3;
    case 'rated':
    case 'forwarded':
      return 4;
    case 'declined':
    case 'merged':
      return null;
  }
}
