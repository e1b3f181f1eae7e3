import { describe, expect, it } from 'vitest';
import { builtinYears } from '../../platform/calendar/builtin.ts';
import { WorkCalendar } from '../../platform/calendar/calendar.ts';
import { defaultPolicy } from '../../platform/policy.ts';
import { channelsFor, digestDue, digestMessage, linkOf, lockedChannels, maskedMobile, nextWorkday, quietUntil, robotCarries, shanghaiMinutes, smsText } from './rules.ts';

const cal = new WorkCalendar(builtinYears());
const Q = { start: '21:00', end: '07:30' };
const at = (s: string) => new Date(`${s}+08:00`);

describe('quietUntil (21:00–07:30 and rest days, Asia/Shanghai)', () => {
  it('a working day: not quiet from 07:30 (at the limit) to 20:59; quiet at 21:00 (at the limit) and before 07:30', () => {
    expect(quietUntil(at('2026-12-01T07:30:00'), Q, cal)).toBeNull();
    expect(quietUntil(at('2026-12-01T20:59:59'), Q, cal)).toBeNull();
    expect(quietUntil(at('2026-12-01T21:00:00'), Q, cal)).toEqual(at('2026-12-02T07:30:00'));
    expect(quietUntil(at('2026-12-01T07:29:00'), Q, cal)).toEqual(at('2026-12-01T07:30:00'));
    expect(quietUntil(at('2026-12-01T00:10:00'), Q, cal)).toEqual(at('2026-12-01T07:30:00'));
  });
  it('Friday night waits for Monday; a weekend day is quiet all day', () => {
    expect(quietUntil(at('2026-12-04T22:00:00'), Q, cal)).toEqual(at('2026-12-07T07:30:00'));
    expect(quietUntil(at('2026-12-05T12:00:00'), Q, cal)).toEqual(at('2026-12-07T07:30:00'));
  });
  it('across the Spring Festival: a makeup Saturday (调休) is a working day; the holiday is quiet to its end', () => {
    // 2026-02-14 is a Saturday worked (调休); 02-15 … 02-23 are the break; 02-24 is the first working day.
    expect(quietUntil(at('2026-02-13T22:00:00'), Q, cal)).toEqual(at('2026-02-14T07:30:00'));
    expect(quietUntil(at('2026-02-14T10:00:00'), Q, cal)).toBeNull();
    expect(quietUntil(at('2026-02-14T21:30:00'), Q, cal)).toEqual(at('2026-02-24T07:30:00'));
    expect(quietUntil(at('2026-02-16T10:00:00'), Q, cal)).toEqual(at('2026-02-24T07:30:00'));
  });
  it('a daytime span (start < end) and none (start = end)', () => {
    const noon = { start: '12:00', end: '14:00' };
    expect(quietUntil(at('2026-12-01T11:59:00'), noon, cal)).toBeNull();
    expect(quietUntil(at('2026-12-01T12:00:00'), noon, cal)).toEqual(at('2026-12-01T14:00:00'));
    expect(quietUntil(at('2026-12-01T14:00:00'), noon, cal)).toBeNull();
    expect(quietUntil(at('2026-12-01T23:00:00'), { start: '00:00', end: '00:00' }, cal)).toBeNull();
  });
  it('reads Shanghai wall-clock time from UTC instants', () => {
    expect(shanghaiMinutes(new Date('2026-12-01T13:00:00Z'))).toBe(21 * 60);
    expect(nextWorkday('2026-02-14', cal)).toBe('2026-02-24');
  });
});

describe('channelsFor (choices within policy)', () => {
  const policy = { notify: { ...defaultPolicy.notify, mandatory: { 'tasks.urged': ['sms' as const] } } };
  it('defaults: e-mail on, SMS off', () => {
    expect([...channelsFor('tasks.assigned', {}, policy, false)]).toEqual(['email']);
  });
  it('a choice replaces the default, both ways', () => {
    expect([...channelsFor('tasks.assigned', { 'tasks.assigned': ['sms'] }, policy, false)]).toEqual(['sms']);
    expect([...channelsFor('tasks.assigned', { 'tasks.assigned': [] }, policy, false)]).toEqual([]);
  });
  it('a mandatory channel cannot be switched off', () => {
    expect([...channelsFor('tasks.urged', { 'tasks.urged': [] }, policy, false)]).toEqual(['sms']);
    expect(lockedChannels('tasks.urged', policy)).toEqual(['sms']);
    expect(lockedChannels('tasks.assigned', policy)).toEqual([]);
  });
  it('urgent notices add the urgent channels (SMS by default), whatever was chosen', () => {
    expect([...channelsFor('tasks.escalated', { 'tasks.escalated': [] }, policy, true)]).toEqual(['sms']);
    expect([...channelsFor('tasks.escalated', { 'tasks.escalated': [] }, { notify: { ...policy.notify, urgentChannels: [] } }, true)]).toEqual([]);
  });
});

describe('smsText by kind: the ask after the title, whole, the link last', () => {
  const link = 'https://mashang.example.gov.cn/tasks/12';
  it('adds what the kind asks of the reader', () => {
    expect(smsText('交办：修缮校舍', link, 70, 'tasks.assigned')).toBe(`【马上】交办：修缮校舍，请及时签收 ${link}`);
    expect(smsText('【督办】修缮校舍', link, 70, 'tasks.escalated')).toBe(`【马上】【督办】修缮校舍，请抓紧办理 ${link}`);
    expect(smsText('交办：修缮校舍', link, 70, 'tasks.progress')).toBe(`【马上】交办：修缮校舍 ${link}`);
    expect(smsText('交办：修缮校舍', link, 70)).toBe(`【马上】交办：修缮校舍 ${link}`);
  });
  it('cuts the title, not the ask, to stay within 70', () => {
    const t = smsText(`催办：${'字'.repeat(60)}`, link, 70, 'tasks.urged');
    expect([...t].length).toBe(70);
    expect(t.endsWith(`…，请按时报送情况说明 ${link}`)).toBe(true);
  });
});

describe('smsText (70 characters where possible, link last)', () => {
  const link = 'https://ms.example.gov.cn/tasks/12345';
  it('a short title goes whole', () => {
    expect(smsText('请签收：修缮校舍', link, 70)).toBe(`【马上】请签收：修缮校舍 ${link}`);
  });
  it('at the limit: exactly 70 characters are kept; above: cut with an ellipsis, the link whole', () => {
    const room = 70 - link.length - 1 - 4;
    const exact = smsText('字'.repeat(room), link, 70);
    expect([...exact].length).toBe(70);
    expect(exact.includes('…')).toBe(false);
    const over = smsText('字'.repeat(room + 1), link, 70);
    expect([...over].length).toBe(70);
    expect(over.endsWith(` ${link}`)).toBe(true);
    expect(over.includes('…')).toBe(true);
  });
  it('a link too long for the limit still goes whole, after a short text', () => {
    const long = `https://x.example/${'a'.repeat(80)}`;
    const t = smsText('很长很长的标题很长很长的标题', long, 70);
    expect(t.endsWith(long)).toBe(true);
  });
});

describe('links, robots, digest', () => {
  it('links back to the object page', () => {
    expect(linkOf('https://a.gov.cn/', 'task', '7')).toBe('https://a.gov.cn/tasks/7');
    expect(linkOf('https://a.gov.cn', 'meeting', '3')).toBe('https://a.gov.cn/meetings/3');
    expect(linkOf('https://a.gov.cn', null, null)).toBe('https://a.gov.cn/notifications');
    expect(linkOf('https://a.gov.cn', 'task', '../x')).toBe('https://a.gov.cn/notifications');
  });
  it('robots carry exact kinds, module.*, all, and urgent-only', () => {
    expect(robotCarries({ kinds: [], urgentOnly: false }, 'tasks.assigned', false)).toBe(true);
    // A robot that lists no kinds carries the supervision engine's notices, not every module's.
    expect(robotCarries({ kinds: [], urgentOnly: false }, 'meetings.approved', false)).toBe(false);
    // Personal notices never reach a group chat, whatever the robot lists.
    for (const kind of ['accountability.issued', 'accountability.explained', 'reports.summary_submitted', 'channels.digest', 'auth.login_failed']) {
      expect(robotCarries({ kinds: [], urgentOnly: false }, kind, true), kind).toBe(false);
      expect(robotCarries({ kinds: ['accountability.*', 'reports.*', 'channels.*', 'auth.*', kind], urgentOnly: false }, kind, true), kind).toBe(false);
    }
    expect(robotCarries({ kinds: ['reports.*'], urgentOnly: false }, 'reports.drafted', false)).toBe(true);
    expect(robotCarries({ kinds: ['tasks.*'], urgentOnly: false }, 'tasks.assigned', false)).toBe(true);
    expect(robotCarries({ kinds: ['tasks.*'], urgentOnly: false }, 'meetings.approved', false)).toBe(false);
    expect(robotCarries({ kinds: ['tasks.escalated'], urgentOnly: true }, 'tasks.escalated', false)).toBe(false);
    expect(robotCarries({ kinds: ['tasks.escalated'], urgentOnly: true }, 'tasks.escalated', true)).toBe(true);
  });
  it('the digest is one message of the groups with something in them; none when nothing', () => {
    expect(digestMessage('2026-12-01', [{ kind: 'sign', count: 0, titles: [] }])).toBeNull();
    const m = digestMessage('2026-12-01', [
      { kind: 'sign', count: 2, titles: ['甲', '乙'] },
      { kind: 'verify', count: 5, titles: ['丙', '丁', '戊'] },
    ])!;
    expect(m.title).toBe('今日待办 2026-12-01：7 件');
    expect(m.body).toBe('待签收 2 件：甲；乙\n待我审核 5 件：丙；丁；戊 等');
  });
  it('the digest is due on working days at 08:30 or later: a makeup Saturday yes, a holiday no', () => {
    expect(digestDue(at('2026-12-01T08:29:00'), '08:30', cal)).toBe(false);
    expect(digestDue(at('2026-12-01T08:30:00'), '08:30', cal)).toBe(true);
    expect(digestDue(at('2026-02-14T08:30:00'), '08:30', cal)).toBe(true);
    expect(digestDue(at('2026-02-16T09:00:00'), '08:30', cal)).toBe(false);
    expect(digestDue(at('2026-12-05T09:00:00'), '08:30', cal)).toBe(false);
  });
  it('masks mobiles', () => {
    expect(maskedMobile('13812345678')).toBe('138****5678');
    expect(maskedMobile(null)).toBeNull();
  });
});

describe('maskedUrl: a robot address without its credential', () => {
  it('hides the query values and a token in the path (Feishu), keeps the rest', async () => {
    const { maskedUrl } = await import('./service.ts');
    expect(maskedUrl('https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(maskedUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    expect(maskedUrl('https://open.feishu.cn/open-apis/bot/v2/hook/2f8e1b3c-0d4a-4e5f-9a6b-7c8d9e0f1a2b')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/***');
    expect(maskedUrl('http://127.0.0.1:9/dingtalk?access_token=k')).toBe('http://127.0.0.1:9/dingtalk?access_token=***');
  });
});
