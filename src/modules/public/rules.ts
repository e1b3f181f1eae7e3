import type { WorkCalendar } from '../../platform/calendar/calendar.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Policy } from '../../platform/policy.ts';

/**
 * 群众口碑: the pure decisions about citizens' requests — types and their time limits, the
 * request's states and who may move it, tracking codes, duplicates, masking, the rating window
 * and its default, reopening, and the monthly ranking that flags a unit. No I/O.
 */

export const RequestType = { consult: 'consult', help: 'help', complaint: 'complaint', report: 'report', suggestion: 'suggestion', praise: 'praise' } as const;
export type RequestType = (typeof RequestType)[keyof typeof RequestType];
export const REQUEST_TYPES = Object.values(RequestType) as [RequestType, ...RequestType[]];
export const TYPE_NAMES: Record<RequestType, string> = { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' };

/**
 * A request's states. submitted: in the desk's intake queue; assigned: its task runs at a unit;
 * answered: the task was verified and the citizen sees the reply; rated: the citizen rated it
 * satisfied (or the window passed); reopened: rated 不满意/非常不满意, rectification due;
 * rectified: the unit recorded its rectification; called_back: the desk called the citizen back,
 * who may rate again; declined: out of scope (the reason is shown); merged: a duplicate of
 * another; forwarded: praise passed to the unit (no task).
 */
export const RequestStatus = {
  submitted: 'submitted',
  assigned: 'assigned',
  answered: 'answered',
  rated: 'rated',
  reopened: 'reopened',
  rectified: 'rectified',
  called_back: 'called_back',
  declined: 'declined',
  merged: 'merged',
  forwarded: 'forwarded',
} as const;
export type RequestStatus = (typeof RequestStatus)[keyof typeof RequestStatus];
export const REQUEST_STATUSES = Object.values(RequestStatus) as [RequestStatus, ...RequestStatus[]];
export const STATUS_NAMES: Record<RequestStatus, string> = {
  submitted: '待受理',
  assigned: '办理中',
  answered: '已答复',
  rated: '已评价',
  reopened: '整改中',
  rectified: '已整改',
  called_back: '已回访',
  declined: '不予受理',
  merged: '已合并',
  forwarded: '已转达',
};

/** Service categories (the Open311 services): what a citizen picks. */
export interface Category {
  code: string;
  name: string;
  description: string;
  group: string;
}
export const CATEGORIES: readonly Category[] = [
  { code: 'roads', name: '道路交通', description: '道路破损、路灯、交通设施、占道', group: '城乡建设' },
  { code: 'environment', name: '生态环境', description: '噪声、油烟、污水、垃圾、违规焚烧', group: '城乡建设' },
  { code: 'water_power', name: '水电气暖', description: '停水停电、燃气、供暖', group: '公共服务' },
  { code: 'housing', name: '住房物业', description: '物业服务、房屋安全、拆迁安置', group: '城乡建设' },
  { code: 'social_security', name: '社保就业', description: '社保、医保、养老、就业、欠薪', group: '民生保障' },
  { code: 'education', name: '教育', description: '入学、校园周边、培训机构', group: '民生保障' },
  { code: 'health', name: '医疗卫生', description: '医疗服务、疫苗、食品安全', group: '民生保障' },
  { code: 'market', name: '市场监管', description: '价格、消费纠纷、商家经营', group: '经济' },
  { code: 'agriculture', name: '农业农村', description: '农资、惠农补贴、村务', group: '经济' },
  { code: 'government_service', name: '政务服务', description: '办事流程、窗口服务、工作作风', group: '政务' },
  { code: 'other', name: '其他', description: '以上未列明的事项', group: '其他' },
];
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];

/** 好差评: five levels, 5 非常满意 … 1 非常不满意. */
export const RATING_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
/** The level a missing rating counts as once the window has passed (基本满意). */
export const DEFAULT_RATING = 3;
/** 不满意 and 非常不满意 reopen the request. */
export const reopens = (level: number): boolean => level <= 2;
/** Satisfied: 基本满意 or better. */
export const satisfied = (level: number): boolean => level >= 3;

/** Tracking codes: no 0/O, 1/I/L — read aloud over the phone and typed on a keypad without confusion. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 14;
/** A tracking code from random bytes (≥ TRACKING_CODE_LENGTH of them): ≈ 69 bits, unguessable. */
export function trackingCode(bytes: Uint8Array, length = TRACKING_CODE_LENGTH): string {
  if (bytes.length < length) throw new Error('trackingCode needs one random byte per character');
  let out = '';
  // 256 is not a multiple of 31: the small bias (≤ 1/8 per character) costs well under a bit.
  for (let i = 0; i < length; i++) out += TRACKING_ALPHABET[bytes[i]! % TRACKING_ALPHABET.length];
  return out;
}
/** A code as a citizen may type it: upper case, without spaces or dashes. */
export const normalizeCode = (s: string): string => s.toUpperCase().replace(/[\s-]/g, '');
export const isTrackingCode = (s: string): boolean => new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`).test(s);

/**
 * What makes two requests the same for duplicate detection: the description and the place, with
 * case, spaces and punctuation left out (a repeated submission rarely differs in more), and the
 * coordinates rounded to about 100 m.
 */
export function dedupeKey(description: string, place: { address?: string | null | undefined; lat?: number | null | undefined; long?: number | null | undefined }): string {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  const coords = place.lat != null && place.long != null ? `${place.lat.toFixed(3)},${place.long.toFixed(3)}` : '';
  return `${norm(description)}|${norm(place.address ?? '')}|${coords}`;
}
/** Duplicates are looked for within this long before a submission. */
export const DUPLICATE_WINDOW_MS = 24 * 3600_000;

/** 138****1234: the first three and last four digits; short numbers keep only the last two. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s/g, '');
  if (p.length >= 8) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length >= 3) return `${'*'.repeat(p.length - 2)}${p.slice(-2)}`;
  return '*'.repeat(p.length);
}
/** 张** : the family name only. */
export const maskName = (name: string): string => (name.length ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : name);

/** 办理时限 of a type in 工作日 (12345 rules): praise has no task, so none. */
export function resolveWorkdaysOf(type: RequestType, policy: Policy): number | null {
  return type === 'praise' ? null : policy.publicRequests.resolveWorkdays[type];
}

/** The date the desk must act on a request by (受理时限). */
export function acknowledgeDue(submittedOn: string, cal: WorkCalendar, policy: Policy): string {
  return cal.addWorkdays(submittedOn, policy.publicRequests.acknowledgeWorkdays).date;
}

/** Actions on a request and the states they need. */
export type RequestAction = 'assign' | 'forward' | 'merge' | 'decline' | 'return' | 'reply' | 'rate' | 'rectify' | 'callback';
const FROM: Record<RequestAction, readonly RequestStatus[]> = {
  assign: ['submitted'],
  forward: ['submitted'],
  merge: ['submitted'],
  decline: ['submitted'],
  return: ['assigned'],
  reply: ['assigned'],
  rate: ['answered', 'called_back'],
  rectify: ['reopened'],
  callback: ['rectified'],
};
export const ACTION_NAMES: Record<RequestAction, string> = {
  assign: '交办',
  forward: '转达',
  merge: '合并',
  decline: '不予受理',
  return: '退回',
  reply: '答复',
  rate: '评价',
  rectify: '整改',
  callback: '回访',
};

export type RequestRefusal = { status: 409; message: string };

/** May a request in this state take this action? (who may is policy.ts's question.) */
export function checkAction(action: RequestAction, status: RequestStatus, type: RequestType): RequestRefusal | null {
  if (!FROM[action].includes(status)) {
    return { status: 409, message: `诉求当前状态为「${STATUS_NAMES[status]}」，不能${ACTION_NAMES[action]} (cannot ${action} a request that is ${status}).` };
  }
  if (action === 'assign' && type === 'praise') return { status: 409, message: '表扬类诉求无需交办，请转达给被表扬单位 (praise is forwarded, not assigned).' };
  if (action === 'forward' && type !== 'praise') return { status: 409, message: '只有表扬类诉求可以转达；其他诉求须交办 (only praise is forwarded).' };
  return null;
}

/** The last day a unit may hand a misrouted request back (returnWithinWorkdays after assignment). */
export function returnUntil(assignedOn: string, cal: WorkCalendar, policy: Policy): string {
  return cal.addWorkdays(assignedOn, policy.publicRequests.returnWithinWorkdays).date;
}
export function checkReturn(today: string, assignedOn: string, cal: WorkCalendar, policy: Policy): string | null {
  const until = returnUntil(assignedOn, cal, policy);
  return today > until ? `退回须在交办后 ${policy.publicRequests.returnWithinWorkdays} 个工作日内（截至 ${until}）提出 (a misrouted request is returned within ${policy.publicRequests.returnWithinWorkdays} working days).` : null;
}

/**
 * 延期 of a request's task: at most `maxExtensions`, each moving the deadline by at most
 * `extensionMaxWorkdays` (the requests' keys, not tasks.maxExtensions).
 */
export function checkExtension(extensionsUsed: number, currentDeadline: string, newDeadline: string, cal: WorkCalendar, policy: Policy): string | null {
  const p = policy.publicRequests;
  if (extensionsUsed >= p.maxExtensions) return `群众诉求最多延期 ${p.maxExtensions} 次 (at most ${p.maxExtensions} extension(s) per request).`;
  const latest = cal.addWorkdays(currentDeadline, p.extensionMaxWorkdays).date;
  if (newDeadline > latest) return `群众诉求每次延期不超过 ${p.extensionMaxWorkdays} 个工作日（最晚 ${latest}） (an extension moves the deadline by at most ${p.extensionMaxWorkdays} working days).`;
  return null;
}

/** The rectification deadline after a bad rating (整改时限). */
export function rectifyDue(today: string, cal: WorkCalendar, policy: Policy): string {
  return cal.addWorkdays(today, policy.publicRequests.rectifyWorkdays).date;
}

/** When the citizen may no longer rate the current round: ratingWindowDays after the answer (or the call-back). */
export function ratingWindowEnds(from: Date, policy: Policy): Date {
  return new Date(from.getTime() + policy.publicRequests.ratingWindowDays * 86_400_000);
}

export interface RatingFacts {
  status: RequestStatus;
  /** The answer (round 0) or the call-back (later rounds) the window runs from. */
  openedAt: Date | null;
  /** The rating given in the current round, if any. */
  given: number | null;
  /** The last rating of an earlier round (the bad one that reopened it), if any. */
  previous?: number | null | undefined;
}

/** May the citizen rate now? */
export function checkRating(f: RatingFacts, now: Date, policy: Policy): string | null {
  if (f.status !== 'answered' && f.status !== 'called_back') return `诉求当前状态为「${STATUS_NAMES[f.status]}」，暂不能评价 (a request is rated once it is answered, or after the call-back).`;
  if (f.given !== null) return '本轮已评价，不能重复评价 (already rated).';
  if (!f.openedAt || now > ratingWindowEnds(f.openedAt, policy)) return `评价期（${policy.publicRequests.ratingWindowDays} 日）已过，视为基本满意 (the rating window has passed; it counts as 基本满意).`;
  return null;
}

/**
 * The rating that counts for a request now: the one given in the current round; 基本满意
 * (defaulted) once the round's window passed without one; else the earlier round's (the bad
 * rating that reopened it, until the citizen rates again); none while the first window is open.
 * Computed at read, so no job has to run for the default to count.
 */
export function effectiveRating(f: RatingFacts, now: Date, policy: Policy): { level: number; defaulted: boolean } | null {
  if (f.given !== null) return { level: f.given, defaulted: false };
  if ((f.status === 'answered' || f.status === 'called_back') && f.openedAt && now > ratingWindowEnds(f.openedAt, policy)) return { level: DEFAULT_RATING, defaulted: true };
  if (f.previous != null) return { level: f.previous, defaulted: false };
  return null;
}

/** What a rating does to the request: a bad one reopens it (round + 1), else it is settled. */
export function afterRating(level: number): RequestStatus {
  return reopens(level) ? 'reopened' : 'rated';
}

export interface UnitMonth {
  unitId: number;
  /** Rated requests (given or defaulted) answered that month. */
  rated: number;
  satisfied: number;
}
/** Satisfaction rate (基本满意 or better), 0…1; null without ratings. */
export const satisfactionRate = (m: Pick<UnitMonth, 'rated' | 'satisfied'>): number | null => (m.rated ? m.satisfied / m.rated : null);

/**
 * The units ranked last by satisfaction in a month (ties share the place); units without ratings
 * are not ranked, nor is a month with fewer than two ranked units.
 */
export function lastOfMonth(month: readonly UnitMonth[]): number[] {
  const ranked = month.filter((m) => m.rated > 0);
  if (ranked.length < 2) return [];
  const worst = Math.min(...ranked.map((m) => satisfactionRate(m)!));
  const best = Math.max(...ranked.map((m) => satisfactionRate(m)!));
  if (worst === best) return [];
  return ranked.filter((m) => satisfactionRate(m) === worst).map((m) => m.unitId);
}

/** 连续两个月排名末位: the units last in both months (the earlier month first). */
export function lastTwoMonthsRunning(previous: readonly UnitMonth[], latest: readonly UnitMonth[]): number[] {
  const a = new Set(lastOfMonth(previous));
  return lastOfMonth(latest).filter((id) => a.has(id));
}

/** The two complete months before `today` (YYYY-MM), the earlier first. */
export function previousTwoMonths(today: string): [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const back = (n: number) => {
    const d = new Date(Date.UTC(y, m - 1 - n, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return [back(2), back(1)];
}

/** First day and the day after the last of a month YYYY-MM. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 1));
  return { from, to: `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-01` };
}

/** Was it answered in time? (answered on or before the deadline, Asia/Shanghai dates.) */
export const onTime = (answeredOn: string | null, deadline: string | null): boolean | null => (answeredOn && deadline ? answeredOn <= deadline : null);

/** A day N calendar days after `date` (re-exported for the window's arithmetic in dates). */
export const plusDays = addDays;
