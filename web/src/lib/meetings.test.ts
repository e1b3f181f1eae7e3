import { describe, expect, it } from 'vitest';
import { ALL_KEYS } from './i18n.ts';
import { blocking, chinaInstant, chinaLocal, chinaText, clock, findingNumbers, firstUntimed, meetingFiltersToParams, meetingQuery, minutesSpoken, missingNames, parseMeetingFilters, percent, planBody, secondsLeft, sortFindings } from './meetings.ts';

describe('meetings list filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = { unitId: 7, kind: 'comprehensive' as const, status: 'pending_approval' as const, year: 2026, q: '安全生产' };
    expect(parseMeetingFilters(meetingFiltersToParams(f))).toEqual(f);
    expect(meetingQuery(f)).toEqual(f);
  });
  it('drops what the API would refuse', () => {
    expect(parseMeetingFilters(new URLSearchParams('unitId=-1&kind=party&status=bogus&year=99999&q=%20'))).toEqual({});
    expect(parseMeetingFilters(new URLSearchParams('unitId=1.5&year=2026.5'))).toEqual({});
    expect(parseMeetingFilters(new URLSearchParams(`q=${'会'.repeat(150)}`)).q).toHaveLength(100);
  });
  it('leaves empty filters out of the URL', () => {
    expect(meetingFiltersToParams({}).toString()).toBe('');
    expect(meetingFiltersToParams({ kind: 'video' }).toString()).toBe('kind=video');
  });
});

describe('China time for the plan form', () => {
  it('turns a local date-time into an instant with +08:00 and back', () => {
    expect(chinaInstant('2026-12-10T09:00')).toBe('2026-12-10T09:00:00+08:00');
    expect(chinaLocal('2026-12-10T01:00:00.000Z')).toBe('2026-12-10T09:00');
    expect(chinaLocal('2026-12-10T09:30:00+08:00')).toBe('2026-12-10T09:30');
    expect(chinaText('2026-12-09T16:30:00Z')).toBe('2026-12-10 00:30');
    expect(chinaLocal('not a date')).toBe('');
  });
});

describe('planBody', () => {
  const base = { title: ' 全县安全生产会 ', kind: 'topic' as const, organizerUnitId: 3, startsAt: '2026-12-10T09:00', endsAt: '2026-12-10T11:00', headcount: 80, agenda: [{ speaker: '县长', role: 'main' as const, minutes: 30 }] };
  it('builds the API body, trimming texts and leaving empty ones out', () => {
    expect(planBody({ ...base, place: '  ', chair: ' 王主任 ', attendingUnitIds: [4, 5] })).toEqual({
      title: '全县安全生产会',
      kind: 'topic',
      scope: 'internal',
      organizerUnitId: 3,
      startsAt: '2026-12-10T09:00:00+08:00',
      endsAt: '2026-12-10T11:00:00+08:00',
      attendingUnitIds: [4, 5],
      headcount: 80,
      agenda: [{ speaker: '县长', role: 'main', minutes: 30 }],
      online: false,
      chair: '王主任',
    });
  });
  it('prefers the person over the typed name, keeps the topic and the reason', () => {
    const b = planBody({ ...base, agenda: [{ speakerId: 9, speaker: '县长', role: 'other', minutes: 9.6, topic: ' 汇报 ' }], overrideReason: ' 上级要求必须召开全体会议部署工作 ' });
    expect(b?.agenda).toEqual([{ speakerId: 9, role: 'other', minutes: 10, topic: '汇报' }]);
    expect(b?.overrideReason).toBe('上级要求必须召开全体会议部署工作');
  });
  it('skips unfinished agenda rows and returns null while something needed is missing', () => {
    expect(planBody({ ...base, agenda: [{ role: 'main', minutes: 30 }, { speaker: '副县长', minutes: 10 }] })?.agenda).toEqual([{ speaker: '副县长', role: 'other', minutes: 10 }]);
    expect(planBody({ ...base, agenda: [{ speaker: '县长', role: 'main', minutes: null }] })).toBeNull();
    expect(planBody({ ...base, title: '  ' })).toBeNull();
    expect(planBody({ ...base, organizerUnitId: null })).toBeNull();
    expect(planBody({ ...base, headcount: 0 })).toBeNull();
    expect(planBody({ ...base, endsAt: null })).toBeNull();
  });
});

describe('findings', () => {
  it('names the number in force and the plan’s number, in the rule’s unit', () => {
    expect(findingNumbers({ rule: 'total_length', limit: 240, actual: 300 }, 'zh')).toBe('上限 240 分钟 · 本计划 300 分钟');
    expect(findingNumbers({ rule: 'main_speech_count', limit: 1, actual: 2 }, 'en')).toBe('limit 1 · this plan 2');
    expect(findingNumbers({ rule: 'merge', limit: 14 }, 'zh')).toBe('时间窗 14 天');
    expect(findingNumbers({ rule: 'merge' }, 'zh')).toBe('');
  });
  it('puts blocking findings first and says whether any blocks', () => {
    const fs = [
      { rule: 'other_speech_length', severity: 'warn' as const },
      { rule: 'total_length', severity: 'block' as const },
      { rule: 'merge', severity: 'warn' as const },
    ];
    expect(sortFindings(fs).map((f) => f.rule)).toEqual(['total_length', 'other_speech_length', 'merge']);
    expect(blocking(fs)).toBe(true);
    expect(blocking(fs.filter((f) => f.severity === 'warn'))).toBe(false);
    expect(blocking([])).toBe(false);
  });
  it('names what a decision lacks', () => {
    expect(missingNames(['leadUnit', 'deadline'], 'zh')).toBe('牵头单位、完成时限');
    expect(missingNames(['responsible'], 'en')).toBe('responsible person');
  });
});

describe('speech timer arithmetic', () => {
  it('counts down the planned minutes and below zero when over', () => {
    expect(secondsLeft(10, 0)).toBe(600);
    expect(secondsLeft(10, 59_999)).toBe(541);
    expect(secondsLeft(10, 600_000)).toBe(0);
    expect(secondsLeft(10, 661_000)).toBe(-61);
  });
  it('prints minutes and seconds, hours when long, a minus when over', () => {
    expect(clock(600)).toBe('10:00');
    expect(clock(5)).toBe('00:05');
    expect(clock(0)).toBe('00:00');
    expect(clock(-61)).toBe('-01:01');
    expect(clock(3723)).toBe('1:02:03');
  });
  it('records rounded minutes, at least one once started', () => {
    expect(minutesSpoken(0)).toBe(0);
    expect(minutesSpoken(5_000)).toBe(1);
    expect(minutesSpoken(89_000)).toBe(1);
    expect(minutesSpoken(91_000)).toBe(2);
    expect(minutesSpoken(30 * 60_000)).toBe(30);
  });
  it('starts at the first speech not yet timed', () => {
    expect(firstUntimed([{ actualMinutes: 5 }, { actualMinutes: null }, { actualMinutes: null }])).toBe(1);
    expect(firstUntimed([{ actualMinutes: 5 }, { actualMinutes: 7 }])).toBe(1);
    expect(firstUntimed([])).toBe(0);
  });
  it('prints shares as percentages', () => {
    expect(percent(0.625)).toBe('62.5%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});

describe('strings', () => {
  it('has the meetings strings in both languages', () => {
    expect(ALL_KEYS.filter((k) => k.startsWith('mtg.') || k.startsWith('timer.')).length).toBeGreaterThan(50);
  });
});
