import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { smtpChannel } from './channels.ts';

let ctx: TestContext;
let smtp: SMTPServer;
let mailChannel: ReturnType<typeof smtpChannel>;
const mails: { to: string[]; raw: string }[] = [];

let hookServer: Server;
let hookUrl: string;
const hookHits: { body: string; signature: string; status: number; timestamp?: string }[] = [];
/** Statuses the receiver answers in turn; then 200. */
let hookScript: number[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  mailChannel = smtpChannel(`smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`, 'Mashang <mashang@example.gov.cn>');

  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const status = hookScript.shift() ?? 200;
      hookHits.push({ body, signature: String(req.headers['x-mashang-signature']), status, timestamp: String(req.headers['x-mashang-timestamp']) });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;

  ctx = await createTestContext({ email: mailChannel, retryDelaysMs: [20, 40] });
});

afterAll(async () => {
  await ctx.close();
  mailChannel.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
});

async function queue(recipientId: number, kind = 'tasks.assigned', title = '新交办事项') {
  await ctx.handle.db.transaction().execute((trx) => ctx.services.notify.queue(trx, [{ recipientId, kind, title, body: '请于 1 个工作日内签收。', objectType: 'task', objectId: 7 }]));
}

async function deliverUntilSettled() {
  for (let i = 0; i < 20; i++) {
    await ctx.services.notify.deliverDue();
    const pending = await ctx.handle.db.selectFrom('delivery').select('id').where('status', '=', 'pending').execute();
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('inbox', () => {
  it('lists my notifications newest first with an unread count, and marks them read', async () => {
    const client = await ctx.as(['staff']);
    await queue(client.person.id, 'tasks.assigned', '第一条');
    await queue(client.person.id, 'tasks.reminded', '第二条');
    const other = await ctx.newPerson();
    await queue(other.id);
    const res = await client.get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unreadCount).toBe(2);
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['第二条', '第一条']);
    expect(body.items[0]).toMatchObject({ kind: 'tasks.reminded', objectType: 'task', objectId: '7', readAt: null });
    expect((await client.post(`/api/v1/notifications/${body.items[0].id}/read`)).json()).toEqual({ changed: 1 });
    expect((await client.get('/api/v1/notifications?unread=true')).json().items).toHaveLength(1);
    expect((await client.post('/api/v1/notifications/read-all')).json()).toEqual({ changed: 1 });
    expect((await client.get('/api/v1/notifications')).json().unreadCount).toBe(0);
  });

  it('pages the inbox by cursor, newest first', async () => {
    const client = await ctx.as(['staff']);
    for (const title of ['一', '二', '三', '四', '五']) await queue(client.person.id, 'tasks.assigned', title);
    const first = (await client.get('/api/v1/notifications?limit=2')).json();
    expect(first.items.map((n: { title: string }) => n.title)).toEqual(['五', '四']);
    expect(first.unreadCount).toBe(5);
    const second = (await client.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(['三', '二']);
    const last = (await client.get(`/api/v1/notifications?limit=2&cursor=${second.nextCursor}`)).json();
    expect(last.items.map((n: { title: string }) => n.title)).toEqual(['一']);
    expect(last.nextCursor).toBeNull();
    expect((await client.get('/api/v1/notifications?cursor=garbage')).statusCode).toBe(400);
  });

  it('filters the inbox by kind (exact, module.*, or leaving kinds out) and counts it by kind, for an inbox grouped like the digest', async () => {
    const client = await ctx.as(['staff']);
    await queue(client.person.id, 'tasks.assigned', '交办');
    await queue(client.person.id, 'tasks.escalated', '督办一');
    await queue(client.person.id, 'tasks.escalated', '督办二');
    await queue(client.person.id, 'research.behind', '调研落后');
    await queue((await ctx.newPerson()).id, 'tasks.escalated', '别人的');
    const titles = async (query: string) => ((await client.get(`/api/v1/notifications?${query}`)).json().items as { title: string }[]).map((n) => n.title);
    expect(await titles('kinds=tasks.escalated')).toEqual(['督办二', '督办一']);
    expect(await titles('kinds=tasks.escalated,research.behind')).toEqual(['调研落后', '督办二', '督办一']);
    expect(await titles('kinds=tasks.*')).toEqual(['督办二', '督办一', '交办']);
    expect(await titles('exceptKinds=tasks.*')).toEqual(['调研落后']);
    expect(await titles('kinds=tasks.*&exceptKinds=tasks.escalated')).toEqual(['交办']);
    // `_` in a module's name is a letter, not a LIKE wildcard: task_.* is no module of these.
    expect(await titles('kinds=task_.*')).toEqual([]);
    const first = (await client.post(`/api/v1/notifications/${(await client.get('/api/v1/notifications?kinds=tasks.assigned')).json().items[0].id}/read`)).statusCode;
    expect(first).toBe(200);
    expect((await client.get('/api/v1/notifications/kinds')).json()).toEqual({
      items: [
        { kind: 'research.behind', total: 1, unread: 1 },
        { kind: 'tasks.assigned', total: 1, unread: 0 },
        { kind: 'tasks.escalated', total: 2, unread: 2 },
      ],
    });
    // A kind that is not one (SQL, a bare module, a % wildcard, too many) is a 400 naming the field.
    for (const bad of ["kinds=tasks.assigned'--", 'kinds=tasks', 'kinds=tasks.%25', 'exceptKinds=%00', `kinds=${Array.from({ length: 41 }, () => 'tasks.x').join(',')}`, 'kinds=']) {
      const res = await client.get(`/api/v1/notifications?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('VALIDATION');
    }
  });

  it('queues more entries than one statement can bind (a province-wide job), all in one transaction', async () => {
    const p = await ctx.newPerson();
    const many = Array.from({ length: 10_000 }, (_, i) => ({ recipientId: p.id, kind: 'test.bulk', title: `第${i}条`, body: 'x', objectType: 'task', objectId: i }));
    await ctx.handle.db.transaction().execute((trx) => ctx.services.notify.queue(trx, many));
    const n = await ctx.handle.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('recipientId', '=', p.id).where('kind', '=', 'test.bulk').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(10_000);
  });

  it("cannot mark somebody else's notification (404)", async () => {
    const a = await ctx.as(['staff']);
    const b = await ctx.as(['staff']);
    await queue(a.person.id);
    const id = (await a.get('/api/v1/notifications')).json().items[0].id;
    expect((await b.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
  });
});

describe('email', () => {
  it('sends the notification to the recipient over SMTP', async () => {
    const p = await ctx.newPerson({ email: 'liming@example.gov.cn' });
    await queue(p.id, 'tasks.assigned', '关于做好防汛工作的交办单');
    await deliverUntilSettled();
    const mail = mails.find((m) => m.to.includes('liming@example.gov.cn'));
    expect(mail).toBeDefined();
    expect(mail!.raw).toMatch(/Subject: =\?UTF-8\?/);
    const row = await ctx.handle.db.selectFrom('delivery').selectAll().where('target', '=', 'liming@example.gov.cn').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'email', status: 'sent', attempts: 1 });
  });
});

describe('webhooks', () => {
  it('posts signed JSON, retries with backoff after failures, and records each attempt', async () => {
    const admin = await ctx.as(['admin']);
    const created = await admin.post('/api/v1/webhooks', { name: '钉钉机器人', url: hookUrl, kinds: ['tasks.*'] });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    hookScript = [500, 503];
    const p = await ctx.newPerson();
    await queue(p.id, 'tasks.escalated', '督办');
    await queue(p.id, 'meetings.scheduled', '不订阅的类别');
    await deliverUntilSettled();
    const mine = hookHits.filter((h) => h.body.includes('督办'));
    expect(mine.map((h) => h.status)).toEqual([500, 503, 200]);
    const last = mine.at(-1)!;
    expect(last.signature).toBe(`sha256=${createHmac('sha256', secret).update(last.body).digest('hex')}`);
    expect(JSON.parse(last.body)).toMatchObject({ kind: 'tasks.escalated', title: '督办', recipient: { id: p.id } });
    expect(hookHits.some((h) => h.body.includes('不订阅的类别'))).toBe(false);
    const row = await ctx.handle.db.selectFrom('delivery').selectAll().where('webhookId', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    await admin.delete(`/api/v1/webhooks/${id}`);
  });

  it('matches kinds in the outbox: every kind (empty list), an exact kind, a module.* prefix; inactive hooks get nothing', async () => {
    const admin = await ctx.as(['admin']);
    const hook = async (name: string, kinds: string[]) => (await admin.post('/api/v1/webhooks', { name, url: `${hookUrl}/${name}`, kinds })).json().id as number;
    const all = await hook('all', []);
    const exact = await hook('exact', ['tasks.signed']);
    const prefix = await hook('prefix', ['meetings.*', 'tasks.*']);
    const other = await hook('other', ['meetings.*', 'tasks.sign']);
    const off = await hook('off', []);
    await ctx.handle.db.updateTable('webhook').set({ active: false }).where('id', '=', off).execute();
    const p = await ctx.newPerson();
    await ctx.handle.db.transaction().execute((trx) =>
      ctx.services.notify.queue(trx, [
        { recipientId: p.id, kind: 'tasks.signed', title: '已签收', body: '甲' },
        { recipientId: p.id, kind: 'tasksx.signed', title: '不是任务模块', body: '乙' },
      ]),
    );
    const rows = await ctx.handle.db
      .selectFrom('delivery as d')
      .innerJoin('notification as n', 'n.id', 'd.notificationId')
      .select(['d.webhookId', 'n.kind'])
      .where('n.recipientId', '=', p.id)
      .where('d.channel', '=', 'webhook')
      .execute();
    const got = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.webhookId).sort((a, b) => a! - b!);
    expect(got('tasks.signed')).toEqual([all, exact, prefix]);
    expect(got('tasksx.signed')).toEqual([all]);
    expect(other).toBeGreaterThan(0);
    await ctx.handle.db.deleteFrom('delivery').where('webhookId', 'in', [all, exact, prefix, other, off]).execute();
    for (const id of [all, exact, prefix, other, off]) await admin.delete(`/api/v1/webhooks/${id}`);
  });

  it('gives up after the last retry, marks the delivery failed and keeps the inbox entry', async () => {
    const admin = await ctx.as(['admin']);
    const { id } = (await admin.post('/api/v1/webhooks', { name: '坏的', url: 'http://127.0.0.1:9/unreachable' })).json();
    const p = await ctx.login(await ctx.newPerson());
    await queue(p.person.id, 'tasks.assigned', '送不出去');
    await deliverUntilSettled();
    const row = await ctx.handle.db.selectFrom('delivery').selectAll().where('webhookId', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeTruthy();
    expect((await p.get('/api/v1/notifications')).json().items[0].title).toBe('送不出去');
    const failed = (await admin.get('/api/v1/deliveries?status=failed')).json().items;
    expect(failed.some((d: { id: number }) => d.id === row.id)).toBe(true);
    // The deliveries list pages like every list: newest first, { items, nextCursor }.
    const all = (await admin.get('/api/v1/deliveries?limit=500')).json();
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const first = (await admin.get('/api/v1/deliveries?limit=1')).json();
    expect(first.items).toEqual([all.items[0]]);
    const second = (await admin.get(`/api/v1/deliveries?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toEqual([all.items[1]]);
    await admin.delete(`/api/v1/webhooks/${id}`);
  });

  it('refuses internal addresses after resolving them, URLs with credentials, and a receiver that turned internal', async () => {
    const strict = await createTestContext({ outboundAllow: [] });
    try {
      const admin = await strict.as(['admin']);
      for (const url of ['http://127.0.0.1/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://0x7f000001/x', 'http://2130706433/x', 'http://localhost:3000/x', 'http://[::ffff:127.0.0.1]/x', 'http://10.1.2.3/x', 'http://100.100.100.200/x', 'http://0.0.0.0/x']) {
        const res = await admin.post('/api/v1/webhooks', { name: 'x', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.details).toMatchObject({ field: 'url' });
      }
      const creds = await admin.post('/api/v1/webhooks', { name: 'x', url: 'https://user:pass@example.com/hook' });
      expect(creds.statusCode).toBe(400);
      expect(JSON.stringify(await strict.handle.db.selectFrom('auditLog').select('after').execute())).not.toContain('user:pass');
      // A hook saved while allowed, delivered when it is not: refused at the connection, reported without the detail.
      const [hook] = await strict.handle.db.insertInto('webhook').values({ name: '旧的', url: hookUrl, kinds: [], secret: 's', createdAt: new Date() }).returning('id').execute();
      const p = await strict.newPerson();
      await strict.handle.db.transaction().execute((trx) => strict.services.notify.queue(trx, [{ recipientId: p.id, kind: 'tasks.assigned', title: '内网', body: '' }]));
      const before = hookHits.length;
      for (let i = 0; i < 20; i++) {
        await strict.services.notify.deliverDue();
        const row = await strict.handle.db.selectFrom('delivery').selectAll().where('webhookId', '=', hook!.id).executeTakeFirstOrThrow();
        if (row.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 60));
      }
      const row = await strict.handle.db.selectFrom('delivery').selectAll().where('webhookId', '=', hook!.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('failed');
      expect(hookHits.length).toBe(before);
      expect(row.lastError).not.toMatch(/127\.0\.0\.1|ECONN|refused|HTTP \d/);
    } finally {
      await strict.close();
    }
  });

  it('puts a timestamp into the signed body', async () => {
    const admin = await ctx.as(['admin']);
    const { id } = (await admin.post('/api/v1/webhooks', { name: '时间戳', url: `${hookUrl}/ts`, kinds: ['tasks.closed'] })).json();
    hookScript = [];
    const p = await ctx.newPerson();
    await queue(p.id, 'tasks.closed', '带时间戳');
    await deliverUntilSettled();
    const hit = hookHits.find((h) => h.body.includes('带时间戳'))!;
    expect(JSON.parse(hit.body).sentAt).toBe(hit.timestamp);
    expect(Date.parse(hit.timestamp!)).toBeGreaterThan(0);
    await admin.delete(`/api/v1/webhooks/${id}`);
  });

  it('refuses webhook management to non-admins and non-http URLs', async () => {
    const supervisor = await ctx.as(['supervisor']);
    expect((await supervisor.post('/api/v1/webhooks', { name: 'x', url: hookUrl })).statusCode).toBe(403);
    const admin = await ctx.as(['admin']);
    expect((await admin.post('/api/v1/webhooks', { name: 'x', url: 'file:///etc/passwd' })).statusCode).toBe(400);
  });
});
