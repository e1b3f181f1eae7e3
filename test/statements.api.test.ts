import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementRecorder } from '../bench/shared.ts';
import { createTestContext, type Client, type TestContext } from './helpers/context.ts';

/**
 * How many statements the hot requests send to the database (BENCHMARKS.md: a write's cost is
 * mostly its round trips). A count, not a time: it only changes when the code does. A new
 * statement on one of these paths must be a decision, made here with its reason, not a surprise
 * found by the next benchmark round (the notification channels once added four to every write).
 */
describe('statements per request', () => {
  let ctx: TestContext;
  let supervisor: Client;
  let head: Client;
  let headUnit: number;
  let recorder: ReturnType<typeof statementRecorder>;

  beforeAll(async () => {
    ctx = await createTestContext();
    recorder = statementRecorder(ctx.handle.pglite);
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    supervisor = await ctx.as(['supervisor'], county);
    const dept = await ctx.newUnit({ parent: county });
    headUnit = dept.id;
    head = await ctx.as(['unit_head'], dept);
  });
  afterAll(() => ctx.close());

  /** The statements one request sends (its session already cached by an earlier request). */
  async function statementsOf(request: () => Promise<{ statusCode: number; body: string }>) {
    await ctx.services.notify.idle(); // an earlier request's deliveries, sent in the background
    recorder.start();
    const res = await request();
    const out = recorder.stop();
    expect(res.statusCode, res.body).toBeLessThan(300);
    return out.map((s) => s.text.replace(/\s+/g, ' ').trim().toLowerCase());
  }

  it('a task page is one statement; sign and progress are begin, the locked task, the write, the audit entry with the inbox, commit', async () => {
    // The sessions cached, as on every request but a user's first.
    await head.get('/api/v1/auth/me');
    await supervisor.get('/api/v1/auth/me');
    // A first write fills the node's caches (calendar, policy, routing), as the first write after a start does.
    await supervisor.post('/api/v1/tasks', { title: '预热', level: 'normal', leadUnitId: headUnit, deadline: '2026-12-31' });
    let createdBody = '';
    const created = await statementsOf(async () => {
      const res = await supervisor.post('/api/v1/tasks', { title: '语句计数', level: 'normal', leadUnitId: headUnit, deadline: '2026-12-31' });
      createdBody = res.body;
      return res;
    });
    // begin, lead unit with its heads, task + event, audit entry with the inbox, commit; the page
    // is answered from what was written, not read back.
    expect(created[0]).toBe('begin');
    expect(created.at(-1)).toBe('commit');
    expect(created, created.join('\n')).toHaveLength(5);
    // The inbox entries (and their webhook deliveries) ride on the audit entry's statement (issue #21).
    const inboxAndAudit = (s: string) => s.includes('insert into notification') && s.includes('insert into audit_log') && s.includes('insert into delivery');
    expect(created.filter(inboxAndAudit)).toHaveLength(1);
    expect(created.filter((s) => s.includes('notification'))).toHaveLength(1);
    const task = JSON.parse(createdBody) as { id: number; version: number };
    expect(task.version).toBe(1);
    // …and it is the page as read.
    expect(JSON.parse(createdBody)).toEqual((await supervisor.get(`/api/v1/tasks/${task.id}`)).json());

    expect(await statementsOf(() => supervisor.get(`/api/v1/tasks/${task.id}`))).toHaveLength(1);

    const sign = await statementsOf(() => head.post(`/api/v1/tasks/${task.id}/sign`, { version: task.version }));
    expect(sign, sign.join('\n')).toHaveLength(5);
    expect(sign[0]).toBe('begin');
    expect(sign[1]).toContain('for update');
    expect(inboxAndAudit(sign[3]!)).toBe(true);
    expect(sign.at(-1)).toBe('commit');

    const progress = await statementsOf(() => head.post(`/api/v1/tasks/${task.id}/progress`, { version: task.version + 1, percent: 30, text: '推进中' }));
    expect(progress, progress.join('\n')).toHaveLength(5);
    expect(inboxAndAudit(progress[3]!)).toBe(true);
  });

  it('a robot this node adds is routed to at once; with robots, a write also reads who gets what', async () => {
    const add = await supervisor.post('/api/v1/channels/robots', { unitId: headUnit, name: '单位群', provider: 'wecom', url: 'http://127.0.0.1:9/wecom?key=k' });
    expect(add.statusCode, add.body).toBe(201);
    let task = { id: 0, version: 0 };
    const created = await statementsOf(async () => {
      const res = await supervisor.post('/api/v1/tasks', { title: '有群机器人', level: 'normal', leadUnitId: headUnit, deadline: '2026-12-31' });
      task = res.json<{ id: number; version: number }>();
      return res;
    });
    // The robots read again (the cache forgot them when the robot was added) and the head's group told.
    expect(created.some((s) => s.includes('from "channel_robot"'))).toBe(true);
    const robotDeliveries = await ctx.handle.db.selectFrom('delivery as d').innerJoin('notification as n', 'n.id', 'd.notificationId').select('d.id').where('d.channel', '=', 'robot').where('n.objectId', '=', String(task.id)).execute();
    expect(robotDeliveries).toHaveLength(1);
    const sign = await statementsOf(() => head.post(`/api/v1/tasks/${task.id}/sign`, { version: task.version }));
    // Routed: the inbox entries go in a statement of their own (their ids are routed), then the
    // recipients' channel settings; the robots come from the cache.
    expect(sign, sign.join('\n')).toHaveLength(7);
    expect(sign.some((s) => s.includes('channel_setting'))).toBe(true);
    expect(sign.some((s) => s.includes('from "channel_robot"'))).toBe(false);
  });
});
