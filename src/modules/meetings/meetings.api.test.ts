import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';

/**
 * Planning meetings through the API: the checks of 精文减会 before the fact (409
 * MEETING_RULE_BLOCKED with the findings), the written reason and the supervisor's approval,
 * the check without saving, the list and the page. Runs on PGlite and, under test:pg, PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let deptA: Unit;
let deptB: Unit;
let dcs: Unit;
let other: Unit;
let headA: Client;
let staffA: Client;
let staffB: Client;
let staffOther: Client;
let supervisor: Client;
let supervisorInA: Client;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '会议县' });
  deptA = await ctx.newUnit({ parent: county, name: '应急管理局' });
  deptB = await ctx.newUnit({ parent: county, name: '教育局' });
  dcs = await ctx.newUnit({ parent: county, name: '县政府督查室' });
  other = await ctx.newUnit({ parent: county, name: '统计局' });
  headA = await ctx.as(['unit_head'], deptA);
  staffA = await ctx.as(['staff'], deptA);
  staffB = await ctx.as(['staff'], deptB);
  staffOther = await ctx.as(['staff'], other);
  supervisor = await ctx.as(['supervisor'], dcs);
  supervisorInA = await ctx.as(['supervisor'], deptA);
  admin = await ctx.as(['admin'], county);
});
afterAll(() => ctx.close());

let seq = 0;
/** A plan of `minutes` on a December day, by default 2 hours with a 30-minute main speech. */
function plan(o: Record<string, unknown> = {}) {
  const day = String(10 + (seq++ % 15)).padStart(2, '0');
  const minutes = (o.minutes as number | undefined) ?? 120;
  const startsAt = (o.startsAt as string | undefined) ?? `2026-12-${day}T09:00:00+08:00`;
  const endsAt = new Date(new Date(startsAt).getTime() + minutes * 60_000).toISOString();
  const { minutes: _m, ...rest } = o;
  return {
    // A title of its own (three rare characters): no merge suggestion between tests' meetings.
    title: `${[0, 1, 2].map((k) => String.fromCharCode(0x4e00 + ((seq * 131 + k * 7919) % 20000))).join('')}会议`,
    kind: 'topic',
    scope: 'internal',
    organizerUnitId: deptA.id,
    startsAt,
    endsAt,
    attendingUnitIds: [deptB.id],
    headcount: 40,
    agenda: [
      { speaker: '局长', role: 'main', minutes: 30, topic: '部署' },
      { speaker: '副局长', role: 'other', minutes: 10 },
    ],
    ...rest,
  };
}

describe('planning', () => {
  it('plans a meeting that breaks no rule: 201, planned, no findings', async () => {
    const res = await headA.post('/api/v1/meetings', plan({ title: '森林防火专题会议' }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ status: 'planned', findings: [], kind: 'topic', organizerUnit: { id: deptA.id, name: '应急管理局' }, attendingUnits: [{ id: deptB.id, name: '教育局' }], plannedMinutes: 120, agendaMinutes: 40, actualMinutes: null });
    expect(m.agenda).toHaveLength(2);
    expect(m.agenda[0]).toMatchObject({ speaker: '局长', role: 'main', minutes: 30, actualMinutes: null, overrun: 0 });
    expect(m.allowedActions).toEqual(expect.arrayContaining(['update', 'record_actual', 'edit_decisions', 'conclude', 'cancel']));
    expect(m.allowedActions).not.toContain('approve');
  });

  it('refuses an over-long meeting with 409 MEETING_RULE_BLOCKED and the findings', async () => {
    const res = await headA.post('/api/v1/meetings', plan({ minutes: 300 }));
    expect(res.statusCode).toBe(409);
    const e = res.json().error;
    expect(e.code).toBe('MEETING_RULE_BLOCKED');
    expect(e.details.findings).toEqual([expect.objectContaining({ rule: 'total_length', severity: 'block', limit: 240, actual: 300 })]);
    expect(e.details.findings[0].message).toMatch(/会议时长超限/);
  });

  it('warnings do not block: an over-long other speech', async () => {
    const res = await headA.post('/api/v1/meetings', plan({ agenda: [{ speaker: '甲', role: 'other', minutes: 12 }] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().findings).toEqual([expect.objectContaining({ rule: 'other_speech_length', severity: 'warn', item: 0 })]);
  });

  it('a too-short reason is a 400 on overrideReason', async () => {
    const res = await headA.post('/api/v1/meetings', plan({ minutes: 300, overrideReason: '很重要' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ field: 'overrideReason' });
  });

  it('the check answers the findings without saving', async () => {
    const before = await ctx.handle.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await headA.post('/api/v1/meetings/check', plan({ minutes: 300, agenda: [{ speaker: '甲', role: 'main', minutes: 70 }, { speaker: '乙', role: 'main', minutes: 20 }] }));
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('blocked');
    expect(res.json().findings.map((f: { rule: string }) => f.rule)).toEqual(['total_length', 'main_speech_length', 'main_speech_count']);
    const ok = await headA.post('/api/v1/meetings/check', plan({ minutes: 300, overrideReason: '全县防汛形势严峻，须一次性部署到乡镇和部门。' }));
    expect(ok.json().outcome).toBe('pending_approval');
    const after = await ctx.handle.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses to plan for a unit outside the planner’s scope (403) and a staff member (403)', async () => {
    expect((await headA.post('/api/v1/meetings', plan({ organizerUnitId: deptB.id }))).statusCode).toBe(403);
    expect((await staffA.post('/api/v1/meetings', plan())).statusCode).toBe(403);
  });

  it('refuses unknown units and speakers with 400', async () => {
    expect((await headA.post('/api/v1/meetings', plan({ organizerUnitId: 999_999 }))).json().error.details).toMatchObject({ field: 'organizerUnitId' });
    expect((await headA.post('/api/v1/meetings', plan({ attendingUnitIds: [999_999] }))).json().error.details).toMatchObject({ field: 'attendingUnitIds' });
    expect((await headA.post('/api/v1/meetings', plan({ agenda: [{ speakerId: 999_999, role: 'main', minutes: 10 }] }))).statusCode).toBe(400);
    const endsBefore = plan();
    expect((await headA.post('/api/v1/meetings', { ...endsBefore, endsAt: endsBefore.startsAt })).statusCode).toBe(400);
  });
});

describe('override with a written reason, then the supervisor decides', () => {
  const reason = '上级要求本周内全面部署冬季安全生产，须集中培训各乡镇人员，时间无法压缩。';

  it('waits for approval; the supervisors over the organiser are asked, not the organiser’s own', async () => {
    const res = await headA.post('/api/v1/meetings', plan({ minutes: 300, overrideReason: reason }));
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ status: 'pending_approval', overrideReason: reason, approval: null });
    expect(m.findings[0]).toMatchObject({ rule: 'total_length' });
    const asked = await ctx.handle.db.selectFrom('notification').select('recipientId').where('kind', '=', 'meetings.approval_requested').where('objectId', '=', String(m.id)).execute();
    expect(asked.map((n) => n.recipientId)).toContain(supervisor.person.id);
    expect(asked.map((n) => n.recipientId)).not.toContain(supervisorInA.person.id);
  });

  it('the organiser’s own supervisor and a unit head may not approve; a supervisor over it may', async () => {
    const m = (await headA.post('/api/v1/meetings', plan({ minutes: 300, overrideReason: reason }))).json();
    expect((await supervisorInA.post(`/api/v1/meetings/${m.id}/approve`, {})).statusCode).toBe(403);
    expect((await headA.post(`/api/v1/meetings/${m.id}/approve`, {})).statusCode).toBe(403);
    const res = await supervisor.post(`/api/v1/meetings/${m.id}/approve`, { comment: '同意，注意控制时间' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'planned', approval: { decidedBy: { id: supervisor.person.id }, comment: '同意，注意控制时间' } });
    // Once decided, not again.
    expect((await supervisor.post(`/api/v1/meetings/${m.id}/approve`, {})).statusCode).toBe(409);
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['action', 'actorId']).where('objectType', '=', 'meeting').where('objectId', '=', String(m.id)).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'meeting.approve']);
    expect(audit[1]!.actorId).toBe(supervisor.person.id);
    const told = await ctx.handle.db.selectFrom('notification').select('recipientId').where('kind', '=', 'meetings.approved').where('objectId', '=', String(m.id)).execute();
    expect(told.map((n) => n.recipientId)).toContain(headA.person.id);
  });

  it('a refusal needs a comment and ends the plan', async () => {
    const m = (await headA.post('/api/v1/meetings', plan({ minutes: 300, overrideReason: reason }))).json();
    expect((await supervisor.post(`/api/v1/meetings/${m.id}/refuse`, {})).statusCode).toBe(400);
    const res = await admin.post(`/api/v1/meetings/${m.id}/refuse`, { comment: '请压缩到半天以内' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', approval: { comment: '请压缩到半天以内' } });
    expect(res.json().allowedActions).toEqual([]);
  });
});

describe('counts over the year', () => {
  it('a second comprehensive meeting of the organiser this year is blocked', async () => {
    const first = await headA.post('/api/v1/meetings', plan({ kind: 'comprehensive', title: '全县应急管理综合工作会议', startsAt: '2026-03-02T09:00:00+08:00' }));
    expect(first.statusCode, first.body).toBe(201);
    const second = await headA.post('/api/v1/meetings', plan({ kind: 'comprehensive', title: '年中综合工作会议', startsAt: '2026-07-02T09:00:00+08:00' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.findings).toEqual([expect.objectContaining({ rule: 'comprehensive_quota', limit: 1, actual: 2 })]);
    // Next year is a new quota.
    expect((await headA.post('/api/v1/meetings', plan({ kind: 'comprehensive', title: '明年综合会', startsAt: '2027-03-02T09:00:00+08:00' }))).statusCode).toBe(201);
  });

  it('the region’s region-wide meetings may not pass last year’s count', async () => {
    const c2 = await ctx.newUnit({ kind: 'region', level: 'county', name: '减会县' });
    const d = await ctx.newUnit({ parent: c2, name: '减会局' });
    const head = await ctx.as(['unit_head'], d);
    const p = (startsAt: string, title: string) => plan({ organizerUnitId: d.id, attendingUnitIds: [], scope: 'region', startsAt, title });
    for (const [i, day] of ['2025-03-03', '2025-06-02'].entries()) expect((await head.post('/api/v1/meetings', p(`${day}T09:00:00+08:00`, `去年会议${'甲乙'[i]}`))).statusCode).toBe(201);
    expect((await head.post('/api/v1/meetings', p('2026-02-02T09:00:00+08:00', '今年一'))).statusCode).toBe(201);
    expect((await head.post('/api/v1/meetings', p('2026-04-02T09:00:00+08:00', '今年二'))).statusCode).toBe(201);
    const third = await head.post('/api/v1/meetings', p('2026-09-01T09:00:00+08:00', '今年三'));
    expect(third.statusCode).toBe(409);
    expect(third.json().error.details.findings).toEqual([expect.objectContaining({ rule: 'yearly_count', limit: 2, actual: 3 })]);
    // Internal meetings are not counted.
    expect((await head.post('/api/v1/meetings', { ...p('2026-09-01T09:00:00+08:00', '内部会'), scope: 'internal' })).statusCode).toBe(201);
  });

  it('suggests merging with a similar meeting of overlapping attendees within the window', async () => {
    const a = (await headA.post('/api/v1/meetings', plan({ title: '冬季道路交通安全隐患排查部署会', startsAt: '2026-12-14T09:00:00+08:00' }))).json();
    const res = await headA.post('/api/v1/meetings', plan({ title: '道路交通安全隐患排查推进会', startsAt: '2026-12-18T14:30:00+08:00' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().findings).toEqual([expect.objectContaining({ rule: 'merge', severity: 'warn', meetingId: a.id })]);
    expect(res.json().findings[0].suggestion).toContain('冬季道路交通安全隐患排查部署会');
  });
});

describe('list and page', () => {
  it('lists what the viewer may see: the organiser’s people and the attending units’ people, not others', async () => {
    const m = (await headA.post('/api/v1/meetings', plan({ title: '可见性测试会议' }))).json();
    const ids = async (c: Client) => (await c.get('/api/v1/meetings?q=可见性测试&limit=100')).json().items.map((i: { id: number }) => i.id);
    expect(await ids(staffA)).toContain(m.id);
    expect(await ids(staffB)).toContain(m.id);
    expect(await ids(supervisor)).toContain(m.id);
    expect(await ids(staffOther)).not.toContain(m.id);
    expect((await staffB.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await staffOther.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(403);
    expect((await staffOther.get('/api/v1/meetings/999999')).statusCode).toBe(404);
  });

  it('filters by unit, kind, status and year, and pages newest first', async () => {
    const res = await admin.get(`/api/v1/meetings?unitId=${deptA.id}&kind=comprehensive&year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { title: string }) => i.title)).toEqual(['全县应急管理综合工作会议']);
    expect((await admin.get(`/api/v1/meetings?status=refused&unitId=${deptA.id}`)).json().items.every((i: { status: string }) => i.status === 'refused')).toBe(true);
    const all: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: number; startsAt: string }[]; nextCursor: string | null } = (await admin.get(`/api/v1/meetings?unitId=${deptA.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(all).size).toBe(all.length);
    const full = (await admin.get(`/api/v1/meetings?unitId=${deptA.id}&limit=500`)).json().items.map((i: { id: number }) => i.id);
    expect(all).toEqual(full);
    expect((await admin.get('/api/v1/meetings?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('change and cancel', () => {
  it('re-checks a changed plan: longer now waits for approval again, with a reason; a stale version is a 409', async () => {
    const m = (await headA.post('/api/v1/meetings', plan({ title: '变更测试甲会议' }))).json();
    const { id, version } = m;
    const body = { ...plan({ title: '变更测试甲会议', minutes: 300 }), version };
    const blocked = await headA.put(`/api/v1/meetings/${id}`, body);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('MEETING_RULE_BLOCKED');
    const changed = await headA.put(`/api/v1/meetings/${id}`, { ...body, overrideReason: '议程调整后须增加现场观摩环节，确需延长会议时间。' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'pending_approval', plannedMinutes: 300, version: version + 1 });
    expect((await headA.put(`/api/v1/meetings/${id}`, body)).json().error.code).toBe('STALE_VERSION');
    // Back to a short plan: planned again, no approval needed.
    const back = await headA.put(`/api/v1/meetings/${id}`, { ...plan({ title: '变更测试甲会议' }), version: version + 1 });
    expect(back.json()).toMatchObject({ status: 'planned', findings: [] });
  });

  it('cancels a meeting not yet held, with the reason; a held one can neither change nor be cancelled', async () => {
    const m = (await headA.post('/api/v1/meetings', plan({ title: '取消测试乙会议' }))).json();
    const res = await headA.post(`/api/v1/meetings/${m.id}/cancel`, { reason: '改为书面部署' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '改为书面部署' });
    const h = (await headA.post('/api/v1/meetings', plan({ title: '已开测试丙会议' }))).json();
    await headA.post(`/api/v1/meetings/${h.id}/agenda/${h.agenda[0].id}/actual`, { minutes: 20 });
    expect((await headA.put(`/api/v1/meetings/${h.id}`, { ...plan({ title: '已开测试丙会议' }), version: h.version + 1 })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await headA.post(`/api/v1/meetings/${h.id}/cancel`, { reason: '取消' })).statusCode).toBe(409);
  });
});
