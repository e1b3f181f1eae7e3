import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import { seedModuleDemos } from '../src/server.ts';
import { verifyAudit } from '../src/platform/audit/audit.ts';
import { createTestContext, type TestContext } from './helpers/context.ts';

let ctx: TestContext;
let made: Record<string, Record<string, number>>;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
});
afterAll(() => ctx.close());

describe('the demo county', () => {
  // Seeding replays every module's demo through the real services: minutes on a busy machine.
  it('has ~300 people and a realistic spread of supervised work', { timeout: 480_000 }, async () => {
    const people = await seedDemo(ctx.services);
    expect(people.units).toBe(39);
    expect(people.people).toBeGreaterThanOrEqual(280);
    made = await seedModuleDemos(ctx.services);
    const work = made.tasks!;
    expect(work.tasks).toBe(40);
    expect(work.escalations).toBeGreaterThan(0);

    const login = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'duchashi', password: 'mashang-demo' } });
    const cookie = `mashang_sid=${login.cookies[0]!.value}`;
    const stats = (await ctx.inject({ method: 'GET', url: '/api/v1/tasks/stats', headers: { cookie } })).json();
    // The supervision demo's 40, the meetings' decisions concluded into tasks, the field findings turned into tasks and the citizens' requests assigned.
    expect(stats.totals.total).toBe(40 + made.meetings!.tasks! + made.research!.tasks! + made.public!.tasks!);
    for (const light of ['green', 'yellow', 'red', 'done']) expect(stats.totals.byLight[light], light).toBeGreaterThan(0);
    const red = (await ctx.inject({ method: 'GET', url: '/api/v1/tasks?light=red&limit=100', headers: { cookie } })).json().items;
    expect(red.some((t: { escalations: unknown[] }) => t.escalations.length > 0)).toBe(true);
    expect(stats.totals.byStatus.closed).toBeGreaterThan(0);
    // 协办: six tasks with co-units (ten parts), each overseen by a 分管领导 who did not assign it;
    // all parts but one signed for, the signed ones with their own progress reported.
    const parts = await ctx.handle.db.selectFrom('taskCoPart').select(['taskId', 'signedAt', 'reports', 'percent']).execute();
    expect(new Set(parts.map((p) => p.taskId)).size).toBe(6);
    expect(parts.length).toBe(10);
    expect(parts.filter((p) => p.signedAt !== null).length).toBe(9);
    expect(parts.filter((p) => p.reports > 0).length).toBeGreaterThanOrEqual(6);
    const overseen = await ctx.handle.db.selectFrom('task').select(['leaderId', 'assignerId']).where('id', 'in', [...new Set(parts.map((p) => p.taskId))]).execute();
    expect(overseen.every((t) => t.leaderId !== null && t.leaderId !== t.assignerId)).toBe(true);
    // The escalations are spread over the weeks they happened (the replay runs the ladder day by
    // day): rungs on their own working days in office hours, found by the scan of their own day.
    const rungs = await ctx.handle.db.selectFrom('taskEscalation').select(['taskId', 'at', 'firedAt']).execute();
    const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString();
    const week = (d: Date) => Math.floor((d.getTime() + 8 * 3600_000 + 3 * 86_400_000) / (7 * 86_400_000));
    expect(new Set(rungs.map((r) => week(r.at))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rungs.map((r) => local(r.firedAt).slice(0, 10))).size).toBeGreaterThanOrEqual(5);
    for (const r of rungs) expect(Number(local(r.at).slice(11, 13)), local(r.at)).toBeGreaterThanOrEqual(9);
    for (const r of rungs) expect(Number(local(r.at).slice(11, 13)), local(r.at)).toBeLessThan(18);
    const perTaskDay = rungs.map((r) => `${r.taskId} ${local(r.at).slice(0, 10)}`);
    expect(new Set(perTaskDay).size).toBe(perTaskDay.length);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('has a year of documents: issued with 文号, over the limit, formulaic, a repeat, explanations past last year’s count', async () => {
    const docs = made.documents!;
    expect(docs.documents).toBeGreaterThanOrEqual(30);
    expect(docs.issued).toBeGreaterThanOrEqual(20);
    for (const k of ['explained', 'overLimit', 'revise', 'repeats'] as const) expect(docs[k], k).toBeGreaterThan(0);
    const login = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'duchashi', password: 'mashang-demo' } });
    const cookie = `mashang_sid=${login.cookies[0]!.value}`;
    const stats = (await ctx.inject({ method: 'GET', url: '/api/v1/documents/stats', headers: { cookie } })).json();
    expect(stats.totals.issuedThisYear).toBeGreaterThan(0);
    expect(stats.totals.issuedLastYear).toBeGreaterThan(0);
    const issued = (await ctx.inject({ method: 'GET', url: '/api/v1/documents?status=issued&limit=100', headers: { cookie } })).json().items;
    expect(issued.every((d: { number: string | null }) => /〔\d{4}〕\d+号$/.test(d.number ?? ''))).toBe(true);
  });

  it('has citizens’ requests in every state and a month of window ratings', async () => {
    expect(made.public).toEqual({ requests: 28, tasks: 21, windowRatings: expect.any(Number) });
    expect(made.public!.windowRatings).toBeGreaterThan(50);
    const rows = await ctx.handle.db.selectFrom('citizenRequest').select('status').execute();
    const states = new Set(rows.map((r) => r.status));
    for (const st of ['submitted', 'assigned', 'answered', 'rated', 'reopened', 'rectified', 'called_back', 'declined', 'merged', 'forwarded']) expect(states.has(st as never), st).toBe(true);
    const ratings = await ctx.handle.db.selectFrom('citizenRating').select(['level', 'round']).execute();
    expect(ratings.some((r) => r.round === 1)).toBe(true);
    // Two answered more than 7 days ago without a rating count as 基本满意 in the public statistics.
    const s = await ctx.services.publicRequests.publicStats(undefined, Number(new Date(ctx.services.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4)));
    expect(s.units.reduce((n, u) => n + u.rated, 0)).toBeGreaterThanOrEqual(14);
  });

  it('has about two years of meetings: findings, overrides approved and refused, timed speeches, decisions concluded into tasks', async () => {
    const made = (await ctx.services.meetings.stats(await ctx.services.auth.actorFor((await ctx.handle.db.selectFrom('person').select('id').where('login', '=', 'duchashi').executeTakeFirstOrThrow()).id, 'session').then((a) => a!), {}));
    // 27 planned this year, one refused (not counted).
    expect(made.total).toEqual({ thisYear: 26, lastYear: 18 });
    expect(made.byKind.find((k) => k.kind === 'comprehensive')).toEqual({ kind: 'comprehensive', thisYear: 2, lastYear: 1 });
    expect(made.length.timedMeetings).toBeGreaterThan(20);
    expect(made.decisions.total).toBeGreaterThanOrEqual(30);
    expect(made.decisions.shareWithTask).toBe(1);
    expect(made.tasks.onTime).toBeGreaterThan(0);
    expect(made.tasks.late).toBeGreaterThan(0);
    const db = ctx.handle.db;
    const meetings = await db.selectFrom('meeting').select(['status', 'findings', 'decidedBy', 'overrideReason']).execute();
    const statuses = new Set(meetings.map((m) => m.status));
    for (const s of ['planned', 'pending_approval', 'held', 'concluded', 'refused']) expect(statuses.has(s as never), s).toBe(true);
    const rules = new Set(meetings.flatMap((m) => m.findings.map((f) => f.rule)));
    for (const r of ['total_length', 'other_speech_length', 'main_speech_count', 'comprehensive_quota', 'merge']) expect(rules.has(r as never), r).toBe(true);
    expect(meetings.filter((m) => m.overrideReason && m.decidedBy && m.status === 'concluded').length).toBe(2);
    const lights = (await db.selectFrom('meetingDecision').select('taskId').where('taskId', 'is not', null).execute()).map((d) => d.taskId!);
    const states = await ctx.services.tasks.states(lights);
    expect(new Set(states.map((s) => s.light.light)).size).toBeGreaterThanOrEqual(2);
    const overrun = await db.selectFrom('meetingAgendaItem').select('id').whereRef('actualMinutes', '>', 'minutes').execute();
    expect(overrun.length).toBeGreaterThan(0);
    expect((await db.selectFrom('notification').select('id').where('kind', '=', 'meetings.decision_done').execute()).length).toBeGreaterThan(0);
  });

  it('has a year of field work: 8–15 villages per township, a spread of quota attainment, showcase-heavy leaders, findings turned into tasks', async () => {
    const r = made.research!;
    expect(r.visits).toBeGreaterThan(300);
    expect(r.findings).toBeGreaterThan(50);
    expect(r.tasks).toBeGreaterThan(20);
    const db = ctx.handle.db;
    const villages = await db.selectFrom('researchPlace as p').innerJoin('unit as u', 'u.id', 'p.townshipId').select(['u.code', (eb) => eb.fn.countAll<number>().as('n')]).where('p.kind', '=', 'village').groupBy('u.code').execute();
    expect(villages).toHaveLength(10);
    for (const v of villages) expect(Number(v.n), v.code).toBeGreaterThanOrEqual(8);
    for (const v of villages) expect(Number(v.n), v.code).toBeLessThanOrEqual(15);
    const sup = (await ctx.services.auth.actorFor((await db.selectFrom('person').select('id').where('login', '=', 'duchashi').executeTakeFirstOrThrow()).id, 'session'))!;
    const annual = await ctx.services.research.annual(sup, {});
    const leaders = annual.rows.filter((x) => x.person.rank === 'county');
    expect(leaders).toHaveLength(6);
    const ratios = leaders.map((x) => x.quota.days / Math.max(1, x.quota.expectedByNow));
    expect(Math.max(...ratios)).toBeGreaterThan(1);
    expect(Math.min(...ratios)).toBeLessThan(0.8);
    expect(leaders.some((x) => x.quota.behind)).toBe(true);
    expect(leaders.some((x) => x.quota.rankSince !== null && x.quota.target < 90)).toBe(true);
    const stats = await ctx.services.research.stats(sup, {});
    expect(stats.villages).toBeGreaterThanOrEqual(80);
    expect(stats.leaders.filter((l) => l.showcaseHeavy).length).toBeGreaterThanOrEqual(2);
    expect(stats.county.unannouncedShare).toBeGreaterThan(0);
    expect(stats.county.taskShare).toBeGreaterThan(0.3);
  });

  it('has accountability records in every state and drafts from the escalation rungs', async () => {
    expect(made.accountability).toEqual({ drafted: expect.any(Number), records: 4 });
    const rows = await ctx.handle.db.selectFrom('accountabilityRecord').select(['status', 'origin', 'kind']).execute();
    const states = new Set(rows.map((r) => r.status));
    for (const st of ['draft', 'issued', 'explained', 'closed'] as const) expect(states.has(st), st).toBe(true);
    expect(rows.filter((r) => r.origin === 'escalation').length).toBe(made.accountability!.drafted);
    const login = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'jyj.head', password: 'mashang-demo' } });
    const cookie = `mashang_sid=${login.cookies[0]!.value}`;
    const seen = (await ctx.inject({ method: 'GET', url: '/api/v1/accountability', headers: { cookie } })).json().items;
    expect(seen.map((r: { kind: string; allowedActions?: string[] }) => r.kind)).toContain('reminder');
  });

  it('has issued weekly and monthly reports with 文号, a 通报 draft and a submitted summary', async () => {
    expect(made.reports).toEqual({ issued: 2, drafts: 1, summaries: 1 });
    const rows = await ctx.handle.db.selectFrom('report').select(['kind', 'status', 'number']).orderBy('id').execute();
    expect(rows.filter((r) => r.status === 'issued').map((r) => r.number)).toEqual(['督周〔2026〕1号', '督调〔2026〕1号']);
    expect(rows.some((r) => r.kind === 'notice' && r.status === 'draft')).toBe(true);
  });

  it('has a computed scoreboard (比学赶超) of its townships and departments, and model cases', async () => {
    const sb = made.scoreboard!;
    // 6 finished months + this one, 2 quarters + this one, last year + this one.
    expect(sb).toEqual({ periods: 12, scores: expect.any(Number), cases: 4 });
    const db = ctx.handle.db;
    const sup = (await ctx.services.auth.actorFor((await db.selectFrom('person').select('id').where('login', '=', 'duchashi').executeTakeFirstOrThrow()).id, 'session'))!;
    const board = await ctx.services.scoreboard.board(sup, { period: '2026-11', peer: 'township' });
    expect(board.closed).toBe(true);
    expect(board.items).toHaveLength(10);
    const scored = board.items.filter((i) => i.score !== null);
    expect(scored.length).toBeGreaterThanOrEqual(5);
    expect(new Set(scored.map((i) => i.score)).size).toBeGreaterThan(1);
    expect(board.red.length).toBeGreaterThan(0);
    const depts = await ctx.services.scoreboard.board(sup, { period: '2026-Q4', peer: 'department' });
    expect(depts.items.filter((i) => i.score !== null).length).toBeGreaterThan(3);
    const top = scored[0]!;
    const drill = await ctx.services.scoreboard.unitScore(sup, top.unitId, '2026-11');
    expect(drill.components.filter((c) => c.score !== null).length).toBeGreaterThan(1);
    const cases = await ctx.services.scoreboard.listCases(sup, {}, { limit: 10 });
    expect(cases.map((c) => c.status).sort()).toEqual(['nominated', 'rejected', 'selected', 'selected']);
  });

  it('is deterministic: a second database gets the same people and the same work', { timeout: 480_000 }, async () => {
    const other = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
    try {
      await seedDemo(other.services);
      await seedModuleDemos(other.services);
      const snapshot = async (c: TestContext) => ({
        people: await c.handle.db.selectFrom('person').select(['login', 'name', 'rank', 'roles']).orderBy('id').execute(),
        tasks: await c.handle.db.selectFrom('task').select(['title', 'status', 'deadline', 'leadUnitId', 'escalationRung']).orderBy('id').execute(),
        documents: await c.handle.db.selectFrom('document').select(['title', 'body', 'status', 'verdict', 'number', 'unitId', 'explanation']).orderBy('id').execute(),
        meetings: await c.handle.db.selectFrom('meeting').select(['title', 'status', 'startsAt', 'findings']).orderBy('id').execute(),
        actuals: await c.handle.db.selectFrom('meetingAgendaItem').select(['meetingId', 'minutes', 'actualMinutes']).orderBy('id').execute(),
        places: await c.handle.db.selectFrom('researchPlace').select(['name', 'kind', 'tags', 'townshipId']).orderBy('id').execute(),
        visits: await c.handle.db.selectFrom('fieldVisit').select(['startDate', 'endDate', 'halfDay', 'kind', 'unannounced', 'purpose']).orderBy('id').execute(),
        records: await c.handle.db.selectFrom('accountabilityRecord').select(['kind', 'status', 'title', 'targetUnitId']).orderBy('id').execute(),
        reports: await c.handle.db.selectFrom('report').select(['kind', 'status', 'number', 'periodKey']).orderBy('id').execute(),
      });
      expect(await snapshot(other)).toEqual(await snapshot(ctx));
    } finally {
      await other.close();
    }
  });
});
