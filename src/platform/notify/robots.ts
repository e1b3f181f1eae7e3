/**
 * Group robots (政务钉钉/钉钉, 企业微信, 飞书) and SMS gateways: the wire protocols, nothing
 * else. Who hears what is decided elsewhere (the channels module); every HTTP call goes through
 * `postGuardedRead` (outbound.ts), the one way out.
 *
 * Signatures, as the services document them:
 * - DingTalk custom robot: `sign = urlencode(base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)))`,
 *   `timestamp` in milliseconds, both as query parameters; refused more than an hour off.
 * - Feishu/Lark custom bot: `sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = ""))`,
 *   `timestamp` in seconds, both in the JSON body.
 * - WeCom group robot: no signature; the `key` in the URL is the secret.
 * - SMS gateway (Mashang's generic shape): `x-mashang-timestamp: <ms>` and
 *   `x-mashang-signature: sha256=<hex HmacSHA256(secret, timestamp + "\n" + body)>`.
 */
import { createHmac } from 'node:crypto';
import type { BlockList } from 'node:net';
import { postGuardedRead } from './outbound.ts';

export type RobotProvider = 'dingtalk' | 'wecom' | 'feishu';
export const ROBOT_PROVIDERS = ['dingtalk', 'wecom', 'feishu'] as const satisfies readonly RobotProvider[];

/** Messages a robot accepts per minute (DingTalk documents 20; WeCom 20; Feishu 100, held to 20 as well). */
export const ROBOT_MESSAGES_PER_MINUTE = 20;
/** WeCom's markdown `content` limit, in UTF-8 bytes. */
export const WECOM_MAX_BYTES = 4096;
/** DingTalk's and Feishu's accepted clock difference. */
export const ROBOT_MAX_SKEW_MS = 3600_000;

export interface RobotMessage {
  title: string;
  /** Markdown body (without the link; the protocol adds it last). */
  text: string;
  /** The task page (or other object page) the message links back to; null when none. */
  link: string | null;
  /** Mobiles to mention (DingTalk `at.atMobiles`). */
  mobiles: string[];
}

export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
}

export function gatewaySign(secret: string, timestampMs: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampMs}\n${body}`).digest('hex')}`;
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes, never splitting a character. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

/** WeCom's content: the text cut so that the text, an ellipsis and the link fit in 4,096 bytes. */
export function wecomContent(m: RobotMessage): string {
  const tail = m.link ? `\n[查看详情 (open)](${m.link})` : '';
  const head = `**${m.title}**\n${m.text}`;
  const whole = head + tail;
  if (Buffer.byteLength(whole) <= WECOM_MAX_BYTES) return whole;
  const ellipsis = '…';
  return cutUtf8(head, WECOM_MAX_BYTES - Buffer.byteLength(tail) - Buffer.byteLength(ellipsis)) + ellipsis + tail;
}

/** The request a robot gets: URL (with its signature for DingTalk) and JSON body. */
export function robotRequest(provider: RobotProvider, webhookUrl: string, secret: string | null, m: RobotMessage, now: Date): { url: string; body: string } {
  const link = m.link ? `\n\n[查看详情 (open)](${m.link})` : '';
  switch (provider) {
    case 'dingtalk': {
      const u = new URL(webhookUrl);
      if (secret) {
        const ts = now.getTime();
        u.searchParams.set('timestamp', String(ts));
        // URLSearchParams encodes '+', '/' and '=' (the documented urlencode of the base64).
        u.searchParams.set('sign', dingtalkSign(secret, ts));
      }
      const mentions = m.mobiles.length ? `\n\n${m.mobiles.map((x) => `@${x}`).join(' ')}` : '';
      return {
        url: u.toString(),
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.title, text: `### ${m.title}\n\n${m.text}${link}${mentions}` }, at: { atMobiles: m.mobiles, isAtAll: false } }),
      };
    }
    case 'wecom':
      return { url: webhookUrl, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: wecomContent(m) } }) };
    case 'feishu': {
      const ts = Math.floor(now.getTime() / 1000);
      const signed = secret ? { timestamp: String(ts), sign: feishuSign(secret, ts) } : {};
      return {
        url: webhookUrl,
        body: JSON.stringify({
          ...signed,
          msg_type: 'interactive',
          card: {
            header: { title: { tag: 'plain_text', content: m.title } },
            elements: [
              { tag: 'div', text: { tag: 'lark_md', content: m.text } },
              ...(m.link ? [{ tag: 'action', actions: [{ tag: 'button', text: { tag: 'plain_text', content: '查看详情' }, url: m.link, type: 'primary' }] }] : []),
            ],
          },
        }),
      };
    }
  }
}

/** A robot's refusal (HTTP error, or an `errcode`/`code` other than 0 in a 200 answer). */
export class ChannelRefused extends Error {}

/** Sends one message to a robot; throws ChannelRefused when it does not accept it. */
export async function sendRobot(
  robot: { provider: RobotProvider; url: string; secret: string | null },
  m: RobotMessage,
  now: Date,
  timeoutMs: number,
  allow: BlockList,
): Promise<void> {
  const req = robotRequest(robot.provider, robot.url, robot.secret, m, now);
  const res = await postGuardedRead(req.url, { 'content-type': 'application/json; charset=utf-8' }, req.body, timeoutMs, allow);
  if (res.status < 200 || res.status >= 300) throw new ChannelRefused(`robot answered HTTP ${res.status}`);
  let answer: { errcode?: unknown; code?: unknown; StatusCode?: unknown; errmsg?: unknown; msg?: unknown } = {};
  try {
    answer = JSON.parse(res.body) as typeof answer;
  } catch {
    throw new ChannelRefused('robot answered without JSON');
  }
  const code = answer.errcode ?? answer.code ?? answer.StatusCode ?? 0;
  const said = answer.errmsg ?? answer.msg ?? '';
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v));
  if (code !== 0) throw new ChannelRefused(`robot refused: ${text(code)} ${text(said).slice(0, 200)}`);
}

/** One small interface for SMS: a gateway sends a text to a mainland mobile. */
export interface SmsChannel {
  readonly kind: 'http' | 'log';
  send(mobile: string, text: string, now: Date): Promise<void>;
}

export interface HttpGatewaySettings {
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  headers: Record<string, string>;
  /** With `{mobile}` and `{text}`, each replaced JSON-escaped (without quotes) when the content type is JSON, else URL-encoded. */
  bodyTemplate: string;
  secret: string | null;
}

/** Fills a body template: JSON bodies get JSON-escaped values, others form-encoded ones; GET puts the body in the query. */
export function fillTemplate(template: string, values: { mobile: string; text: string }, json: boolean): string {
  const esc = (v: string) => (json ? JSON.stringify(v).slice(1, -1) : encodeURIComponent(v));
  return template.replace(/\{(mobile|text)\}/g, (_, k: 'mobile' | 'text') => esc(values[k]));
}

/** The generic HTTP gateway (政务短信平台, operator MAS gateways): any 2xx is accepted. */
export function httpSmsChannel(g: HttpGatewaySettings, timeoutMs: number, allow: BlockList): SmsChannel {
  return {
    kind: 'http',
    async send(mobile, text, now) {
      const contentType = Object.entries(g.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json; charset=utf-8';
      const json = contentType.includes('json');
      const body = fillTemplate(g.bodyTemplate, { mobile, text }, json && g.method !== 'GET');
      let url = g.url;
      if (g.method === 'GET') url += (url.includes('?') ? '&' : '?') + body;
      const ts = now.getTime();
      const headers: Record<string, string> = { ...g.headers, 'content-type': contentType, 'x-mashang-timestamp': String(ts) };
      if (g.secret) headers['x-mashang-signature'] = gatewaySign(g.secret, ts, g.method === 'GET' ? '' : body);
      const res = await postGuardedRead(url, headers, body, timeoutMs, allow, g.method);
      if (res.status < 200 || res.status >= 300) throw new ChannelRefused(`SMS gateway answered HTTP ${res.status}`);
    },
  };
}

/** A mobile as logs may show it: 138****5678. */
export function maskMobile(mobile: string): string {
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}

/** Log-only SMS, for demos and tests: the text and the masked number go to the server log, nothing leaves. */
export function logSmsChannel(log: (entry: { mobile: string; text: string }) => void): SmsChannel {
  return {
    kind: 'log',
    async send(mobile, text) {
      log({ mobile: maskMobile(mobile), text });
    },
  };
}

/** A mainland China mobile number (11 digits, 1[3-9]…), after removing spaces, dashes and a +86/86 prefix; null when not one. */
export function normalizeMobile(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}
