import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cutUtf8, dingtalkSign, feishuSign, fillTemplate, normalizeMobile, robotRequest, wecomContent, WECOM_MAX_BYTES } from './robots.ts';

describe('robot protocols', () => {
  it('DingTalk: base64 HmacSHA256 of "timestamp\\nsecret" keyed by the secret, urlencoded in the query', () => {
    const ts = 1_700_000_000_000;
    const expected = createHmac('sha256', 'SECabc').update(`${ts}\nSECabc`).digest('base64');
    expect(dingtalkSign('SECabc', ts)).toBe(expected);
    const r = robotRequest('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=T', 'SECabc', { title: 't', text: 'x', link: null, mobiles: ['13800000000'] }, new Date(ts));
    const u = new URL(r.url);
    expect(u.searchParams.get('access_token')).toBe('T');
    expect(u.searchParams.get('timestamp')).toBe(String(ts));
    expect(u.searchParams.get('sign')).toBe(expected);
    // The raw query has the base64 percent-encoded (no bare '+', '/' or '=').
    expect(r.url.split('sign=')[1]).not.toMatch(/[+/=]/);
    expect(JSON.parse(r.body)).toMatchObject({ msgtype: 'markdown', at: { atMobiles: ['13800000000'] } });
  });
  it('Feishu: base64 HmacSHA256 keyed by "timestamp\\nsecret" over an empty message; seconds; in the body', () => {
    const ts = 1_700_000_000;
    const expected = createHmac('sha256', `${ts}\nS`).update('').digest('base64');
    expect(feishuSign('S', ts)).toBe(expected);
    const body = JSON.parse(robotRequest('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', 'S', { title: 't', text: 'x', link: 'https://a/tasks/1', mobiles: [] }, new Date(ts * 1000)).body);
    expect(body).toMatchObject({ timestamp: String(ts), sign: expected, msg_type: 'interactive' });
  });
  it('WeCom: content cut at 4,096 UTF-8 bytes (not characters), the link kept', () => {
    const link = 'https://a.gov.cn/tasks/9';
    const fits = wecomContent({ title: 'T', text: '短', link, mobiles: [] });
    expect(fits).toContain(link);
    const long = wecomContent({ title: 'T', text: '督'.repeat(3000), link, mobiles: [] }); // 9,000 bytes of text
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expect(Buffer.byteLength(long)).toBeGreaterThan(WECOM_MAX_BYTES - 3);
    expect(long.endsWith(`(${link})`)).toBe(true);
    expect(long).toContain('…');
  });
  it('cuts UTF-8 without splitting a character', () => {
    expect(cutUtf8('督查abc', 4)).toBe('督');
    expect(cutUtf8('督查abc', 6)).toBe('督查');
    expect(cutUtf8('😀a', 3)).toBe('');
    expect(cutUtf8('abc', 10)).toBe('abc');
  });
  it('fills SMS templates escaped for JSON or forms', () => {
    expect(fillTemplate('{"to":"{mobile}","msg":"{text}"}', { mobile: '13800000000', text: '说"好"\n' }, true)).toBe('{"to":"13800000000","msg":"说\\"好\\"\\n"}');
    expect(fillTemplate('to={mobile}&msg={text}', { mobile: '13800000000', text: 'a&b' }, false)).toBe('to=13800000000&msg=a%26b');
  });
  it('accepts mainland mobiles only', () => {
    expect(normalizeMobile('138 1234 5678')).toBe('13812345678');
    expect(normalizeMobile('+86 13812345678')).toBe('13812345678');
    expect(normalizeMobile('12812345678')).toBeNull();
    expect(normalizeMobile('1381234567')).toBeNull();
    expect(normalizeMobile('0571-88888888')).toBeNull();
    expect(normalizeMobile(null)).toBeNull();
  });
});
