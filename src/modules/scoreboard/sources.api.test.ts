import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';

/**
 * The components read from the meetings, documents and research modules (through their services):
 * meeting and document compliance with the year-on-year reduction, the leaders' field days against
 * their quota, findings resolved; the drill-down lists the meetings, documents, visits and findings
 * behind each with the web app's links; a unit without such records stays "no data"; a past
 * period's progress component is not read from today's state. PGlite and PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let t1: Unit;
let t2: Unit;
let supervisor: Client;
const ids: Record<string, number> = {};

async function meeting(unit: Unit, startsAt: string, blocked: boolean, by: number) {
  const at = new Date(`${startsAt}T09:00:00+08:00`);
  const r = await ctx.handle.db
    .insertInto('meeting')
    .values({
      title: `会议 ${startsAt}`,
      kind: 'topic',
      scope: 'internal',
      organizerUnitId: unit.id,
      regionId: unit.id,
      year: at.getFullYear(),
      startsAt: at,
      endsAt: new Date(at.getTime() + 3600_000),
      headcount: 10,
      status: 'held',
      findings: JSON.stringify(blocked ? [{ rule: 'total_length', severity: 'block', message: '超时' }] : []),
      overrideReason: blocked ? '因工作需要必须延长会议时间说明理由' : null,
      plannedBy: by,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function document(unit: Unit, issuedOn: string, verdict: 'pass' | 'over_limit', by: number) {
  const at = new Date(`${issuedOn}T10:00:00+08:00`);
  const r = await ctx.handle.db
    .insertInto('document')
    .values({ title: `文件 ${issuedOn}`, unitId: unit.id, kind: 'document', status: 'issued', body: '正文', characters: 2, authorId: by, year: Number(issuedOn.slice(0, 4)), verdict, number: null, issuedAt: at, issuedBy: by, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function visit(personIds: number[], start: string, end: string, by: number, findings: { taskId: number | null }[] = []) {
  const at = new Date(`${start}T09:00:00+08:00`);
  const v = await ctx.handle.db
    .insertInto('fieldVisit')
    .values({ startDate: start, endDate: end, kind: 'survey', purpose: `调研 ${start}`, createdBy: by, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.handle.db.insertInto('fieldVisitPerson').values(personIds.map((personId) => ({ visitId: v.id, personId }))).execute();
  for (const [i, f] of findings.entries()) {
    await ctx.handle.db.insertInto('fieldFinding').values({ visitId: v.id, position: i + 1, problem: `问题 ${i + 1}`, severity: 'medium', taskId: f.taskId, createdAt: at }).execute();
  }
  return v.id;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-10T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '会文县' });
  t1 = await ctx.newUnit({ parent: county, kind: 'region', name: '东镇' });
  t2 = await ctx.newUnit({ parent: county, kind: 'region', name: '西镇' });
  supervisor = await ctx.as(['supervisor'], county);
  const by = supervisor.person.id;
  // 东镇: October 2026 three meetings (one over the rules), October 2025 two; documents 2 issued (1 passes), 2025: 4.
  ids.m1 = await meeting(t1, '2026-10-09', false, by);
  ids.m2 = await meeting(t1, '2026-10-15', true, by);
  ids.m3 = await meeting(t1, '2026-10-20', false, by);
  await meeting(t1, '2025-10-10', false, by);
  await meeting(t1, '2025-10-12', false, by);
  ids.d1 = await document(t1, '2026-10-10', 'pass', by);
  ids.d2 = await document(t1, '2026-10-11', 'over_limit', by);
  for (const day of ['2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06']) await document(t1, day, 'pass', by);
  // 东镇's leader (township rank: 90 days a year) went out 10 days in October (expected 90 × 31 / 365 = 7.6): 100.
  // 西镇's leader 2 days: 2 / 7.6.
  const lead1 = await ctx.newPerson({ unit: t1, rank: 'township', name: '东镇镇长' });
  const lead2 = await ctx.newPerson({ unit: t2, rank: 'township', name: '西镇镇长' });
  const done = await ctx.newTask({ leadUnit: t1, deadline: '2026-12-31' });
  await ctx.handle.db.updateTable('task').set({ status: 'verified', verifiedAt: new Date('2026-10-25T12:00:00+08:00') }).where('id', '=', done.id).execute();
  const open = await ctx.newTask({ leadUnit: t1, deadline: '2026-12-31' });
  ids.v1 = await visit([lead1.id], '2026-10-12', '2026-10-21', by, [{ taskId: done.id }, { taskId: open.id }, { taskId: null }]);
  ids.v2 = await visit([lead2.id], '2026-10-05', '2026-10-06', by);
  ids.doneTask = done.id;
  expect((await supervisor.post('/api/v1/scoreboard/recompute', { periods: ['2026-10'] })).statusCode).toBe(200);
});
afterAll(() => ctx?.close());

const component = async (unit: Unit, key: string) => {
  const r = await supervisor.get(`/api/v1/scoreboard/units/${unit.id}?period=2026-10`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ components: { key: string; score: number | null; explanation: string; facts: Record<string, number> }[] }>().components.find((c) => c.key === key)!;
};

describe('components from the meetings, documents and research modules', () => {
  it('meetings: compliance (2 of 3) and the year-on-year count (3 against an allowance of 2)', async () => {
    const c = await component(t1, 'meetings');
    expect(c.facts).toMatchObject({ count: 3, compliant: 2, lastYear: 2 });
    // compliance 66.7; last year 2 less the default reduction (0%) → 2 allowed, 3 held: 100 × 2 / 3 = 66.7
    expect(c.score).toBe(66.7);
    expect(c.explanation).toContain('超出');
    expect(c.explanation).toContain('同比');
  });

  it('documents: issued in the period, those passing the check, against last year', async () => {
    const c = await component(t1, 'documents');
    expect(c.facts).toMatchObject({ count: 2, compliant: 1, lastYear: 4 });
    expect(c.score).toBe(75); // (50 + 100) / 2: 2 within the allowance of 4
  });

  it('field days: each leader against what the quota expects of October', async () => {
    expect((await component(t1, 'field_days')).score).toBe(100);
    const west = await component(t2, 'field_days');
    expect(west.facts).toMatchObject({ leaders: 1, days: 2, expected: 7.6 });
    expect(west.score).toBe(26.3);
  });

  it('findings: resolved when their task was 办结 by the period’s last day', async () => {
    const c = await component(t1, 'findings');
    expect(c.facts).toMatchObject({ found: 3, resolved: 1 });
    expect(c.score).toBe(33.3);
  });

  it('a unit without meetings, documents or findings has no data there, never 0', async () => {
    for (const key of ['meetings', 'documents', 'findings']) {
      const c = await component(t2, key);
      expect(c.score, key).toBeNull();
      expect(c.explanation, key).toContain('无数据');
    }
  });

  it('drills each component down to the records with their links', async () => {
    const list = async (key: string) => {
      const r = await supervisor.get(`/api/v1/scoreboard/units/${t1.id}/components/${key}?period=2026-10`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ records: string; items: { kind: string; id: number; good: boolean; link: string }[]; nextCursor: string | null }>();
    };
    const m = await list('meetings');
    expect(m.items.map((i) => [i.id, i.good, i.link])).toEqual([
      [ids.m1, true, `/meetings/${ids.m1}`],
      [ids.m2, false, `/meetings/${ids.m2}`],
      [ids.m3, true, `/meetings/${ids.m3}`],
    ]);
    const d = await list('documents');
    expect(d.items.map((i) => [i.id, i.good, i.link])).toEqual([
      [ids.d1, true, `/documents/${ids.d1}`],
      [ids.d2, false, `/documents/${ids.d2}`],
    ]);
    const v = await list('field_days');
    expect(v.items.map((i) => [i.kind, i.id, i.link])).toEqual([['visit', ids.v1, '/field-work']]);
    const f = await list('findings');
    expect(f.items.map((i) => [i.kind, i.good])).toEqual([
      ['finding', true],
      ['finding', false],
      ['finding', false],
    ]);
    expect(f.items[0]!.link).toBe(`/tasks/${ids.doneTask}`);
    // pages by id
    const page = await supervisor.get(`/api/v1/scoreboard/units/${t1.id}/components/meetings?period=2026-10&limit=2`);
    const body = page.json<{ items: { id: number }[]; nextCursor: string }>();
    expect(body.items).toHaveLength(2);
    const next = await supervisor.get(`/api/v1/scoreboard/units/${t1.id}/components/meetings?period=2026-10&limit=2&cursor=${encodeURIComponent(body.nextCursor)}`);
    expect(next.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toEqual([ids.m3]);
  });

  it('a past period computed only after it ended has no data for progress, and lists no tasks for it', async () => {
    const c = await component(t1, 'progress');
    expect(c.score).toBeNull();
    expect(c.explanation).toContain('无数据');
    const r = await supervisor.get(`/api/v1/scoreboard/units/${t1.id}/components/progress?period=2026-10`);
    expect(r.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
