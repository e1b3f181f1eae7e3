import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';

/**
 * What a meeting leaves behind: the speech timer's actual minutes (planned vs actual), the
 * minute (会议纪要) as DOCX read back with mammoth, and the statistics. Runs on PGlite and, under
 * test:pg, PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let deptA: Unit;
let deptB: Unit;
let headA: Client;
let staffA: Client;
let staffB: Client;
let responsible: { id: number; login: string };

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '纪要县' });
  deptA = await ctx.newUnit({ parent: county, name: '发展和改革局' });
  deptB = await ctx.newUnit({ parent: county, name: '财政局' });
  headA = await ctx.as(['unit_head'], deptA);
  staffA = await ctx.as(['staff'], deptA);
  staffB = await ctx.as(['staff'], deptB);
  responsible = await ctx.newPerson({ unit: deptA, roles: ['staff'], name: '赵主任' });
});
afterAll(() => ctx.close());

let seq = 0;
async function meeting(o: Record<string, unknown> = {}) {
  seq++;
  const res = await headA.post('/api/v1/meetings', {
    title: `重点项目${String.fromCharCode(0x4e00 + seq * 313)}${String.fromCharCode(0x4e00 + seq * 617)}推进会议`,
    kind: 'topic',
    organizerUnitId: deptA.id,
    startsAt: '2026-12-03T09:00:00+08:00',
    endsAt: '2026-12-03T11:00:00+08:00',
    place: '县政府二号会议室',
    chair: '周副县长',
    attendingUnitIds: [deptB.id],
    headcount: 35,
    agenda: [
      { speaker: '周副县长', role: 'main', minutes: 30, topic: '项目调度' },
      { speakerId: responsible.id, role: 'other', minutes: 10 },
    ],
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('speech timer', () => {
  it('records actual minutes; the first one marks the meeting held; planned vs actual on the page', async () => {
    const m = await meeting();
    const [main, other] = m.agenda;
    expect(other.speaker).toBe('赵主任');
    const res = await staffA.post(`/api/v1/meetings/${m.id}/agenda/${main.id}/actual`, { minutes: 35 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ itemId: main.id, actualMinutes: 35, plannedMinutes: 30, status: 'held' });
    const timed = await staffA.post(`/api/v1/meetings/${m.id}/agenda/${other.id}/actual`, { startedAt: '2026-12-03T09:40:00+08:00', endedAt: '2026-12-03T09:48:30+08:00' });
    expect(timed.json().actualMinutes).toBe(9);
    const page = (await staffB.get(`/api/v1/meetings/${m.id}`)).json();
    expect(page.status).toBe('held');
    expect(page.agenda.map((a: { minutes: number; actualMinutes: number; overrun: number }) => [a.minutes, a.actualMinutes, a.overrun])).toEqual([
      [30, 35, 5],
      [10, 9, 0],
    ]);
    expect(page.actualMinutes).toBe(44);
    expect(page.agenda[1].startedAt).toBe('2026-12-03T01:40:00.000Z');
    // Held: the plan stands, the decisions go on.
    expect(page.allowedActions).toEqual([]);
    expect((await headA.get(`/api/v1/meetings/${m.id}`)).json().allowedActions).toEqual(['record_actual', 'edit_decisions', 'conclude']);
  });

  it('refuses people outside the organiser, unknown items, an end before the start, and no measure', async () => {
    const m = await meeting();
    const item = m.agenda[0].id;
    expect((await staffB.post(`/api/v1/meetings/${m.id}/agenda/${item}/actual`, { minutes: 5 })).statusCode).toBe(403);
    expect((await staffA.post(`/api/v1/meetings/${m.id}/agenda/999999/actual`, { minutes: 5 })).json().error.code).toBe('AGENDA_ITEM_NOT_FOUND');
    const other = await meeting();
    expect((await staffA.post(`/api/v1/meetings/${m.id}/agenda/${other.agenda[0].id}/actual`, { minutes: 5 })).statusCode).toBe(404);
    expect((await staffA.post(`/api/v1/meetings/${m.id}/agenda/${item}/actual`, { startedAt: '2026-12-03T09:40:00+08:00', endedAt: '2026-12-03T09:30:00+08:00' })).statusCode).toBe(400);
    expect((await staffA.post(`/api/v1/meetings/${m.id}/agenda/${item}/actual`, {})).statusCode).toBe(400);
    expect((await staffA.post(`/api/v1/meetings/${m.id}/agenda/${item}/actual`, { minutes: -1 })).statusCode).toBe(400);
  });
});

describe('会议纪要 (DOCX)', () => {
  it('opens as a valid DOCX holding the meeting’s data and every decision with lead unit, responsible person and deadline', async () => {
    const m = await meeting({ title: '全县“十五五”重点项目/推进会议' });
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, { text: '完成城东产业园项目前期手续', leadUnitId: deptA.id, responsibleId: responsible.id, deadline: '2026-12-31', level: 'key' });
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, { text: '梳理年度专项债券项目清单', leadUnitId: deptA.id, responsibleId: responsible.id, deadline: { workdays: 10 } });
    const before = await headA.get(`/api/v1/meetings/${m.id}/minutes.docx`);
    expect(before.statusCode).toBe(200);
    expect((await mammoth.extractRawText({ buffer: before.rawPayload })).value).toContain('会后 10 个工作日内');
    expect((await headA.post(`/api/v1/meetings/${m.id}/conclude`)).statusCode).toBe(200);

    const res = await staffB.get(`/api/v1/meetings/${m.id}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('全县“十五五”重点项目推进会议纪要.docx')}`);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    for (const s of [
      '全县“十五五”重点项目/推进会议纪要',
      '会议时间：2026年12月3日 09:00—11:00',
      '会议地点：县政府二号会议室',
      '主办单位：发展和改革局',
      '主 持 人：周副县长',
      '参会单位：财政局',
      '会议议定事项',
      '一、完成城东产业园项目前期手续',
      '二、梳理年度专项债券项目清单',
      '牵头单位：发展和改革局',
      '责任人：赵主任',
      '完成时限：2026年12月31日',
      // The working days became the task's date at the conclusion.
      '完成时限：2026年12月15日',
    ]) {
      expect(text, s).toContain(s);
    }
    await expect((await ctx.as(['staff'], await ctx.newUnit({ parent: county, name: '无关局' }))).get(`/api/v1/meetings/${m.id}/minutes.docx`).then((r) => r.statusCode)).resolves.toBe(403);
  });
});

describe('statistics', () => {
  it('by kind this year vs last, length planned vs actual, decisions with tasks, tasks on time', async () => {
    const c = await ctx.newUnit({ kind: 'region', level: 'county', name: '统计县' });
    const d = await ctx.newUnit({ parent: c, name: '统计局' });
    const head = await ctx.as(['unit_head'], d);
    const person = await ctx.newPerson({ unit: d, roles: ['staff'] });
    let n = 0;
    const plan = async (kind: string, day: string, minutes = 120) => {
      n++;
      const res = await head.post('/api/v1/meetings', {
        title: `统计${String.fromCharCode(0x5000 + n * 37)}${String.fromCharCode(0x6000 + n * 41)}`,
        kind,
        organizerUnitId: d.id,
        startsAt: `${day}T09:00:00+08:00`,
        endsAt: new Date(new Date(`${day}T09:00:00+08:00`).getTime() + minutes * 60_000).toISOString(),
        attendingUnitIds: [],
        headcount: 10,
        agenda: [{ speaker: '局长', role: 'main', minutes: 40 }, { speaker: '科长', role: 'other', minutes: 10 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await plan('topic', '2025-04-01');
    await plan('topic', '2025-05-01');
    const a = await plan('topic', '2026-06-01', 90);
    const b = await plan('standing', '2026-11-20', 150);
    const cancelled = await plan('video', '2026-11-25');
    await head.post(`/api/v1/meetings/${cancelled.id}/cancel`, { reason: '改为书面传达' });
    await head.post(`/api/v1/meetings/${a.id}/agenda/${a.agenda[0].id}/actual`, { minutes: 50 });
    await head.post(`/api/v1/meetings/${a.id}/agenda/${a.agenda[1].id}/actual`, { minutes: 10 });
    await head.post(`/api/v1/meetings/${b.id}/agenda/${b.agenda[0].id}/actual`, { minutes: 30 });
    for (const text of ['一', '二']) await head.post(`/api/v1/meetings/${a.id}/decisions`, { text: `事项${text}`, leadUnitId: d.id, responsibleId: person.id, deadline: '2026-12-10' });
    await head.post(`/api/v1/meetings/${b.id}/decisions`, { text: '尚未办结的会议的事项' });
    expect((await head.post(`/api/v1/meetings/${a.id}/conclude`)).statusCode).toBe(200);
    // One task done on time.
    const [t1] = await ctx.handle.db.selectFrom('task').select(['id']).where('sourceKind', '=', 'meeting').where('sourceId', '=', a.id).orderBy('id').execute();
    const s = ctx.services;
    let t = await s.tasks.sign(ctx.system(), await ctx.actorOf(head.person), t1!.id, 1);
    t = await s.tasks.submit(ctx.system(), await ctx.actorOf(person), t1!.id, t.version, { text: '完成' }, { done: 'd', result: 'r', lessons: 'l' });

    const res = await head.get(`/api/v1/meetings/stats?unitId=${c.id}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const st = res.json();
    expect(st.unit).toEqual({ id: c.id, name: '统计县' });
    expect(st.total).toEqual({ thisYear: 2, lastYear: 2 });
    expect(st.byKind).toEqual([
      { kind: 'comprehensive', thisYear: 0, lastYear: 0 },
      { kind: 'standing', thisYear: 1, lastYear: 0 },
      { kind: 'topic', thisYear: 1, lastYear: 2 },
      { kind: 'department', thisYear: 0, lastYear: 0 },
      { kind: 'video', thisYear: 0, lastYear: 0 },
    ]);
    expect(st.length).toEqual({ meetings: 2, averageSlotMinutes: 120, timedMeetings: 2, averagePlannedMinutes: 45, averageActualMinutes: 45 });
    expect(st.decisions).toEqual({ total: 3, withTask: 2, shareWithTask: 0.667 });
    // Submitted, not yet verified: still pending.
    expect(st.tasks).toEqual({ total: 2, onTime: 0, late: 0, pending: 2, shareOnTime: null });
    await s.tasks.verify(ctx.system(), await ctx.actorOf(head.person), t1!.id, t.version);
    expect((await head.get(`/api/v1/meetings/stats?unitId=${c.id}&year=2026`)).json().tasks).toEqual({ total: 2, onTime: 1, late: 0, pending: 1, shareOnTime: 1 });
    // Another county's people see none of it; a unit out of sight is refused.
    const stranger = await ctx.as(['leader'], county);
    expect((await stranger.get(`/api/v1/meetings/stats?unitId=${c.id}`)).statusCode).toBe(403);
    expect((await stranger.get('/api/v1/meetings/stats')).json().unit.id).toBe(county.id);
  });
});
