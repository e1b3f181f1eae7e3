import { z } from 'zod';
import { Id, Line, Text } from '../../platform/http/zod.ts';

/** No control character at all, line breaks included (secrets and header values go into HTTP headers and signatures). */
const noCc = (s: string) => !/\p{Cc}/u.test(s);
import { ROBOT_PROVIDERS } from '../../platform/notify/robots.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Kind = z.string().max(100).regex(/^[a-z_]+(\.[a-z_*]+)*$/);

const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'http or https only')
  // Credentials in the user-info part would reach the audit log (the query's token is masked there).
  .refine((u) => !URL.canParse(u) || (new URL(u).username === '' && new URL(u).password === ''), 'no user name or password in the URL');

export const RobotBody = z.strictObject({
  unitId: Id,
  name: Text(100),
  provider: z.enum(ROBOT_PROVIDERS),
  url: HttpUrl,
  secret: z.string().trim().min(8).max(200).refine(noCc, '含有控制字符 (contains control characters)').nullable().default(null),
  kinds: z.array(Kind).max(50).default([]),
  urgentOnly: z.boolean().default(false),
  mention: z.boolean().default(true),
});

export const RobotPatchBody = z.strictObject({
  name: Text(100).optional(),
  url: HttpUrl.optional(),
  secret: z.string().trim().min(8).max(200).refine(noCc, '含有控制字符 (contains control characters)').nullable().optional(),
  kinds: z.array(Kind).max(50).optional(),
  urgentOnly: z.boolean().optional(),
  mention: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const RobotResponse = z
  .object({
    id: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    name: z.string(),
    provider: z.enum(ROBOT_PROVIDERS),
    /** The address with its token or key shown as ***. */
    url: z.string(),
    hasSecret: z.boolean(),
    kinds: z.array(z.string()),
    urgentOnly: z.boolean(),
    mention: z.boolean(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'ChannelRobot' });

export const TestResult = z.object({ ok: z.boolean(), error: z.string().nullable() }).meta({ id: 'ChannelTestResult' });

const HeaderName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const GatewayBody = z.strictObject({
  kind: z.enum(['http', 'log']),
  url: HttpUrl.nullable().default(null),
  method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  headers: z
    .record(HeaderName, z.string().max(1000).refine(noCc, '含有控制字符 (contains control characters)'))
    .refine((h) => Object.keys(h).length <= 20, 'at most 20 headers')
    .default({}),
  bodyTemplate: z.string().max(4000).refine((s) => !s.includes('\u0000'), 'contains NUL').default(''),
  /** Omitted: keep the stored secret; null: remove it. */
  secret: z.string().trim().min(8).max(200).refine(noCc, '含有控制字符 (contains control characters)').nullable().optional(),
});

export const GatewayResponse = z
  .object({
    configured: z.boolean(),
    kind: z.enum(['http', 'log']),
    url: z.string().nullable(),
    method: z.enum(['POST', 'PUT', 'GET']),
    headerNames: z.array(z.string()),
    bodyTemplate: z.string(),
    hasSecret: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ChannelSmsGateway' });

export const SmsTestBody = z.strictObject({ mobile: Line(20).optional() });
export const SmsTestResult = TestResult.extend({ mobile: z.string() });

const ChannelState = z.object({ on: z.boolean(), locked: z.boolean() });
export const SettingsResponse = z
  .object({
    kinds: z.array(z.object({ kind: z.string(), email: ChannelState, sms: ChannelState })),
    quietStart: z.string(),
    quietEnd: z.string(),
    defaultQuiet: z.object({ start: z.string(), end: z.string() }),
    digest: z.boolean(),
    digestAt: z.string(),
    mobile: z.string().nullable(),
    hasEmail: z.boolean(),
    smsAvailable: z.boolean(),
    urgentChannels: z.array(z.string()),
  })
  .meta({ id: 'ChannelSettings' });

export const SettingsBody = z.strictObject({
  choices: z.record(Kind, z.array(z.enum(['email', 'sms'])).max(2)).refine((c) => Object.keys(c).length <= 100, 'at most 100 kinds'),
  quietStart: HHMM.nullable(),
  quietEnd: HHMM.nullable(),
  digest: z.boolean(),
  /** Omitted: unchanged; null or empty: removed. */
  mobile: z.string().max(20).nullable().optional(),
});
