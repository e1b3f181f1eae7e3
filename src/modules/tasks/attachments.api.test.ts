import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { actThenRead } from '../../../test/helpers/tasks.ts';
import type { Unit } from '../../platform/db/schema.ts';

let ctx: TestContext;
let dept: Unit;
let leader: Client;
let head: Client;
let outsider: Client;
let taskId: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
  const county = await ctx.newUnit({ kind: 'region', level: 'county' });
  dept = await ctx.newUnit({ parent: county });
  const other = await ctx.newUnit({ parent: county });
  leader = await ctx.as(['leader'], await ctx.newUnit({ parent: county }));
  head = await ctx.as(['unit_head'], dept);
  outsider = await ctx.as(['unit_head'], other);
  taskId = (await ctx.newTask({ by: leader.person, title: '附件测试', level: 'normal', leadUnitId: dept.id, deadline: '2026-12-01' })).id;
  await head.post(`/api/v1/tasks/${taskId}/sign`, { version: 1 });
});
afterAll(() => ctx.close());

const upload = (c: Client, body: Buffer, name: string, type = 'application/octet-stream') =>
  ctx.inject({ method: 'POST', url: `/api/v1/tasks/${taskId}/attachments`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, payload: body });

describe('attachments', () => {
  it('judges the type by the bytes, not the name, and links uploads to a progress report', async () => {
    const res = await upload(head, PNG, '现场照片.pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '现场照片.pdf.png', contentType: 'image/png', size: PNG.length });
    const pdf = (await upload(head, PDF, '验收单.pdf')).json();
    expect(pdf.contentType).toBe('application/pdf');
    const t = await actThenRead(head, taskId, 'progress', { version: 2, percent: 50, text: '见附件', attachmentIds: [res.json().id, pdf.id] });
    expect(t.attachments.map((a: { eventId: number | null }) => a.eventId !== null)).toEqual([true, true]);
    expect(t.timeline.at(-1).data.attachmentIds).toEqual([res.json().id, pdf.id]);
    const dl = await ctx.inject({ method: 'GET', url: `/api/v1/tasks/${taskId}/attachments/${pdf.id}`, headers: { cookie: head.cookie } });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    // Used once: it cannot be cited again.
    expect((await head.post(`/api/v1/tasks/${taskId}/progress`, { version: 3, percent: 60, text: '再引用', attachmentIds: [pdf.id] })).statusCode).toBe(400);
  });

  it('refuses an attachment or a milestone listed twice with 400 naming the field, and writes nothing', async () => {
    const pdf = (await upload(head, PDF, '两次.pdf')).json();
    const before = await ctx.handle.db.selectFrom('taskEvent').select((e) => e.fn.countAll().as('n')).where('taskId', '=', taskId).executeTakeFirstOrThrow();
    const version = (await head.get(`/api/v1/tasks/${taskId}`)).json().version;
    const cases: [string, Record<string, unknown>, string][] = [
      ['progress', { version, percent: 70, text: '见附件', attachmentIds: [pdf.id, pdf.id] }, 'body.attachmentIds'],
      ['progress', { version, percent: 70, text: '节点完成', milestoneIds: [1, 1] }, 'body.milestoneIds'],
      ['attach', { version, attachmentIds: [pdf.id, pdf.id] }, 'body.attachmentIds'],
    ];
    for (const [action, body, path] of cases) {
      const res = await head.post(`/api/v1/tasks/${taskId}/${action}`, body);
      expect(res.statusCode, `${action} ${path}`).toBe(400);
      expect(res.json().error.details).toEqual([{ path, message: expect.stringContaining('重复') }]);
    }
    const after = await ctx.handle.db.selectFrom('taskEvent').select((e) => e.fn.countAll().as('n')).where('taskId', '=', taskId).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Listed once, it is taken.
    expect((await head.post(`/api/v1/tasks/${taskId}/attach`, { version, attachmentIds: [pdf.id] })).statusCode).toBe(200);
  });

  it('refuses executables, HTML and empty files with 415, whatever they are called', async () => {
    expect((await upload(head, Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), '报告.pdf')).statusCode).toBe(415);
    expect((await upload(head, Buffer.from('<html><script>alert(1)</script></html>'), '说明.txt')).statusCode).toBe(415);
    expect((await upload(head, Buffer.alloc(0), 'empty.txt')).statusCode).toBe(415);
  });

  it('takes 20 MB and refuses more with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 - PDF.length, 0x20)]);
    expect((await upload(head, big, 'big.pdf')).statusCode).toBe(201);
    const tooBig = Buffer.concat([big, Buffer.alloc(1024, 0x20)]);
    const res = await upload(head, tooBig, 'too-big.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps the module’s other routes at the 1 MiB limit for raw bodies, and raw bodies out of other modules', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024);
    const sign = await ctx.inject({ method: 'POST', url: `/api/v1/tasks/${taskId}/sign`, headers: { cookie: head.cookie, 'x-csrf-token': head.csrfToken, 'content-type': 'application/octet-stream' }, payload: big });
    expect(sign.statusCode).toBe(413);
    const login = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/octet-stream' }, payload: big });
    expect(login.statusCode).toBe(415);
  });

  it('refuses people outside the task, and a missing file name', async () => {
    expect((await upload(outsider, PDF, 'x.pdf')).statusCode).toBe(403);
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/tasks/${taskId}/attachments`, headers: { cookie: head.cookie, 'x-csrf-token': head.csrfToken, 'content-type': 'application/octet-stream' }, payload: PDF });
    expect(res.statusCode).toBe(400);
  });
});
