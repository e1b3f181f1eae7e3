import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { statementRecorder } from '../../../bench/shared.ts';
import { appendAuditWith, verifyAudit } from './audit.ts';

/**
 * Writes riding on the audit entry's statement (issue #21): the inbox entries of a write and
 * their webhook deliveries are written in the statement that appends the entry, all or nothing.
 */
describe('audit riders: the inbox in the audit entry’s statement', () => {
  let ctx: TestContext;
  let recipient: number;
  let recorder: ReturnType<typeof statementRecorder>;

  beforeAll(async () => {
    ctx = await createTestContext();
    recorder = statementRecorder(ctx.handle.pglite);
    recipient = (await ctx.newPerson()).id;
    // A webhook far from anything that answers: deliveries are queued, their sending does not matter here.
    await ctx.handle.db.insertInto('webhook').values({ name: 'riders', url: 'http://127.0.0.1:9/hook', secret: 's', kinds: ['riders.*'], createdAt: ctx.clock.now() }).execute();
  });
  afterAll(() => ctx.close());

  const note = (kind: string, objectId: number) => ({ recipientId: recipient, kind, title: `标题 ${objectId}`, body: '正文 "quoted" \\ 反斜杠', objectType: 'rider_test', objectId });
  const inbox = (objectId: number) =>
    ctx.handle.db.selectFrom('notification as n').leftJoin('delivery as d', 'd.notificationId', 'n.id').select(['n.kind', 'n.title', 'n.body', 'd.channel']).where('n.objectType', '=', 'rider_test').where('n.objectId', '=', String(objectId)).orderBy('n.id').execute();
  const entries = (objectId: number) => ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'rider_test').where('objectId', '=', String(objectId)).execute();

  it('one entry: the inbox and its webhook deliveries are written by the entry’s one statement', async () => {
    const { notify } = ctx.services;
    recorder.start();
    await ctx.handle.db.transaction().execute(async (trx) => {
      const riders = await notify.queueWith(trx, [note('riders.one', 1), note('other.kind', 1), note('riders.one', 1)]);
      expect(riders).toHaveLength(1);
      await appendAuditWith(trx, ctx.system(), riders, { action: 'rider.one', objectType: 'rider_test', objectId: 1 });
    });
    const sent = recorder.stop().map((s) => s.text.toLowerCase());
    expect(sent.filter((s) => s.includes('notification'))).toHaveLength(1);
    expect(sent.find((s) => s.includes('notification'))).toContain('insert into audit_log');
    // The duplicate left out; the webhook takes riders.* only.
    expect(await inbox(1)).toEqual([
      { kind: 'riders.one', title: '标题 1', body: '正文 "quoted" \\ 反斜杠', channel: 'webhook' },
      { kind: 'other.kind', title: '标题 1', body: '正文 "quoted" \\ 反斜杠', channel: null },
    ]);
    expect(await entries(1)).toEqual([{ action: 'rider.one' }]);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('a write that fails after its riders leaves neither inbox nor entry', async () => {
    await expect(
      ctx.handle.db.transaction().execute(async (trx) => {
        const riders = await ctx.services.notify.queueWith(trx, [note('riders.two', 2)]);
        await appendAuditWith(trx, ctx.system(), riders, { action: 'rider.two', objectType: 'rider_test', objectId: 2 });
        throw new Error('later failure');
      }),
    ).rejects.toThrow('later failure');
    expect(await inbox(2)).toEqual([]);
    expect(await entries(2)).toEqual([]);
  });

  it('a rider that fails fails the entry with it', async () => {
    await expect(
      ctx.handle.db.transaction().execute(async (trx) => {
        const riders = await ctx.services.notify.queueWith(trx, [{ ...note('riders.three', 3), recipientId: 999_999 }]);
        await appendAuditWith(trx, ctx.system(), riders, { action: 'rider.three', objectType: 'rider_test', objectId: 3 });
      }),
    ).rejects.toThrow();
    expect(await entries(3)).toEqual([]);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('no entry or several: the riders are written by themselves, before the entries', async () => {
    await ctx.handle.db.transaction().execute(async (trx) => {
      await appendAuditWith(trx, ctx.system(), await ctx.services.notify.queueWith(trx, [note('riders.four', 4)]));
      await appendAuditWith(
        trx,
        ctx.system(),
        await ctx.services.notify.queueWith(trx, [note('riders.five', 5)]),
        { action: 'rider.five', objectType: 'rider_test', objectId: 5 },
        { action: 'rider.five.again', objectType: 'rider_test', objectId: 5 },
      );
    });
    expect(await inbox(4)).toEqual([{ kind: 'riders.four', title: '标题 4', body: '正文 "quoted" \\ 反斜杠', channel: 'webhook' }]);
    expect(await inbox(5)).toHaveLength(1);
    expect(await entries(5)).toHaveLength(2);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('nothing to queue: no rider', async () => {
    await ctx.handle.db.transaction().execute(async (trx) => expect(await ctx.services.notify.queueWith(trx, [])).toEqual([]));
  });
});
