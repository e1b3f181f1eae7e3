import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';

/**
 * Each protocol against a local receiver that checks the signature exactly as the service
 * documents it (and the clock difference: DingTalk and Feishu refuse more than an hour off).
 */
let ctx: TestContext;
let server: Server;
let base: string;
const SECRET = 'SEC-receiver-secret-0123456789';
const WECOM_KEY = 'wecom-key-abc';
/** What the receiver took as "now" is the app's clock plus this (a skewed robot server). */
let skewMs = 0;
/** Statuses the receiver answers in turn (then 200). */
let script: number[] = [];

interface Hit {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  accepted: boolean;
  reason?: string;
}
const hits: Hit[] = [];

function verify(path: string, query: URLSearchParams, headers: IncomingMessage['headers'], body: string): { ok: boolean; reason?: string; answer: unknown } {
  const now = ctx.clock.now().getTime() + skewMs;
  if (path === '/dingtalk') {
    const ts = Number(query.get('timestamp'));
    const expected = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
    if (query.get('access_token') !== 'DT-TOKEN') return { ok: false, reason: 'token', answer: { errcode: 300001, errmsg: 'token is not exist' } };
    if (!Number.isFinite(ts) || Math.abs(now - ts) > 3600_000) return { ok: false, reason: 'skew', answer: { errcode: 310000, errmsg: 'invalid timestamp' } };
    if (query.get('sign') !== expected) return { ok: false, reason: 'sign', answer: { errcode: 310000, errmsg: 'sign not match' } };
    return { ok: true, answer: { errcode: 0, errmsg: 'ok' } };
  }
  if (path === '/wecom') {
    if (query.get('key') !== WECOM_KEY) return { ok: false, reason: 'key', answer: { errcode: 93000, errmsg: 'invalid webhook url' } };
    const content = (JSON.parse(body) as { markdown: { content: string } }).markdown.content;
    if (Buffer.byteLength(content) > 4096) return { ok: false, reason: 'length', answer: { errcode: 40058, errmsg: 'content exceed max length' } };
    return { ok: true, answer: { errcode: 0, errmsg: 'ok' } };
  }
  if (path === '/feishu') {
    const b = JSON.parse(body) as { timestamp: string; sign: string };
    const ts = Number(b.timestamp);
    const expected = createHmac('sha256', `${ts}\n${SECRET}`).update('').digest('base64');
    if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > 3600) return { ok: false, reason: 'skew', answer: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' } };
    if (b.sign !== expected) return { ok: false, reason: 'sign', answer: { code: 19021, msg: 'sign match fail' } };
    return { ok: true, answer: { code: 0, msg: 'success' } };
  }
  if (path === '/sms') {
    const ts = String(headers['x-mashang-timestamp']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}\n${body}`).digest('hex')}`;
    if (headers['x-mashang-signature'] !== expected) return { ok: false, reason: 'sign', answer: { code: 'bad-sign' } };
    if (headers['x-api-key'] !== 'gw-key') return { ok: false, reason: 'key', answer: { code: 'bad-key' } };
    return { ok: true, answer: { code: 'ok' } };
  }
  return { ok: false, reason: 'path', answer: {} };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const status = script.shift() ?? 200;
      const v = status === 200 ? verify(u.pathname, u.searchParams, req.headers, body) : { ok: false, reason: `http ${status}`, answer: {} };
      hits.push({ path: u.pathname, query: u.searchParams, headers: req.headers, body, accepted: v.ok, ...(v.reason ? { reason: v.reason } : {}) });
      res.statusCode = status;
      // SMS gateways answer with their own status; robots with HTTP 200 and an errcode.
      if (u.pathname === '/sms' && !v.ok && status === 200) res.statusCode = 403;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(v.answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx = await createTestContext({ retryDelaysMs: [20, 40] });
});

afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  skewMs = 0;
  script = [];
  hits.length = 0;
  ctx.clock.set(new Date('2026-12-01T10:00:00+08:00'));
  // Each test starts with no robot carrying anything and nothing pending.
  await ctx.handle.db.updateTable('channelRobot').set({ active: false }).execute();
  await ctx.handle.db.updateTable('delivery').set({ status: 'failed' }).where('status', '=', 'pending').execute();
});

async function deliverUntilSettled(rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    await ctx.services.notify.deliverDue();
    const due = await ctx.handle.db.selectFrom('delivery').select('id').where('status', '=', 'pending').where('nextAttemptAt', '<=', ctx.clock.now()).execute();
    if (due.length === 0) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function queue(items: { recipientId: number; kind?: string; objectId?: number; urgent?: boolean; title?: string; body?: string }[]) {
  await ctx.handle.db.transaction().execute((trx) =>
    ctx.services.notify.queue(
      trx,
      items.map((i) => ({ recipientId: i.recipientId, kind: i.kind ?? 'tasks.assigned', title: i.title ?? '新交办事项：修缮校舍', body: i.body ?? '请于 1 个工作日内签收。', objectType: 'task', objectId: i.objectId ?? 7, ...(i.urgent ? { urgent: true } : {}) })),
    ),
  );
}

async function setPhone(personId: number, phone: string) {
  await ctx.handle.db.updateTable('person').set({ phone }).where('id', '=', personId).execute();
}

async function adminClient() {
  const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '测试县' });
  const admin = await ctx.as(['admin'], county);
  return { admin, county };
}

async function robot(admin: Awaited<ReturnType<typeof ctx.as>>, body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/channels/robots', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; url: string; hasSecret: boolean }>();
}

describe('DingTalk custom robot', () => {
  it('is configured without ever returning its secret or token, and the test message arrives signed', async () => {
    const { admin, county } = await adminClient();
    const r = await robot(admin, { unitId: county.id, name: '县督查室工作群', provider: 'dingtalk', url: `${base}/dingtalk?access_token=DT-TOKEN`, secret: SECRET, kinds: ['tasks.*'] });
    expect(r).not.toHaveProperty('secret');
    expect(r.hasSecret).toBe(true);
    expect(r.url).toBe(`${base}/dingtalk?access_token=***`);
    const list = (await admin.get('/api/v1/channels/robots')).body;
    expect(list).not.toContain(SECRET);
    expect(list).not.toContain('DT-TOKEN');
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['after']).where('action', 'like', 'channel_robot.%').execute();
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain('DT-TOKEN');

    const test = await admin.post(`/api/v1/channels/robots/${r.id}/test`);
    expect(test.json()).toEqual({ ok: true, error: null });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ path: '/dingtalk', accepted: true });
    expect(JSON.parse(hits[0]!.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('测试消息') } });
  });

  it('a wrong secret and a skewed clock are refused by the robot, and the test says so', async () => {
    const { admin, county } = await adminClient();
    const wrong = await robot(admin, { unitId: county.id, name: '错密钥', provider: 'dingtalk', url: `${base}/dingtalk?access_token=DT-TOKEN`, secret: 'SEC-not-the-right-one' });
    expect((await admin.post(`/api/v1/channels/robots/${wrong.id}/test`)).json()).toEqual({ ok: false, error: expect.stringContaining('310000') });
    expect(hits.at(-1)).toMatchObject({ accepted: false, reason: 'sign' });

    const right = await robot(admin, { unitId: county.id, name: '时钟偏差', provider: 'dingtalk', url: `${base}/dingtalk?access_token=DT-TOKEN`, secret: SECRET });
    skewMs = 3600_000 + 5_000;
    expect((await admin.post(`/api/v1/channels/robots/${right.id}/test`)).json().ok).toBe(false);
    expect(hits.at(-1)).toMatchObject({ accepted: false, reason: 'skew' });
    skewMs = 3600_000 - 5_000;
    expect((await admin.post(`/api/v1/channels/robots/${right.id}/test`)).json().ok).toBe(true);
  });

  it('carries its kinds from its unit’s subtree: one message per event, mentioning each recipient with a mobile, linking to the task', async () => {
    const { admin, county } = await adminClient();
    await robot(admin, { unitId: county.id, name: '县群', provider: 'dingtalk', url: `${base}/dingtalk?access_token=DT-TOKEN`, secret: SECRET, kinds: ['tasks.escalated'] });
    const town = await ctx.newUnit({ parent: county, kind: 'region' });
    const a = await ctx.newPerson({ unit: town });
    const b = await ctx.newPerson({ unit: town });
    const outside = await ctx.newPerson();
    await setPhone(a.id, '13812345678');
    await queue([
      { recipientId: a.id, kind: 'tasks.escalated', objectId: 41 },
      // The same event reaching a by a second path (responsible person and unit head): once.
      { recipientId: a.id, kind: 'tasks.escalated', objectId: 41 },
      { recipientId: b.id, kind: 'tasks.escalated', objectId: 41 },
      { recipientId: outside.id, kind: 'tasks.escalated', objectId: 41 },
      { recipientId: a.id, kind: 'tasks.assigned', objectId: 41 },
    ]);
    expect(await ctx.handle.db.selectFrom('notification').select('id').where('recipientId', '=', a.id).execute()).toHaveLength(2);
    await deliverUntilSettled();
    const robotHits = hits.filter((h) => h.path === '/dingtalk');
    expect(robotHits).toHaveLength(1);
    const body = JSON.parse(robotHits[0]!.body);
    expect(body.at.atMobiles).toEqual(['13812345678']);
    expect(body.markdown.text).toContain('https://mashang.local/tasks/41');
    expect(robotHits[0]!.accepted).toBe(true);
  });

  it('holds to 20 messages a minute by queueing, never dropping', async () => {
    const { admin, county } = await adminClient();
    await robot(admin, { unitId: county.id, name: '限流', provider: 'dingtalk', url: `${base}/dingtalk?access_token=DT-TOKEN`, secret: SECRET, kinds: ['tasks.progress'] });
    const p = await ctx.newPerson({ unit: county });
    await queue(Array.from({ length: 25 }, (_, i) => ({ recipientId: p.id, kind: 'tasks.progress', objectId: 1000 + i })));
    await deliverUntilSettled();
    expect(hits.filter((h) => h.path === '/dingtalk')).toHaveLength(20);
    const waiting = await ctx.handle.db.selectFrom('delivery').select(['attempts', 'nextAttemptAt']).where('channel', '=', 'robot').where('status', '=', 'pending').execute();
    expect(waiting).toHaveLength(5);
    // Waiting is not an attempt: no retry budget spent.
    expect(waiting.every((w) => w.attempts === 0 && w.nextAttemptAt.getTime() > ctx.clock.now().getTime() + 50_000)).toBe(true);
    ctx.clock.advance(61_000);
    await deliverUntilSettled();
    expect(hits.filter((h) => h.path === '/dingtalk')).toHaveLength(25);
    expect(hits.every((h) => h.accepted)).toBe(true);
  });
});

describe('WeCom group robot', () => {
  it('cuts markdown content at 4,096 UTF-8 bytes and keeps the link to the task', async () => {
    const { admin, county } = await adminClient();
    await robot(admin, { unitId: county.id, name: '企业微信群', provider: 'wecom', url: `${base}/wecom?key=${WECOM_KEY}`, kinds: ['tasks.*'] });
    const p = await ctx.newPerson({ unit: county });
    await queue([{ recipientId: p.id, objectId: 88, body: '督查督办'.repeat(1000) }]);
    await deliverUntilSettled();
    const h = hits.find((x) => x.path === '/wecom')!;
    expect(h.accepted).toBe(true);
    const content = JSON.parse(h.body).markdown.content as string;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain('https://mashang.local/tasks/88');
  });

  it('retries a failing robot, records the failure without the connection detail, and keeps the inbox entry', async () => {
    const { admin, county } = await adminClient();
    await robot(admin, { unitId: county.id, name: '坏群', provider: 'wecom', url: `${base}/wecom?key=${WECOM_KEY}`, kinds: ['tasks.closed'] });
    const p = await ctx.newPerson({ unit: county });
    script = [500, 502, 503];
    await queue([{ recipientId: p.id, kind: 'tasks.closed', objectId: 90 }]);
    for (let i = 0; i < 10; i++) {
      await deliverUntilSettled();
      await new Promise((r) => setTimeout(r, 50));
    }
    const d = await ctx.handle.db.selectFrom('delivery').selectAll().where('channel', '=', 'robot').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    expect(d.lastError).toContain('see the server log');
    expect(hits.filter((h) => h.path === '/wecom')).toHaveLength(3);
    const inbox = await ctx.handle.db.selectFrom('notification').select('id').where('recipientId', '=', p.id).execute();
    expect(inbox).toHaveLength(1);
  });

  it('a wrong key is a refusal the test message reports', async () => {
    const { admin, county } = await adminClient();
    const r = await robot(admin, { unitId: county.id, name: '错key', provider: 'wecom', url: `${base}/wecom?key=nope` });
    expect((await admin.post(`/api/v1/channels/robots/${r.id}/test`)).json()).toEqual({ ok: false, error: expect.stringContaining('93000') });
  });
});

describe('Feishu custom bot', () => {
  it('signs timestamp + sign in the body; wrong secret and skew refused', async () => {
    const { admin, county } = await adminClient();
    const ok = await robot(admin, { unitId: county.id, name: '飞书群', provider: 'feishu', url: `${base}/feishu`, secret: SECRET });
    expect((await admin.post(`/api/v1/channels/robots/${ok.id}/test`)).json()).toEqual({ ok: true, error: null });
    expect(JSON.parse(hits.at(-1)!.body)).toMatchObject({ msg_type: 'interactive' });
    const bad = await robot(admin, { unitId: county.id, name: '飞书错', provider: 'feishu', url: `${base}/feishu`, secret: 'another-secret-xyz' });
    expect((await admin.post(`/api/v1/channels/robots/${bad.id}/test`)).json()).toEqual({ ok: false, error: expect.stringContaining('19021') });
    skewMs = -2 * 3600_000;
    expect((await admin.post(`/api/v1/channels/robots/${ok.id}/test`)).json().ok).toBe(false);
    expect(hits.at(-1)).toMatchObject({ reason: 'skew' });
  });
});

describe('robots: who may', () => {
  it('a supervisor configures robots in their region only; staff not at all; the outbound rules apply', async () => {
    const { admin, county } = await adminClient();
    const town = await ctx.newUnit({ parent: county, kind: 'region' });
    const sup = await ctx.as(['supervisor'], town);
    const body = { name: '镇群', provider: 'wecom', url: `${base}/wecom?key=${WECOM_KEY}` };
    expect((await sup.post('/api/v1/channels/robots', { ...body, unitId: town.id })).statusCode).toBe(201);
    expect((await sup.post('/api/v1/channels/robots', { ...body, unitId: county.id })).statusCode).toBe(403);
    const countyRobot = await robot(admin, { ...body, unitId: county.id });
    expect((await sup.post(`/api/v1/channels/robots/${countyRobot.id}/test`)).statusCode).toBe(403);
    expect((await sup.get('/api/v1/channels/robots')).json().items.map((r: { unitId: number }) => r.unitId)).toEqual([town.id]);
    const staff = await ctx.as(['staff'], town);
    expect((await staff.get('/api/v1/channels/robots')).statusCode).toBe(403);
    const refused = await admin.post('/api/v1/channels/robots', { ...body, unitId: county.id, url: 'http://10.1.2.3/robot' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('CHANNEL_URL_REFUSED');
    expect((await admin.post('/api/v1/channels/robots/99999999/test')).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/channels/robots/${countyRobot.id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/v1/channels/robots')).json().items.find((r: { id: number }) => r.id === countyRobot.id).active).toBe(false);
  });
});

describe('SMS', () => {
  async function httpGateway(admin: Awaited<ReturnType<typeof ctx.as>>) {
    const res = await admin.put('/api/v1/channels/sms-gateway', {
      kind: 'http',
      url: `${base}/sms`,
      method: 'POST',
      headers: { 'x-api-key': 'gw-key', 'content-type': 'application/json' },
      bodyTemplate: '{"phone":"{mobile}","content":"{text}"}',
      secret: SECRET,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('the gateway’s settings come back without the secret or header values; a test SMS arrives signed', async () => {
    const { admin } = await adminClient();
    const g = await httpGateway(admin);
    expect(g).toMatchObject({ configured: true, kind: 'http', headerNames: ['x-api-key', 'content-type'], hasSecret: true });
    expect(JSON.stringify(g)).not.toContain('gw-key');
    expect(JSON.stringify(g)).not.toContain(SECRET);
    const t = await admin.post('/api/v1/channels/sms-gateway/test', { mobile: '13900001111' });
    expect(t.json()).toEqual({ ok: true, error: null, mobile: '139****1111' });
    expect(JSON.parse(hits.at(-1)!.body)).toMatchObject({ phone: '13900001111', content: expect.stringContaining('测试短信') });
    expect((await admin.post('/api/v1/channels/sms-gateway/test', { mobile: '12345' })).json().error.code).toBe('CHANNEL_BAD_MOBILE');
    const audit = await ctx.handle.db.selectFrom('auditLog').select('after').where('action', 'like', 'channel_sms_gateway.%').execute();
    expect(JSON.stringify(audit)).not.toContain('13900001111');
    expect(JSON.stringify(audit)).not.toContain('gw-key');
  });

  it('a person’s choice sends by SMS (70 characters, link last); quiet hours hold it till the morning; urgent goes at once', async () => {
    const { admin, county } = await adminClient();
    await httpGateway(admin);
    const me = await ctx.as(['staff'], county);
    const saved = await me.put('/api/v1/channels/me', { choices: { 'tasks.assigned': ['sms'] }, quietStart: null, quietEnd: null, digest: true, mobile: '138-0000-2222' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().mobile).toBe('13800002222');
    expect(saved.json().kinds.find((k: { kind: string }) => k.kind === 'tasks.assigned')).toEqual({ kind: 'tasks.assigned', email: { on: false, locked: false }, sms: { on: true, locked: false } });
    const phoneAudit = await ctx.handle.db.selectFrom('auditLog').select(['before', 'after']).where('action', '=', 'person.phone').where('objectId', '=', String(me.person.id)).execute();
    expect(JSON.stringify(phoneAudit)).toContain('138****2222');
    expect(JSON.stringify(phoneAudit)).not.toContain('13800002222');

    await queue([{ recipientId: me.person.id, objectId: 501, title: '关于做好今冬明春森林防火工作的交办事项，请及时签收并部署落实到位' }]);
    await deliverUntilSettled();
    const sms = hits.filter((h) => h.path === '/sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.accepted).toBe(true);
    const content = JSON.parse(sms[0]!.body).content as string;
    expect([...content].length).toBeLessThanOrEqual(70);
    expect(content.endsWith(' https://mashang.local/tasks/501')).toBe(true);

    // 22:00 on a working day: non-urgent waits for 07:30 the next working day; urgent goes now.
    ctx.clock.set(new Date('2026-12-01T22:00:00+08:00'));
    await queue([{ recipientId: me.person.id, objectId: 502 }]);
    await queue([{ recipientId: me.person.id, objectId: 503, kind: 'tasks.escalated', urgent: true }]);
    await deliverUntilSettled();
    expect(hits.filter((h) => h.path === '/sms').map((h) => JSON.parse(h.body).content as string).filter((c) => c.includes('/tasks/50'))).toHaveLength(2);
    const held = await ctx.handle.db
      .selectFrom('delivery as d')
      .innerJoin('notification as n', 'n.id', 'd.notificationId')
      .select(['d.nextAttemptAt', 'd.status'])
      .where('n.objectId', '=', '502')
      .where('d.channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(held).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-12-02T07:30:00+08:00') });
    ctx.clock.set(new Date('2026-12-02T07:31:00+08:00'));
    await deliverUntilSettled();
    expect(hits.filter((h) => h.path === '/sms' && h.body.includes('/tasks/502'))).toHaveLength(1);
  });

  it('the policy’s mandatory channels cannot be switched off; a bad mobile is refused', async () => {
    const { admin, county } = await adminClient();
    await httpGateway(admin);
    await ctx.services.policy.setOverrides(ctx.system(), county.id, { notify: { mandatory: { 'tasks.urged': ['sms'] } } });
    const me = await ctx.as(['staff'], county);
    const bad = await me.put('/api/v1/channels/me', { choices: {}, quietStart: null, quietEnd: null, digest: true, mobile: '0571-8888' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CHANNEL_BAD_MOBILE');
    const res = await me.put('/api/v1/channels/me', { choices: { 'tasks.urged': [] }, quietStart: '22:00', quietEnd: '07:00', digest: false, mobile: '13700003333' });
    expect(res.json().kinds.find((k: { kind: string }) => k.kind === 'tasks.urged').sms).toEqual({ on: true, locked: true });
    expect(res.json()).toMatchObject({ quietStart: '22:00', quietEnd: '07:00', digest: false });
    await queue([{ recipientId: me.person.id, objectId: 601, kind: 'tasks.urged' }]);
    await deliverUntilSettled();
    expect(hits.filter((h) => h.path === '/sms' && h.body.includes('/tasks/601'))).toHaveLength(1);
    expect((await me.put('/api/v1/channels/me', { choices: { 'no.such_kind': ['sms'] }, quietStart: null, quietEnd: null, digest: true })).statusCode).toBe(400);
    expect((await me.put('/api/v1/channels/me', { choices: {}, quietStart: '25:00', quietEnd: null, digest: true })).statusCode).toBe(400);
  });

  it('the log-only gateway sends nothing out', async () => {
    const { admin } = await adminClient();
    expect((await admin.put('/api/v1/channels/sms-gateway', { kind: 'log' })).json()).toMatchObject({ configured: true, kind: 'log', url: null });
    expect((await admin.post('/api/v1/channels/sms-gateway/test', { mobile: '13900001111' })).json().ok).toBe(true);
    expect(hits).toHaveLength(0);
  });
});

describe('morning digest (今日待办)', () => {
  it('runs on working days only: not on a holiday, yes on a makeup Saturday, once a day', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const unit = await ctx.newUnit({ parent: county });
    const head = await ctx.newPerson({ unit, roles: ['unit_head'] });
    ctx.clock.set(new Date('2026-02-10T10:00:00+08:00'));
    await ctx.newTask({ leadUnit: unit, title: '春节期间安全生产检查' });
    const digests = () => ctx.handle.db.selectFrom('notification').selectAll().where('recipientId', '=', head.id).where('kind', '=', 'channels.digest').execute();

    // 2026-02-16: the Spring Festival break.
    ctx.clock.set(new Date('2026-02-16T09:00:00+08:00'));
    await ctx.services.digest.run();
    expect(await digests()).toHaveLength(0);
    // 2026-02-14: a Saturday worked (调休), before 08:30 and after.
    ctx.clock.set(new Date('2026-02-14T08:29:00+08:00'));
    await ctx.services.digest.run();
    expect(await digests()).toHaveLength(0);
    ctx.clock.set(new Date('2026-02-14T08:31:00+08:00'));
    await ctx.services.digest.run();
    const got = await digests();
    expect(got).toHaveLength(1);
    expect(got[0]!.title).toMatch(/^今日待办 2026-02-14：\d+ 件$/);
    expect(got[0]!.body).toContain('春节期间安全生产检查');
    expect(got[0]!.body).toContain('待签收');
    await ctx.services.digest.run();
    expect(await digests()).toHaveLength(1);
    // A plain Sunday: nothing.
    ctx.clock.set(new Date('2026-03-01T09:00:00+08:00'));
    await ctx.services.digest.run();
    expect(await digests()).toHaveLength(1);
  });
});
