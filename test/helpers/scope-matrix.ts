import { Document, Packer, Paragraph } from 'docx';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEFAULT_PHRASES } from '../../src/modules/documents/phrases.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/platform/db/schema.ts';
import { writeWorkbook } from '../../src/platform/xlsx.ts';
import { createTestContext, TEST_PASSWORD, type Client, type TestContext } from './context.ts';

/**
 * The scope half of the authorization matrix: every API route × every kind of caller × where the
 * object lives — the caller's own township (T1), a sibling township (T2), the parent county (C),
 * another county (X) — × owner or not. Callers sit in T1. The expectations come from one
 * declaration below (RULES); a route missing from it fails the first test.
 *
 * CI's longest API file when it was one (≈ 4,700 requests, 4–13 minutes): the routes are dealt
 * to `of` files (test/scope-matrix-*.api.test.ts), each on its own database, so the test workers
 * share them. Part 0 also checks that every route has a rule and runs the assignment matrix.
 */
type Who = 'admin' | 'supervisor' | 'leader' | 'unit_head' | 'staff' | 'owner';
type Place = 'own' | 'sibling' | 'parent' | 'other';
type Outcome = 'allow' | 'forbid' | 'hidden';
const WHO: Who[] = ['admin', 'supervisor', 'leader', 'unit_head', 'staff', 'owner'];
const PLACES: Place[] = ['own', 'sibling', 'parent', 'other'];

let ctx: TestContext;
const units = {} as Record<Place, Unit>;
const callers = {} as Record<Who, Client>;
let god: Client;

type TaskState = 'assigned' | 'signed' | 'submitted' | 'verified' | 'returned' | 'pending_extension';

interface Case {
  who: Who;
  place: Place;
}
interface Rule {
  /** Builds the request for this case (may create the object it needs). */
  request: (c: Case) => InjectOptions | Promise<InjectOptions>;
  expect: (c: Case) => Outcome;
}

const ROLE_OF: Record<Who, string> = { admin: 'admin', supervisor: 'supervisor', leader: 'leader', unit_head: 'unit_head', staff: 'staff', owner: 'staff' };
const visibleOrg = (c: Case): Outcome => (c.who === 'admin' || c.place === 'own' || c.place === 'parent' ? 'allow' : 'forbid');
const everyone = (): Outcome => 'allow';
const onlyRoles = (...roles: string[]) => (c: Case): Outcome => (roles.includes(ROLE_OF[c.who]) ? 'allow' : 'forbid');
const adminAnywhere = (c: Case): Outcome => (c.who === 'admin' ? 'allow' : 'forbid');
const taskVisible = (c: Case) => c.who === 'admin' || c.place === 'own';
/** Task actions: out of sight → 403; in sight → who the rules name. Assigner is `god`; the overseeing leader is T1's leader; the owner is the responsible person. */
const taskAction = (allowed: Who[]) => (c: Case): Outcome => (!taskVisible(c) ? 'forbid' : allowed.includes(c.who) && (c.place === 'own' || c.who === 'admin') ? 'allow' : 'forbid');

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const post = (url: string, payload: unknown = {}): InjectOptions => ({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
const byPlace = (f: (u: Unit) => InjectOptions) => (c: Case) => f(units[c.place]);

let seq = 0;
async function personAt(place: Place) {
  return ctx.newPerson({ unit: units[place], roles: ['staff'], login: `m${++seq}x${process.pid}` });
}

/** A task led by the unit at `place`, in `state`, assigned by god, overseen by T1's leader, the owner responsible when in T1. */
async function taskAt(place: Place, state: TaskState): Promise<{ id: number; version: number; extensionId?: number }> {
  const body: Record<string, unknown> = { title: `矩阵 ${++seq}`, level: 'normal', leadUnitId: units[place].id, deadline: '2026-12-31' };
  if (place === 'own') {
    body.responsibleId = callers.owner.person.id;
    body.leaderId = callers.leader.person.id;
  }
  const t = (await god.post('/api/v1/tasks', body)).json<{ id: number; version: number }>();
  const db = ctx.handle.db;
  const set: Record<string, unknown> = {};
  if (state !== 'assigned') set.status = state === 'pending_extension' ? 'signed' : state;
  if (state === 'submitted' || state === 'verified') set.summary = JSON.stringify({ done: 'd', result: 'r', lessons: 'l' });
  let extensionId: number | undefined;
  if (state === 'pending_extension') {
    set.pendingExtension = true;
    extensionId = (
      await db
        .insertInto('taskExtension')
        .values({ taskId: t.id, requestedBy: god.person.id, reason: 'r', currentDeadline: '2026-12-31', newDeadline: '2027-01-29', status: 'pending', createdAt: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (Object.keys(set).length) await db.updateTable('task').set(set as never).where('id', '=', t.id).execute();
  return { id: t.id, version: t.version, ...(extensionId ? { extensionId } : {}) };
}

const taskRoute = (state: TaskState, path: string, payload: (v: number) => unknown) => async (c: Case) => {
  const t = await taskAt(c.place, state);
  return post(`/api/v1/tasks/${t.id}/${path.replace(':eid', String(t.extensionId))}`, payload(t.version));
};

/** A document of the unit at `place`, drafted by god (checked when asked). */
async function documentAt(place: Place, checked = false): Promise<{ id: number; version: number }> {
  let d = (await god.post('/api/v1/documents', { title: `矩阵发文 ${++seq}`, unitId: units[place].id, kind: 'brief', body: '县交通局12月完成排查。' })).json<{ id: number; version: number }>();
  if (checked) d = (await god.post(`/api/v1/documents/${d.id}/check`, { version: d.version })).json<{ id: number; version: number }>();
  return d;
}
/** Documents: in sight for admins and in the caller's own township; there, everyone may draft and change. */
const documentOwn = (c: Case): Outcome => (c.who === 'admin' || c.place === 'own' ? 'allow' : 'forbid');

// Meetings: organised by a department under the unit at `place` (会务科), attended by that unit
// itself, planned by god. Who sees one: the organiser's scope, the attending unit's people (and
// those of the units under it: T1's people see a meeting the county attends), god.
const meetingOrg = {} as Record<Place, Unit>;
const meetingStaff = {} as Record<Place, { id: number }>;
async function meetingOrgAt(place: Place): Promise<Unit> {
  if (!meetingOrg[place]) {
    meetingOrg[place] = await ctx.newUnit({ parent: units[place], name: '会务科' });
    meetingStaff[place] = await ctx.newPerson({ unit: meetingOrg[place], roles: ['staff'] });
  }
  return meetingOrg[place];
}
let meetingSeq = 0;
async function meetingPlan(place: Place, o: Record<string, unknown> = {}) {
  meetingSeq += 1;
  return {
    title: `矩阵${String.fromCharCode(0x4e00 + meetingSeq * 53)}${String.fromCharCode(0x4e00 + meetingSeq * 97)}会议`,
    kind: 'topic',
    scope: 'internal',
    organizerUnitId: (await meetingOrgAt(place)).id,
    startsAt: '2026-12-10T09:00:00+08:00',
    endsAt: '2026-12-10T10:00:00+08:00',
    attendingUnitIds: [units[place].id],
    headcount: 10,
    agenda: [{ speaker: '甲', role: 'main', minutes: 20 }],
    ...o,
  };
}
type MeetingState = 'planned' | 'pending' | 'decided';
/** A meeting at `place` in `state` (pending: overridden, waiting for approval; decided: with one complete decision). */
async function meetingAt(place: Place, state: MeetingState): Promise<{ id: number; version: number; decisionId?: number; itemId: number }> {
  const body = await meetingPlan(place, state === 'pending' ? { endsAt: '2026-12-10T15:00:00+08:00', overrideReason: '矩阵测试：确需全天召开，理由已书面说明。' } : {});
  const res = await god.post('/api/v1/meetings', body);
  if (res.statusCode !== 201) throw new Error(`meeting: ${res.statusCode} ${res.body}`);
  const m = res.json<{ id: number; version: number; agenda: { id: number }[] }>();
  let decisionId: number | undefined;
  if (state === 'decided') {
    const d = await god.post(`/api/v1/meetings/${m.id}/decisions`, { text: '矩阵议定事项', leadUnitId: meetingOrg[place].id, responsibleId: meetingStaff[place].id, deadline: '2026-12-31' });
    decisionId = d.json<{ id: number }>().id;
  }
  return { id: m.id, version: m.version, itemId: m.agenda[0]!.id, ...(decisionId ? { decisionId } : {}) };
}
const meetingVisible = (c: Case): Outcome => (c.who === 'admin' || c.place === 'own' || c.place === 'parent' ? 'allow' : 'forbid');
/** Plan, change, conclude: who may plan for the organiser (admin anywhere; supervisor, leader, unit head over T1). */
const meetingManage = (c: Case): Outcome => (c.who === 'admin' || (c.place === 'own' && ['supervisor', 'leader', 'unit_head'].includes(c.who)) ? 'allow' : 'forbid');
/** Approve or refuse: a supervisor over the organiser (T1's, for T1's meetings), or an admin. */
const meetingApprove = (c: Case): Outcome => (c.who === 'admin' || (c.place === 'own' && c.who === 'supervisor') ? 'allow' : 'forbid');
const meetingRoute = (state: MeetingState, build: (m: Awaited<ReturnType<typeof meetingAt>>, place: Place) => InjectOptions | Promise<InjectOptions>) => async (c: Case) => build(await meetingAt(c.place, state), c.place);

// 一线工作法: a township at each place (T1, T2, a township of the county other than T1, one of the
// other county), a place in it, a staff member of the unit at `place` whose visits are logged by god.
const fieldTown = {} as Record<Place, Unit>;
const fieldPlace = {} as Record<Place, number>;
const fieldPerson = {} as Record<Place, { id: number }>;
async function fieldAt(place: Place) {
  if (!fieldTown[place]) {
    fieldTown[place] = place === 'own' || place === 'sibling' ? units[place] : await ctx.newUnit({ parent: units[place], kind: 'region', name: '矩阵乡' });
    fieldPlace[place] = (await god.post('/api/v1/field-visits/places', { townshipId: fieldTown[place].id, name: `矩阵村${++seq}`, kind: 'village' })).json<{ id: number }>().id;
    fieldPerson[place] = await ctx.newPerson({ unit: units[place], roles: ['staff'], rank: 'township' });
  }
  return { town: fieldTown[place], placeId: fieldPlace[place], person: fieldPerson[place] };
}
/** A visit of the staff member at `place`, logged by god, with one finding. */
async function visitAt(place: Place): Promise<{ id: number; findingId: number }> {
  const f = await fieldAt(place);
  const res = await god.post('/api/v1/field-visits', { personIds: [f.person.id], startDate: '2026-10-12', endDate: '2026-10-12', kind: 'survey', purpose: '矩阵调研', findings: [{ problem: '矩阵发现' }] });
  if (res.statusCode !== 201) throw new Error(`visit: ${res.statusCode} ${res.body}`);
  const v = res.json<{ id: number; findings: { id: number }[] }>();
  return { id: v.id, findingId: v.findings[0]!.id };
}
const OVERSEER: Who[] = ['supervisor', 'leader', 'unit_head'];
/** Places are kept by the supervisors of the region (T1's, for T1) and admins. */
const placeKeeper = (c: Case): Outcome => (c.who === 'admin' || (c.who === 'supervisor' && c.place === 'own') ? 'allow' : 'forbid');
/** A visit, a person's quota: admins; who oversees the person (T1's supervisor, leader and unit head for T1's people). */
const fieldOversee = (c: Case): Outcome => (c.who === 'admin' || (OVERSEER.includes(c.who) && c.place === 'own') ? 'allow' : 'forbid');
/** Tables and statistics of a unit: who oversees it; a region's supervisor and leader also ask above it (answered within their region). */
const fieldStats = (c: Case): Outcome =>
  c.who === 'admin' || (OVERSEER.includes(c.who) && c.place === 'own') || (['supervisor', 'leader'].includes(c.who) && c.place === 'parent') ? 'allow' : 'forbid';

// 问责 and 报告: records and reports on the unit at `place`, made through the services by a
// supervisor over it (the county's for T1, T2 and the county; the other county's for X).
const placeSupervisor = {} as Record<'county' | 'other', Awaited<ReturnType<TestContext['actorOf']>>>;
async function supervisorOver(place: Place) {
  const key = place === 'other' ? 'other' : 'county';
  if (!placeSupervisor[key]) placeSupervisor[key] = await ctx.actorOf(await ctx.newPerson({ unit: key === 'other' ? units.other : units.parent, roles: ['supervisor'] }));
  return placeSupervisor[key];
}
type RecordState = 'draft' | 'issued';
async function recordAt(place: Place, state: RecordState): Promise<{ id: number; version: number }> {
  const sup = await supervisorOver(place);
  let r = await ctx.services.accountability.create(ctx.system(), sup, { kind: 'talk', targetUnitId: units[place].id, title: `矩阵问责 ${++seq}`, reason: '矩阵事由' });
  if (state === 'issued') r = await ctx.services.accountability.issue(ctx.system(), sup, r.id, r.version);
  return { id: r.id, version: r.version };
}
const recordRoute = (state: RecordState, build: (r: { id: number; version: number }) => InjectOptions) => async (c: Case) => build(await recordAt(c.place, state));
/** Create, edit, issue, close: a supervisor whose region covers the target (T1's supervisor, for T1). Admins read but do not act. */
const recordManage = (c: Case): Outcome => (c.who === 'supervisor' && c.place === 'own' ? 'allow' : 'forbid');
async function reportAt(place: Place, state: 'draft' | 'issued'): Promise<{ id: number; version: number }> {
  const sup = await supervisorOver(place);
  const r = await ctx.services.reports.generate(ctx.system(), sup, { kind: 'notice', unitId: units[place].id, period: '2026-10' });
  if (state === 'issued') await ctx.services.reports.issue(ctx.system(), sup, r.id, r.version);
  return { id: r.id, version: state === 'issued' ? r.version + 1 : r.version };
}
const reportRoute = (state: 'draft' | 'issued', build: (r: { id: number; version: number }) => InjectOptions) => async (c: Case) => build(await reportAt(c.place, state));
/** An issued report is read in its unit's subtree and by whoever's scope covers it (T1's people read the county's). */
// Out of sight, a record's, a report's or a summary's id answers as an unknown one (404, no existence oracle).
const reportVisible = (c: Case): Outcome => (c.who === 'admin' || c.place === 'own' || c.place === 'parent' ? 'allow' : 'hidden');
/** An issued record on the unit at `place` is seen by admins and by the supervisors, leaders and unit heads over it. */
const recordSeen = (c: Case): boolean => c.who === 'admin' || (c.place === 'own' && ['supervisor', 'leader', 'unit_head'].includes(c.who));
/** Supervisors' routes on a record or report: other roles are refused at the door (403); a supervisor not over it gets the unknown id's 404. */
const draftManage = (c: Case): Outcome => (c.who !== 'supervisor' ? 'forbid' : c.place === 'own' ? 'allow' : 'hidden');
let summaryMonth = 0;
/** A personal summary: the owner's own (any place), else a staff member's at `place`, submitted for reading. */
async function summaryAt(c: Case, submitted: boolean): Promise<{ id: number; version: number }> {
  const author = c.who === 'owner' ? await ctx.actorOf(callers.owner.person) : await ctx.actorOf(await ctx.newPerson({ unit: units[c.place], roles: ['staff'] }));
  summaryMonth += 1;
  const period = `${2000 + Math.floor(summaryMonth / 12)}-${String((summaryMonth % 12) + 1).padStart(2, '0')}`;
  const { summary } = await ctx.services.reports.openSummary(ctx.system(), author, period);
  if (submitted) await ctx.services.reports.submitSummary(ctx.system(), author, summary.id, summary.version);
  return { id: summary.id, version: submitted ? summary.version + 1 : summary.version };
}
// Citizens' requests: submitted anonymously to the region at `place` (its desk: a supervisor over
// it), assigned by god to that region's own unit (the owner responsible when in T1). Who sees one:
// admins, the supervisors and leaders over its region, the people whose scope covers its unit.
type RequestState = 'submitted' | 'assigned' | 'answered' | 'reopened' | 'rectified';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e5b9f70000000049454e44ae426082', 'hex');
async function requestAt(place: Place, state: RequestState, o: { type?: string; photo?: boolean } = {}): Promise<{ id: number; code: string; version: number; photoId?: number }> {
  const res = await ctx.inject({ method: 'POST', url: '/api/v1/public/requests', payload: { type: o.type ?? 'complaint', category: 'roads', description: `矩阵诉求第${++seq}件：路面坑洼`, jurisdictionId: units[place].id, contactPhone: '13812341234' } });
  if (res.statusCode !== 201) throw new Error(`request: ${res.statusCode} ${res.body}`);
  const code = res.json<{ code: string }>().code;
  const db = ctx.handle.db;
  const id = (await db.selectFrom('citizenRequest').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  let photoId: number | undefined;
  if (o.photo) photoId = (await ctx.inject({ method: 'POST', url: `/api/v1/public/requests/${code}/photos`, headers: { 'content-type': 'image/png', 'x-file-name': 'p.png' }, payload: PNG })).json<{ id: number }>().id;
  if (state !== 'submitted') {
    const body: Record<string, unknown> = { version: 1, unitId: units[place].id, ...(place === 'own' ? { responsibleId: callers.owner.person.id } : {}) };
    const a = await god.post(`/api/v1/citizen-requests/${id}/assign`, body);
    if (a.statusCode !== 200) throw new Error(`assign: ${a.statusCode} ${a.body}`);
    const now = new Date(ctx.clock.now());
    if (state === 'answered') await db.updateTable('citizenRequest').set({ status: 'answered', answeredAt: now, ratingOpenedAt: now }).where('id', '=', id).execute();
    if (state === 'reopened') await db.updateTable('citizenRequest').set({ status: 'reopened', answeredAt: now, round: 1 }).where('id', '=', id).execute();
    if (state === 'rectified') await db.updateTable('citizenRequest').set({ status: 'rectified', answeredAt: now, round: 1, rectifiedAt: now }).where('id', '=', id).execute();
  }
  const { version } = await db.selectFrom('citizenRequest').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, code, version, ...(photoId ? { photoId } : {}) };
}
const requestRoute = (state: RequestState, build: (r: Awaited<ReturnType<typeof requestAt>>, place: Place) => InjectOptions | Promise<InjectOptions>, o: { type?: string; photo?: boolean } = {}) => async (c: Case) =>
  build(await requestAt(c.place, state, o), c.place);
const requestVisible = (c: Case): Outcome => (c.who === 'admin' || c.place === 'own' ? 'allow' : 'forbid');
/** The desk: an admin anywhere, a supervisor over the request's region (T1's). */
const deskAction = (c: Case): Outcome => (c.who === 'admin' || (c.who === 'supervisor' && c.place === 'own') ? 'allow' : 'forbid');
/** The unit: an admin, its head, the task's responsible person (the owner, in T1). */
const unitAction = (allowed: Who[]) => (c: Case): Outcome => (c.who === 'admin' || (c.place === 'own' && allowed.includes(c.who)) ? 'allow' : 'forbid');
async function windowAt(place: Place) {
  return (await god.post('/api/v1/service-windows', { unitId: units[place].id, name: `矩阵窗口${++seq}` })).json<{ id: number; code: string }>();
}
let open311Key: string | undefined;
async function clientKey(): Promise<string> {
  open311Key ??= (await god.post('/api/v1/open311-clients', { name: '矩阵客户端' })).json<{ key: string }>().key;
  return open311Key;
}

// 比学赶超: October computed once (closed: the clock is in November). Callers sit in T1, a
// township: its row exists; the county (parent) and the other county are not ranked.
let scoreboardReady: Promise<unknown> | undefined;
const scored = () => (scoreboardReady ??= god.post('/api/v1/scoreboard/recompute', { periods: ['2026-10'] }));
const scorePerson = {} as Record<Place, { id: number }>;
async function scorePersonAt(place: Place) {
  scorePerson[place] ??= await ctx.newPerson({ unit: units[place], roles: ['staff'] });
  return scorePerson[place];
}
async function caseAt(place: Place): Promise<{ id: number; version: number }> {
  const res = await god.post('/api/v1/scoreboard/cases', { title: `矩阵典型${++seq}`, summary: '做法', body: '正文', unitId: units[place].id });
  if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number; version: number }>();
}
const BOARD_READERS: Who[] = ['admin', 'supervisor', 'leader', 'unit_head'];
/** A unit's score in full: admins; T1's overseers for T1 only (the county and another county are not in T1's sight). */
const scoreOwn = (c: Case): Outcome => (c.who === 'admin' || (BOARD_READERS.includes(c.who) && c.place === 'own') ? 'allow' : 'forbid');
/** A case: admins, the supervisors over its unit (T1's); anyone else does not learn it exists until selected. */
const caseKeeper = (c: Case): Outcome => (c.who === 'admin' || (c.who === 'supervisor' && c.place === 'own') ? 'allow' : c.who === 'supervisor' ? 'hidden' : 'forbid');
/** A group robot of the unit at `place`, made by god. */
async function robotAt(place: Place): Promise<number> {
  return (await god.post('/api/v1/channels/robots', { unitId: units[place].id, name: '矩阵群', provider: 'wecom', url: 'http://127.0.0.1:9/robot?key=k' })).json<{ id: number }>().id;
}
const robotKeeper = (c: Case): Outcome => (c.who === 'admin' || (c.who === 'supervisor' && c.place === 'own') ? 'allow' : 'forbid');

const RULES: Record<string, Rule> = {
  'GET /api/health': { request: () => get('/api/health'), expect: everyone },
  'POST /api/v1/auth/login': { request: (c) => post('/api/v1/auth/login', { login: callers[c.who].person.login, password: TEST_PASSWORD }), expect: everyone },
  'POST /api/v1/auth/logout': { request: () => ({ method: 'POST', url: '/api/v1/auth/logout', headers: { 'x-skip': '1' } }), expect: everyone },
  'GET /api/v1/auth/me': { request: () => get('/api/v1/auth/me'), expect: everyone },
  // The right current password and a too-weak new one: reaches the policy check (400), changes nothing.
  'POST /api/v1/auth/password': { request: () => post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'weak' }), expect: everyone },
  'GET /api/v1/auth/tokens': { request: () => get('/api/v1/auth/tokens'), expect: everyone },
  'POST /api/v1/auth/tokens': { request: () => post('/api/v1/auth/tokens', { name: 'matrix' }), expect: everyone },
  'DELETE /api/v1/auth/tokens/:id': {
    // Owner: the caller's own token; not owner: somebody else's, which is hidden.
    request: async (c) => {
      const mine = c.who === 'owner';
      const holder = mine ? callers.owner : god;
      const { id } = (await holder.post('/api/v1/auth/tokens', { name: 'matrix' })).json<{ id: number }>();
      return { method: 'DELETE', url: `/api/v1/auth/tokens/${id}` };
    },
    expect: (c) => (c.who === 'owner' ? 'allow' : 'hidden'),
  },
  'GET /api/v1/units': { request: byPlace((u) => get(`/api/v1/units?under=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/units/:id': { request: byPlace((u) => get(`/api/v1/units/${u.id}`)), expect: visibleOrg },
  'POST /api/v1/units': { request: byPlace((u) => post('/api/v1/units', { parentId: u.id, code: `mx${++seq}`, name: '矩阵科', kind: 'department' })), expect: adminAnywhere },
  'PATCH /api/v1/units/:id': { request: byPlace((u) => ({ method: 'PATCH', url: `/api/v1/units/${u.id}`, payload: { sortOrder: 5 } })), expect: adminAnywhere },
  'DELETE /api/v1/units/:id': { request: byPlace((u) => ({ method: 'DELETE', url: `/api/v1/units/${u.id}` })), expect: adminAnywhere },
  'GET /api/v1/people': { request: byPlace((u) => get(`/api/v1/people?under=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/people/:id': { request: async (c) => get(`/api/v1/people/${(await personAt(c.place)).id}`), expect: visibleOrg },
  'POST /api/v1/people': { request: byPlace((u) => post('/api/v1/people', { unitId: u.id, name: '新人', login: `mxp${++seq}`, rank: 'other', roles: ['staff'] })), expect: adminAnywhere },
  'PATCH /api/v1/people/:id': { request: async (c) => ({ method: 'PATCH', url: `/api/v1/people/${(await personAt(c.place)).id}`, payload: { title: '科员' } }), expect: adminAnywhere },
  'DELETE /api/v1/people/:id': { request: async (c) => ({ method: 'DELETE', url: `/api/v1/people/${(await personAt(c.place)).id}` }), expect: adminAnywhere },
  'PUT /api/v1/people/:id/password': { request: async (c) => ({ method: 'PUT', url: `/api/v1/people/${(await personAt(c.place)).id}/password`, payload: { password: 'Reset-2026-ok' } }), expect: adminAnywhere },
  'GET /api/v1/people/:id/tokens': { request: async (c) => get(`/api/v1/people/${(await personAt(c.place)).id}/tokens`), expect: adminAnywhere },
  'DELETE /api/v1/people/:id/tokens/:tokenId': {
    request: async () => {
      const { id } = (await god.post('/api/v1/auth/tokens', { name: 'matrix' })).json<{ id: number }>();
      return { method: 'DELETE', url: `/api/v1/people/${god.person.id}/tokens/${id}` };
    },
    expect: adminAnywhere,
  },
  'GET /api/v1/calendar/years': { request: () => get('/api/v1/calendar/years'), expect: everyone },
  'GET /api/v1/calendar/years/:year': { request: () => get('/api/v1/calendar/years/2026'), expect: everyone },
  'PUT /api/v1/calendar/years/:year': { request: () => ({ method: 'PUT', url: '/api/v1/calendar/years/2030', payload: { holidays: {}, workdays: {} } }), expect: onlyRoles('admin') },
  'DELETE /api/v1/calendar/years/:year': {
    request: async () => {
      await god.put('/api/v1/calendar/years/2031', { holidays: {}, workdays: {} });
      return { method: 'DELETE', url: '/api/v1/calendar/years/2031' };
    },
    expect: onlyRoles('admin'),
  },
  'GET /api/v1/calendar/days': { request: () => get('/api/v1/calendar/days?from=2026-10-01&to=2026-10-10'), expect: everyone },
  'GET /api/v1/calendar/add-workdays': { request: () => get('/api/v1/calendar/add-workdays?from=2026-10-01&workdays=3'), expect: everyone },
  'GET /api/v1/policy': { request: byPlace((u) => get(`/api/v1/policy?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/policy/overrides/:id': { request: byPlace((u) => get(`/api/v1/policy/overrides/${u.id}`)), expect: (c) => (c.who === 'admin' ? 'allow' : c.who === 'supervisor' ? visibleOrg(c) : 'forbid') },
  'PUT /api/v1/policy/overrides/:id': { request: byPlace((u) => ({ method: 'PUT', url: `/api/v1/policy/overrides/${u.id}`, payload: {} })), expect: adminAnywhere },
  'GET /api/v1/notifications': { request: () => get('/api/v1/notifications'), expect: everyone },
  'GET /api/v1/notifications/kinds': { request: () => get('/api/v1/notifications/kinds'), expect: everyone },
  'POST /api/v1/notifications/:id/read': {
    request: async (c) => {
      const recipient = c.who === 'owner' ? callers.owner.person.id : god.person.id;
      await ctx.handle.db.transaction().execute((trx) => ctx.services.notify.queue(trx, [{ recipientId: recipient, kind: 'test.matrix', title: 't', body: 'b' }]));
      const row = await ctx.handle.db.selectFrom('notification').select('id').where('recipientId', '=', recipient).orderBy('id', 'desc').executeTakeFirstOrThrow();
      return post(`/api/v1/notifications/${row.id}/read`);
    },
    expect: (c) => (c.who === 'owner' ? 'allow' : 'hidden'),
  },
  'POST /api/v1/notifications/read-all': { request: () => post('/api/v1/notifications/read-all'), expect: everyone },
  // Channels: robots by an admin anywhere, by a supervisor in their region (the callers' own township) only.
  'GET /api/v1/channels/robots': { request: () => get('/api/v1/channels/robots'), expect: onlyRoles('admin', 'supervisor') },
  'POST /api/v1/channels/robots': { request: byPlace((u) => post('/api/v1/channels/robots', { unitId: u.id, name: '矩阵群', provider: 'wecom', url: 'http://127.0.0.1:9/robot?key=k' })), expect: robotKeeper },
  'PATCH /api/v1/channels/robots/:id': { request: async (c) => ({ method: 'PATCH', url: `/api/v1/channels/robots/${await robotAt(c.place)}`, payload: { name: '改名' } }), expect: robotKeeper },
  'DELETE /api/v1/channels/robots/:id': { request: async (c) => ({ method: 'DELETE', url: `/api/v1/channels/robots/${await robotAt(c.place)}` }), expect: robotKeeper },
  'POST /api/v1/channels/robots/:id/test': { request: async (c) => post(`/api/v1/channels/robots/${await robotAt(c.place)}/test`), expect: robotKeeper },
  'GET /api/v1/channels/sms-gateway': { request: () => get('/api/v1/channels/sms-gateway'), expect: onlyRoles('admin') },
  'PUT /api/v1/channels/sms-gateway': { request: () => ({ method: 'PUT', url: '/api/v1/channels/sms-gateway', payload: { kind: 'log' } }), expect: onlyRoles('admin') },
  'POST /api/v1/channels/sms-gateway/test': { request: () => post('/api/v1/channels/sms-gateway/test', { mobile: '13900001111' }), expect: onlyRoles('admin') },
  'GET /api/v1/channels/me': { request: () => get('/api/v1/channels/me'), expect: everyone },
  'PUT /api/v1/channels/me': { request: () => ({ method: 'PUT', url: '/api/v1/channels/me', payload: { choices: {}, quietStart: null, quietEnd: null, digest: true } }), expect: everyone },
  'GET /api/v1/webhooks': { request: () => get('/api/v1/webhooks'), expect: onlyRoles('admin') },
  'POST /api/v1/webhooks': { request: () => post('/api/v1/webhooks', { name: 'x', url: 'http://127.0.0.1:9/x' }), expect: onlyRoles('admin') },
  'DELETE /api/v1/webhooks/:id': { request: async () => ({ method: 'DELETE', url: `/api/v1/webhooks/${(await god.post('/api/v1/webhooks', { name: 'y', url: 'http://127.0.0.1:9/y' })).json().id}` }), expect: onlyRoles('admin') },
  'GET /api/v1/deliveries': { request: () => get('/api/v1/deliveries'), expect: onlyRoles('admin') },
  'GET /api/v1/audit': { request: () => get('/api/v1/audit?limit=1'), expect: onlyRoles('admin') },
  'GET /api/v1/audit/verify': { request: () => get('/api/v1/audit/verify'), expect: onlyRoles('admin') },
  'POST /api/v1/tasks': {
    request: byPlace((u) => post('/api/v1/tasks', { title: '矩阵交办', level: 'normal', leadUnitId: u.id, deadline: '2026-12-31' })),
    // Assign within your scope: admin anywhere; supervisor, leader and unit head in T1 only.
    expect: (c) => (c.who === 'admin' ? 'allow' : ['supervisor', 'leader', 'unit_head'].includes(c.who) && c.place === 'own' ? 'allow' : 'forbid'),
  },
  'GET /api/v1/tasks': { request: byPlace((u) => get(`/api/v1/tasks?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/tasks/workbench': { request: () => get('/api/v1/tasks/workbench'), expect: everyone },
  'GET /api/v1/tasks/limits': { request: () => get('/api/v1/tasks/limits'), expect: everyone },
  'GET /api/v1/tasks/overview': { request: () => get('/api/v1/tasks/overview'), expect: onlyRoles('leader', 'supervisor', 'admin') },
  'GET /api/v1/tasks/stats': { request: byPlace((u) => get(`/api/v1/tasks/stats?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/tasks/stats/trend': { request: byPlace((u) => get(`/api/v1/tasks/stats/trend?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/tasks/lists/responsibility': { request: byPlace((u) => get(`/api/v1/tasks/lists/responsibility?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/tasks/export.xlsx': { request: byPlace((u) => get(`/api/v1/tasks/export.xlsx?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/tasks/import': { request: () => ({ method: 'POST', url: '/api/v1/tasks/import', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') }), expect: onlyRoles('leader', 'supervisor', 'admin') },
  'POST /api/v1/tasks/feed-token': { request: () => post('/api/v1/tasks/feed-token'), expect: everyone },
  'GET /api/v1/tasks/feed/:file': { request: async () => get(`/api/v1/tasks/feed/${(await callers.owner.post('/api/v1/tasks/feed-token')).json().url.split('/').pop()}`), expect: everyone },
  'GET /api/v1/tasks/:id': { request: async (c) => get(`/api/v1/tasks/${(await taskAt(c.place, 'assigned')).id}`), expect: (c) => (taskVisible(c) ? 'allow' : 'forbid') },
  'POST /api/v1/tasks/:id/sign': { request: taskRoute('assigned', 'sign', (v) => ({ version: v })), expect: taskAction(['admin', 'unit_head']) },
  'POST /api/v1/tasks/:id/return': { request: taskRoute('assigned', 'return', (v) => ({ version: v, reason: '不属于职责' })), expect: taskAction(['admin', 'unit_head']) },
  'POST /api/v1/tasks/:id/dispatch': { request: taskRoute('signed', 'dispatch', (v) => ({ version: v, responsibleId: callers.owner.person.id })), expect: taskAction(['admin', 'unit_head']) },
  'POST /api/v1/tasks/:id/progress': { request: taskRoute('signed', 'progress', (v) => ({ version: v, percent: 10, text: '进展' })), expect: taskAction(['admin', 'unit_head', 'owner']) },
  'POST /api/v1/tasks/:id/plan': { request: taskRoute('signed', 'plan', (v) => ({ version: v, milestones: [{ title: '节点', due: '2026-12-01' }] })), expect: taskAction(['admin', 'unit_head', 'owner']) },
  'POST /api/v1/tasks/:id/submit': {
    request: taskRoute('signed', 'submit', (v) => ({ version: v, completion: { text: '完成' }, summary: { done: 'd', result: 'r', lessons: 'l' } })),
    expect: taskAction(['admin', 'unit_head', 'owner']),
  },
  'POST /api/v1/tasks/:id/extensions': { request: taskRoute('signed', 'extensions', (v) => ({ version: v, reason: '延期', newDeadline: '2027-01-29' })), expect: taskAction(['admin', 'unit_head', 'owner']) },
  'POST /api/v1/tasks/:id/attachments': {
    request: async (c) => ({ method: 'POST', url: `/api/v1/tasks/${(await taskAt(c.place, 'signed')).id}/attachments`, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' }, payload: Buffer.from('纯文本') }),
    expect: taskAction(['admin', 'unit_head', 'owner', 'leader']),
  },
  'GET /api/v1/tasks/:id/attachments/:eid': {
    request: async (c) => {
      const t = await taskAt(c.place, 'signed');
      const a = (await ctx.inject({ method: 'POST', url: `/api/v1/tasks/${t.id}/attachments`, headers: { cookie: god.cookie, 'x-csrf-token': god.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' }, payload: Buffer.from('纯文本') })).json<{ id: number }>();
      return get(`/api/v1/tasks/${t.id}/attachments/${a.id}`);
    },
    expect: (c) => (taskVisible(c) ? 'allow' : 'forbid'),
  },
  'POST /api/v1/tasks/:id/verify': { request: taskRoute('submitted', 'verify', (v) => ({ version: v })), expect: taskAction(['leader']) },
  'POST /api/v1/tasks/:id/reject': { request: taskRoute('submitted', 'reject', (v) => ({ version: v, reason: '退回修改' })), expect: taskAction(['leader']) },
  'POST /api/v1/tasks/:id/close': { request: taskRoute('verified', 'close', (v) => ({ version: v })), expect: taskAction(['admin', 'leader', 'supervisor']) },
  'POST /api/v1/tasks/:id/reassign': { request: taskRoute('returned', 'reassign', (v) => ({ version: v, leadUnitId: units.own.id })), expect: taskAction(['admin', 'supervisor']) },
  'POST /api/v1/tasks/:id/extensions/:eid/approve': { request: taskRoute('pending_extension', 'extensions/:eid/approve', (v) => ({ version: v })), expect: taskAction(['leader']) },
  // Issue #16: 催办 / 督办 by hand (the supervision office over the unit, the assigner god, T1's overseeing leader), 情况说明 (the unit), 批示 (a leader over the unit), the 督办单 (whoever sees the task).
  'POST /api/v1/tasks/:id/urgings': { request: taskRoute('signed', 'urgings', (v) => ({ version: v, level: 'urge', text: '请加快办理', replyDue: { workdays: 1 } })), expect: taskAction(['admin', 'leader', 'supervisor']) },
  'POST /api/v1/tasks/:id/urgings/:uid/answer': {
    request: async (c) => {
      const t = await taskAt(c.place, 'signed');
      const u = await ctx.handle.db.insertInto('taskUrging').values({ taskId: t.id, level: 'urge', byId: god.person.id, text: '催办', replyDue: '2026-11-04', at: new Date() }).returning('id').executeTakeFirstOrThrow();
      await ctx.handle.db.updateTable('task').set({ openUrgings: 1 }).where('id', '=', t.id).execute();
      return post(`/api/v1/tasks/${t.id}/urgings/${u.id}/answer`, { version: t.version, text: '情况说明' });
    },
    expect: taskAction(['admin', 'unit_head', 'owner']),
  },
  'POST /api/v1/tasks/:id/instructions': { request: taskRoute('signed', 'instructions', (v) => ({ version: v, text: '请牵头，月底前报结果', milestone: { title: '报结果', due: '2026-12-20' } })), expect: taskAction(['admin', 'leader']) },
  // Issue #16, the task itself: the co-units' parts (these tasks name none: refused to all in sight), the assigner's
  // edit, 撤回 and 删除附件 (the assigner is god: refused to every caller), 补充附件 (who may upload; an unknown file is a 400 after the check).
  'POST /api/v1/tasks/:id/co-sign': { request: taskRoute('assigned', 'co-sign', (v) => ({ version: v })), expect: taskAction([]) },
  'POST /api/v1/tasks/:id/co-progress': { request: taskRoute('signed', 'co-progress', (v) => ({ version: v, percent: 10, text: '协办进展' })), expect: taskAction([]) },
  'POST /api/v1/tasks/:id/edit': { request: taskRoute('assigned', 'edit', (v) => ({ version: v, title: '改正标题' })), expect: taskAction([]) },
  'POST /api/v1/tasks/:id/withdraw': { request: taskRoute('assigned', 'withdraw', (v) => ({ version: v, reason: '重复交办' })), expect: taskAction([]) },
  'POST /api/v1/tasks/:id/attach': { request: taskRoute('signed', 'attach', (v) => ({ version: v, attachmentIds: [2_000_000_000] })), expect: taskAction(['admin', 'unit_head', 'owner', 'leader']) },
  'POST /api/v1/tasks/:id/attachments/:eid/remove': { request: taskRoute('assigned', 'attachments/2000000000/remove', (v) => ({ version: v })), expect: taskAction([]) },
  'GET /api/v1/tasks/:id/notice': { request: async (c) => get(`/api/v1/tasks/${(await taskAt(c.place, 'signed')).id}/notice?kind=urge`), expect: (c) => (taskVisible(c) ? 'allow' : 'forbid') },
  'GET /api/v1/tasks/:id/notice.docx': { request: async (c) => get(`/api/v1/tasks/${(await taskAt(c.place, 'signed')).id}/notice.docx?kind=supervise`), expect: (c) => (taskVisible(c) ? 'allow' : 'forbid') },
  'POST /api/v1/tasks/:id/extensions/:eid/reject': { request: taskRoute('pending_extension', 'extensions/:eid/reject', (v) => ({ version: v })), expect: taskAction(['leader']) },
  'POST /api/v1/documents/check': { request: () => post('/api/v1/documents/check', { kind: 'brief', text: '县交通局12月完成排查。' }), expect: everyone },
  'GET /api/v1/documents': { request: byPlace((u) => get(`/api/v1/documents?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/documents': { request: byPlace((u) => post('/api/v1/documents', { title: '矩阵起草', unitId: u.id, kind: 'brief', body: '正文' })), expect: documentOwn },
  'GET /api/v1/documents/stats': { request: byPlace((u) => get(`/api/v1/documents/stats?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/documents/phrases': { request: () => get('/api/v1/documents/phrases'), expect: onlyRoles('admin') },
  'PUT /api/v1/documents/phrases': { request: () => ({ method: 'PUT', url: '/api/v1/documents/phrases', payload: { phrases: [...DEFAULT_PHRASES] } }), expect: onlyRoles('admin') },
  'GET /api/v1/documents/:id': { request: async (c) => get(`/api/v1/documents/${(await documentAt(c.place)).id}`), expect: documentOwn },
  'PATCH /api/v1/documents/:id': { request: async (c) => ({ method: 'PATCH', url: `/api/v1/documents/${(await documentAt(c.place)).id}`, payload: { version: 1, title: '改标题' } }), expect: documentOwn },
  'POST /api/v1/documents/:id/check': { request: async (c) => post(`/api/v1/documents/${(await documentAt(c.place)).id}/check`, { version: 1 }), expect: documentOwn },
  'POST /api/v1/documents/:id/docx': {
    request: async (c) => ({
      method: 'POST',
      url: `/api/v1/documents/${(await documentAt(c.place)).id}/docx?version=1`,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.docx' },
      payload: await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('县交通局12月完成排查。')] }] })),
    }),
    expect: documentOwn,
  },
  'POST /api/v1/documents/:id/issue': {
    request: async (c) => {
      const d = await documentAt(c.place, true);
      return post(`/api/v1/documents/${d.id}/issue`, { version: d.version, number: `矩阵〔2026〕${++seq}号`, explanation: '矩阵测试：确需发文。' });
    },
    // The issuing unit's head, a leader of its region, an admin.
    expect: (c) => (c.who === 'admin' ? 'allow' : (c.who === 'unit_head' || c.who === 'leader') && c.place === 'own' ? 'allow' : 'forbid'),
  },
  'POST /api/v1/meetings': { request: async (c) => post('/api/v1/meetings', await meetingPlan(c.place)), expect: meetingManage },
  'POST /api/v1/meetings/check': { request: async (c) => post('/api/v1/meetings/check', await meetingPlan(c.place)), expect: meetingManage },
  'GET /api/v1/meetings': { request: byPlace((u) => get(`/api/v1/meetings?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/meetings/stats': { request: byPlace((u) => get(`/api/v1/meetings/stats?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/meetings/:id': { request: meetingRoute('planned', (m) => get(`/api/v1/meetings/${m.id}`)), expect: meetingVisible },
  'GET /api/v1/meetings/:id/minutes.docx': { request: meetingRoute('decided', (m) => get(`/api/v1/meetings/${m.id}/minutes.docx`)), expect: meetingVisible },
  'PUT /api/v1/meetings/:id': {
    request: meetingRoute('planned', async (m, place) => ({ method: 'PUT', url: `/api/v1/meetings/${m.id}`, payload: { ...(await meetingPlan(place)), version: m.version } })),
    expect: meetingManage,
  },
  'POST /api/v1/meetings/:id/approve': { request: meetingRoute('pending', (m) => post(`/api/v1/meetings/${m.id}/approve`, { comment: '同意' })), expect: meetingApprove },
  'POST /api/v1/meetings/:id/refuse': { request: meetingRoute('pending', (m) => post(`/api/v1/meetings/${m.id}/refuse`, { comment: '不同意' })), expect: meetingApprove },
  'POST /api/v1/meetings/:id/cancel': { request: meetingRoute('planned', (m) => post(`/api/v1/meetings/${m.id}/cancel`, { reason: '改为书面部署' })), expect: meetingManage },
  'POST /api/v1/meetings/:id/decisions': { request: meetingRoute('planned', (m) => post(`/api/v1/meetings/${m.id}/decisions`, { text: '矩阵事项' })), expect: meetingManage },
  'PATCH /api/v1/meetings/:id/decisions/:decisionId': {
    request: meetingRoute('decided', (m) => ({ method: 'PATCH', url: `/api/v1/meetings/${m.id}/decisions/${m.decisionId}`, payload: { text: '改过的事项' } })),
    expect: meetingManage,
  },
  'DELETE /api/v1/meetings/:id/decisions/:decisionId': { request: meetingRoute('decided', (m) => ({ method: 'DELETE', url: `/api/v1/meetings/${m.id}/decisions/${m.decisionId}` })), expect: meetingManage },
  // The concluder assigns each decision's task: the lead unit (会务科) must be in their scope too.
  'POST /api/v1/meetings/:id/conclude': { request: meetingRoute('decided', (m) => post(`/api/v1/meetings/${m.id}/conclude`)), expect: meetingManage },
  // The timer: who manages the meeting, or someone working in the organising unit (none of the callers).
  'POST /api/v1/meetings/:id/agenda/:itemId/actual': { request: meetingRoute('planned', (m) => post(`/api/v1/meetings/${m.id}/agenda/${m.itemId}/actual`, { minutes: 18 })), expect: meetingManage },
  // 一线工作法 (research).
  'GET /api/v1/field-visits/places': { request: byPlace((u) => get(`/api/v1/field-visits/places?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/field-visits/places': { request: async (c) => post('/api/v1/field-visits/places', { townshipId: (await fieldAt(c.place)).town.id, name: `矩阵新村${++seq}`, kind: 'village' }), expect: placeKeeper },
  // The file's rows are checked in the importer's scope (a township outside it is a row error, 400).
  'POST /api/v1/field-visits/places/import': {
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/field-visits/places/import',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: await writeWorkbook([{ name: '地点', columns: ['乡镇', '名称', '类别'].map((header) => ({ header })), rows: [[(await fieldAt(c.place)).town.code, `导入村${++seq}`, '行政村']] }]),
    }),
    expect: onlyRoles('supervisor', 'admin'),
  },
  'GET /api/v1/field-visits/places/:id': { request: async (c) => get(`/api/v1/field-visits/places/${(await fieldAt(c.place)).placeId}`), expect: (c) => (c.who === 'admin' || c.place === 'own' ? 'allow' : 'forbid') },
  'PATCH /api/v1/field-visits/places/:id': { request: async (c) => ({ method: 'PATCH', url: `/api/v1/field-visits/places/${(await fieldAt(c.place)).placeId}`, payload: { tags: ['后进'] } }), expect: placeKeeper },
  // The owner logs their own visit (allowed anywhere); the others log one for the staff member at `place`.
  'POST /api/v1/field-visits': {
    request: async (c) => post('/api/v1/field-visits', { personIds: [c.who === 'owner' ? callers.owner.person.id : (await fieldAt(c.place)).person.id], startDate: '2026-10-13', endDate: '2026-10-13', kind: 'survey', purpose: '矩阵调研' }),
    expect: (c) => (c.who === 'owner' ? 'allow' : fieldOversee(c)),
  },
  'GET /api/v1/field-visits': { request: byPlace((u) => get(`/api/v1/field-visits?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/field-visits/quota': { request: async (c) => get(`/api/v1/field-visits/quota?personId=${(await fieldAt(c.place)).person.id}`), expect: fieldOversee },
  'GET /api/v1/field-visits/annual': { request: byPlace((u) => get(`/api/v1/field-visits/annual?unitId=${u.id}`)), expect: fieldStats },
  'GET /api/v1/field-visits/annual.xlsx': { request: byPlace((u) => get(`/api/v1/field-visits/annual.xlsx?unitId=${u.id}`)), expect: fieldStats },
  'GET /api/v1/field-visits/behind': { request: byPlace((u) => get(`/api/v1/field-visits/behind?unitId=${u.id}`)), expect: fieldStats },
  'GET /api/v1/field-visits/stats': { request: byPlace((u) => get(`/api/v1/field-visits/stats?unitId=${u.id}`)), expect: fieldStats },
  'GET /api/v1/field-visits/:id': { request: async (c) => get(`/api/v1/field-visits/${(await visitAt(c.place)).id}`), expect: fieldOversee },
  // The task's lead unit is the unit at `place`: inside the overseer's scope for T1.
  'POST /api/v1/field-visits/:id/findings/:fid/task': {
    request: async (c) => {
      const v = await visitAt(c.place);
      return post(`/api/v1/field-visits/${v.id}/findings/${v.findingId}/task`, { leadUnitId: units[c.place].id, deadline: '2026-12-31' });
    },
    expect: fieldOversee,
  },
  // 问责 (accountability).
  'GET /api/v1/accountability': { request: byPlace((u) => get(`/api/v1/accountability?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/accountability': { request: byPlace((u) => post('/api/v1/accountability', { kind: 'reminder', targetUnitId: u.id, title: '矩阵提醒', reason: '矩阵事由' })), expect: recordManage },
  'GET /api/v1/accountability/:id': { request: recordRoute('issued', (r) => get(`/api/v1/accountability/${r.id}`)), expect: (c) => (recordSeen(c) ? 'allow' : 'hidden') },
  'PATCH /api/v1/accountability/:id': { request: recordRoute('draft', (r) => ({ method: 'PATCH', url: `/api/v1/accountability/${r.id}`, payload: { version: r.version, reason: '改过的事由' } })), expect: draftManage },
  'POST /api/v1/accountability/:id/issue': { request: recordRoute('draft', (r) => post(`/api/v1/accountability/${r.id}/issue`, { version: r.version })), expect: draftManage },
  // 申辩: against a unit, its own heads (T1's unit head, for T1).
  'POST /api/v1/accountability/:id/explain': {
    request: recordRoute('issued', (r) => post(`/api/v1/accountability/${r.id}/explain`, { version: r.version, text: '矩阵说明' })),
    expect: (c) => (c.who === 'unit_head' && c.place === 'own' ? 'allow' : recordSeen(c) ? 'forbid' : 'hidden'),
  },
  'POST /api/v1/accountability/:id/close': { request: recordRoute('issued', (r) => post(`/api/v1/accountability/${r.id}/close`, { version: r.version, conclusion: '结案' })), expect: draftManage },
  // Evidence files: attached by a supervisor over the target, read by whoever sees the record.
  'POST /api/v1/accountability/:id/attachments': {
    request: recordRoute('issued', (r) => ({ method: 'POST', url: `/api/v1/accountability/${r.id}/attachments`, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' }, payload: Buffer.from('约谈记录') })),
    expect: draftManage,
  },
  'GET /api/v1/accountability/:id/attachments/:aid': {
    request: async (c) => {
      const r = await recordAt(c.place, 'issued');
      const a = await ctx.services.accountability.attach(ctx.system(), await supervisorOver(c.place), r.id, 'a.txt', Buffer.from('约谈记录'));
      return get(`/api/v1/accountability/${r.id}/attachments/${a.id}`);
    },
    expect: (c) => (recordSeen(c) ? 'allow' : 'hidden'),
  },
  // 报告 (reports).
  'GET /api/v1/reports': { request: byPlace((u) => get(`/api/v1/reports?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/reports': { request: byPlace((u) => post('/api/v1/reports', { kind: 'notice', unitId: u.id, period: '2026-10' })), expect: recordManage },
  'GET /api/v1/reports/:id': { request: reportRoute('issued', (r) => get(`/api/v1/reports/${r.id}`)), expect: reportVisible },
  'GET /api/v1/reports/:id.docx': { request: reportRoute('issued', (r) => get(`/api/v1/reports/${r.id}.docx`)), expect: reportVisible },
  'GET /api/v1/reports/:id.xlsx': { request: reportRoute('issued', (r) => get(`/api/v1/reports/${r.id}.xlsx`)), expect: reportVisible },
  'PATCH /api/v1/reports/:id': { request: reportRoute('draft', (r) => ({ method: 'PATCH', url: `/api/v1/reports/${r.id}`, payload: { version: r.version, title: '矩阵改过的标题' } })), expect: draftManage },
  'POST /api/v1/reports/:id/refresh': { request: reportRoute('draft', (r) => post(`/api/v1/reports/${r.id}/refresh`, { version: r.version })), expect: draftManage },
  'POST /api/v1/reports/:id/issue': { request: reportRoute('draft', (r) => post(`/api/v1/reports/${r.id}/issue`, { version: r.version })), expect: draftManage },
  'GET /api/v1/reports/summaries': { request: byPlace((u) => get(`/api/v1/reports/summaries?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/reports/summaries': { request: () => post('/api/v1/reports/summaries', { period: '2026-10' }), expect: everyone },
  // A submitted summary is read by its author and the unit heads, supervisors and admins over them (T1's, for T1).
  'GET /api/v1/reports/summaries/:id': {
    request: async (c) => get(`/api/v1/reports/summaries/${(await summaryAt(c, true)).id}`),
    expect: (c) => (c.who === 'owner' || c.who === 'admin' || (c.place === 'own' && ['supervisor', 'unit_head'].includes(c.who)) ? 'allow' : 'hidden'),
  },
  // A draft summary is seen by its author only: anyone else gets the unknown id's 404.
  'PATCH /api/v1/reports/summaries/:id': { request: async (c) => { const s = await summaryAt(c, false); return { method: 'PATCH', url: `/api/v1/reports/summaries/${s.id}`, payload: { version: s.version, text: '矩阵总结' } }; }, expect: (c) => (c.who === 'owner' ? 'allow' : 'hidden') },
  'POST /api/v1/reports/summaries/:id/submit': { request: async (c) => { const s = await summaryAt(c, false); return post(`/api/v1/reports/summaries/${s.id}/submit`, { version: s.version }); }, expect: (c) => (c.who === 'owner' ? 'allow' : 'hidden') },
  'GET /api/v1/public/catalog': { request: () => get('/api/v1/public/catalog'), expect: everyone },
  'POST /api/v1/public/requests': { request: byPlace((u) => post('/api/v1/public/requests', { type: 'help', category: 'other', description: `矩阵提交第${++seq}件`, jurisdictionId: u.id })), expect: everyone },
  'GET /api/v1/public/requests/:code': { request: requestRoute('assigned', (r) => get(`/api/v1/public/requests/${r.code}`)), expect: everyone },
  'POST /api/v1/public/requests/:code/photos': {
    request: requestRoute('submitted', (r) => ({ method: 'POST', url: `/api/v1/public/requests/${r.code}/photos`, headers: { 'content-type': 'image/png', 'x-file-name': 'p.png' }, payload: PNG })),
    expect: everyone,
  },
  'POST /api/v1/public/requests/:code/rating': { request: requestRoute('answered', (r) => post(`/api/v1/public/requests/${r.code}/rating`, { level: 4 })), expect: everyone },
  'GET /api/v1/public/stats': { request: byPlace((u) => get(`/api/v1/public/stats?jurisdictionId=${u.id}`)), expect: everyone },
  'GET /api/v1/public/windows/:code': { request: async (c) => get(`/api/v1/public/windows/${(await windowAt(c.place)).code}`), expect: everyone },
  'POST /api/v1/public/windows/:code/ratings': {
    request: async (c) => {
      const w = await windowAt(c.place);
      const v = (await god.post(`/api/v1/service-windows/${w.id}/visits`)).json<{ code: string }>();
      return post(`/api/v1/public/windows/${w.code}/ratings`, { visitCode: v.code, level: 5 });
    },
    expect: everyone,
  },
  'GET /api/v1/citizen-requests': { request: byPlace((u) => get(`/api/v1/citizen-requests?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/citizen-requests/flags': { request: byPlace((u) => get(`/api/v1/citizen-requests/flags?unitId=${u.id}`)), expect: visibleOrg },
  'GET /api/v1/citizen-requests/:id': { request: requestRoute('assigned', (r) => get(`/api/v1/citizen-requests/${r.id}`)), expect: requestVisible },
  'GET /api/v1/citizen-requests/:id/photos/:photoId': { request: requestRoute('assigned', (r) => get(`/api/v1/citizen-requests/${r.id}/photos/${r.photoId}`), { photo: true }), expect: requestVisible },
  'POST /api/v1/citizen-requests/:id/assign': { request: requestRoute('submitted', (r, place) => post(`/api/v1/citizen-requests/${r.id}/assign`, { version: r.version, unitId: units[place].id })), expect: deskAction },
  'POST /api/v1/citizen-requests/:id/forward': { request: requestRoute('submitted', (r, place) => post(`/api/v1/citizen-requests/${r.id}/forward`, { version: r.version, unitId: units[place].id }), { type: 'praise' }), expect: deskAction },
  'POST /api/v1/citizen-requests/:id/merge': {
    request: async (c) => {
      const into = await requestAt(c.place, 'submitted');
      const r = await requestAt(c.place, 'submitted');
      return post(`/api/v1/citizen-requests/${r.id}/merge`, { version: r.version, intoId: into.id });
    },
    expect: deskAction,
  },
  'POST /api/v1/citizen-requests/:id/decline': { request: requestRoute('submitted', (r) => post(`/api/v1/citizen-requests/${r.id}/decline`, { version: r.version, reason: '不属于受理范围' })), expect: deskAction },
  'POST /api/v1/citizen-requests/:id/return': { request: requestRoute('assigned', (r) => post(`/api/v1/citizen-requests/${r.id}/return`, { version: r.version, reason: '不属于本单位职责' })), expect: unitAction(['unit_head']) },
  'POST /api/v1/citizen-requests/:id/reply': { request: requestRoute('assigned', (r) => post(`/api/v1/citizen-requests/${r.id}/reply`, { version: r.version, text: '已处理' })), expect: unitAction(['unit_head', 'owner']) },
  'POST /api/v1/citizen-requests/:id/rectify': { request: requestRoute('reopened', (r) => post(`/api/v1/citizen-requests/${r.id}/rectify`, { version: r.version, text: '已整改' })), expect: unitAction(['unit_head', 'owner']) },
  'POST /api/v1/citizen-requests/:id/callback': { request: requestRoute('rectified', (r) => post(`/api/v1/citizen-requests/${r.id}/callback`, { version: r.version, said: '群众认可' })), expect: deskAction },
  'POST /api/v1/citizen-requests/:id/publishable': { request: requestRoute('answered', (r) => post(`/api/v1/citizen-requests/${r.id}/publishable`, { version: r.version, publishable: true })), expect: deskAction },
  'GET /api/v1/service-windows': { request: () => get('/api/v1/service-windows'), expect: everyone },
  'POST /api/v1/service-windows': {
    request: byPlace((u) => post('/api/v1/service-windows', { unitId: u.id, name: '矩阵窗口' })),
    // An admin anywhere; a supervisor or unit head over the unit (T1); T2 and the county are out of a T1 person's sight (403).
    expect: (c) => (c.who === 'admin' || (['supervisor', 'unit_head'].includes(c.who) && c.place === 'own') ? 'allow' : 'forbid'),
  },
  'POST /api/v1/service-windows/:id/visits': { request: async (c) => post(`/api/v1/service-windows/${(await windowAt(c.place)).id}/visits`), expect: (c) => (c.who === 'admin' || c.place === 'own' ? 'allow' : 'forbid') },
  'GET /api/v1/open311-clients': { request: () => get('/api/v1/open311-clients'), expect: onlyRoles('admin') },
  'POST /api/v1/open311-clients': { request: () => post('/api/v1/open311-clients', { name: '矩阵应用' }), expect: onlyRoles('admin') },
  'POST /api/v1/open311-clients/:id/revoke': { request: async () => post(`/api/v1/open311-clients/${(await god.post('/api/v1/open311-clients', { name: '将吊销' })).json<{ id: number }>().id}/revoke`), expect: onlyRoles('admin') },
  // 比学赶超 (scoreboard).
  'GET /api/v1/scoreboard': { request: async (c) => (await scored(), get(`/api/v1/scoreboard?period=2026-10&unitId=${units[c.place].id}`)), expect: (c) => (BOARD_READERS.includes(c.who) ? visibleOrg(c) : 'forbid') },
  'GET /api/v1/scoreboard/periods': { request: () => get('/api/v1/scoreboard/periods'), expect: onlyRoles('admin', 'supervisor', 'leader', 'unit_head') },
  'POST /api/v1/scoreboard/recompute': { request: () => post('/api/v1/scoreboard/recompute', { periods: ['2026-10'] }), expect: onlyRoles('admin', 'supervisor') },
  'GET /api/v1/scoreboard/units/:unitId': {
    request: async (c) => (await scored(), get(`/api/v1/scoreboard/units/${units[c.place].id}?period=2026-10`)),
    // T1 and T2 are ranked; the counties have no row (404 to whoever may read the unit: admins, and everyone for the parent county).
    expect: (c) => (c.who === 'admin' ? (c.place === 'own' || c.place === 'sibling' ? 'allow' : 'hidden') : BOARD_READERS.includes(c.who) && c.place === 'parent' ? 'hidden' : scoreOwn(c)),
  },
  'GET /api/v1/scoreboard/units/:unitId/components/:key': { request: async (c) => (await scored(), get(`/api/v1/scoreboard/units/${units[c.place].id}/components/on_time?period=2026-10`)), expect: scoreOwn },
  'GET /api/v1/scoreboard/people': {
    request: async (c) => (await scored(), get(`/api/v1/scoreboard/people?period=2026-10&unitId=${units[c.place].id}`)),
    // Staff ask for their own unit and get their own row.
    expect: (c) => (c.place === 'own' || c.who === 'admin' ? 'allow' : 'forbid'),
  },
  'GET /api/v1/scoreboard/people/:personId/components/:key': {
    request: async (c) => get(`/api/v1/scoreboard/people/${c.who === 'owner' && c.place === 'own' ? callers.owner.person.id : (await scorePersonAt(c.place)).id}/components/on_time?period=2026-10`),
    expect: (c) => (c.who === 'owner' && c.place === 'own' ? 'allow' : scoreOwn(c)),
  },
  'GET /api/v1/scoreboard/cases': { request: byPlace((u) => get(`/api/v1/scoreboard/cases?unitId=${u.id}`)), expect: visibleOrg },
  'POST /api/v1/scoreboard/cases': {
    request: byPlace((u) => post('/api/v1/scoreboard/cases', { title: `矩阵推荐${++seq}`, summary: '做法', body: '正文', unitId: u.id })),
    expect: (c) => (c.who === 'admin' || (c.who === 'supervisor' && c.place === 'own') ? 'allow' : 'forbid'),
  },
  'GET /api/v1/scoreboard/cases/:id': { request: async (c) => get(`/api/v1/scoreboard/cases/${(await caseAt(c.place)).id}`), expect: (c) => (caseKeeper(c) === 'forbid' ? 'hidden' : caseKeeper(c)) },
  'PATCH /api/v1/scoreboard/cases/:id': { request: async (c) => { const k = await caseAt(c.place); return { method: 'PATCH', url: `/api/v1/scoreboard/cases/${k.id}`, payload: { version: k.version, summary: '改过的做法' } }; }, expect: caseKeeper },
  'POST /api/v1/scoreboard/cases/:id/select': { request: async (c) => { const k = await caseAt(c.place); return post(`/api/v1/scoreboard/cases/${k.id}/select`, { version: k.version }); }, expect: caseKeeper },
  'POST /api/v1/scoreboard/cases/:id/reject': { request: async (c) => { const k = await caseAt(c.place); return post(`/api/v1/scoreboard/cases/${k.id}/reject`, { version: k.version }); }, expect: caseKeeper },
  // Open311: public, for every caller; what it shows of a request is the same for all.
  'GET /open311/v2/discovery.:format': { request: () => get('/open311/v2/discovery.json'), expect: everyone },
  'GET /open311/v2/services.:format': { request: () => get('/open311/v2/services.xml'), expect: everyone },
  'GET /open311/v2/services/:service_code.:format': { request: () => get('/open311/v2/services/roads.json'), expect: everyone },
  'GET /open311/v2/requests.:format': { request: byPlace((u) => get(`/open311/v2/requests.json?jurisdiction_id=${u.id}`)), expect: everyone },
  'POST /open311/v2/requests.:format': {
    request: async (c) => ({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: await clientKey(), jurisdiction_id: String(units[c.place].id), service_code: 'roads', description: `开放接口矩阵第${++seq}件`, lat: '25.04', long: '102.71' }).toString(),
    }),
    expect: everyone,
  },
  'GET /open311/v2/requests/:service_request_id.:format': { request: requestRoute('assigned', (r, place) => get(`/open311/v2/requests/${r.id}.json?jurisdiction_id=${units[place].id}`)), expect: everyone },
  'GET /open311/v2/tokens/:token_id.:format': { request: requestRoute('submitted', (r) => get(`/open311/v2/tokens/${r.code}.json`)), expect: everyone },
};

/** Part `part` (from 0) of `of`: its share of the routes, each case as declared in RULES. */
export function scopeMatrix(part: number, of: number): void {
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
    const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '本县' });
    units.parent = county;
    units.own = await ctx.newUnit({ parent: county, kind: 'region', name: '本镇' });
    units.sibling = await ctx.newUnit({ parent: county, kind: 'region', name: '邻镇' });
    units.other = await ctx.newUnit({ kind: 'region', level: 'county', name: '外县' });
    for (const place of PLACES) await ctx.newPerson({ unit: units[place], roles: ['staff'] });
    god = await ctx.as(['admin'], county);
    for (const who of WHO) callers[who] = await ctx.as([ROLE_OF[who] as 'staff'], units.own);
  });
  afterAll(() => ctx.close());

  describe(`authorization matrix: route × caller × place × owner (part ${part + 1} of ${of})`, () => {
    it.runIf(part === 0)('declares an expectation for every registered API route', () => {
      const missing = ctx.app.declaredRoutes.map((r) => `${r.method} ${r.url}`).filter((k) => !RULES[k]);
      expect(missing).toEqual([]);
    });

    // MATRIX_ONLY=/open311 (a URL prefix) runs one module's part while working on it.
    it('allows and refuses exactly as declared', { timeout: 1_800_000 }, async () => {
      const failures: string[] = [];
      let cases = 0;
      const routes = ctx.app.declaredRoutes.filter((_, i) => i % of === part);
      for (const r of routes.filter((x) => !process.env.MATRIX_ONLY || x.url.startsWith(process.env.MATRIX_ONLY))) {
        const key = `${r.method} ${r.url}`;
        const rule = RULES[key]!;
        if (key === 'POST /api/v1/auth/logout') continue; // would end the callers' sessions; tested in auth
        for (const who of WHO) {
          for (const place of PLACES) {
            const c = { who, place };
            const req = await rule.request(c);
            const client = callers[who];
            const res: LightMyRequestResponse = await ctx.inject({ ...req, headers: { ...(req.headers ?? {}), cookie: client.cookie, 'x-csrf-token': client.csrfToken } });
            const want = rule.expect(c);
            const got: Outcome = res.statusCode === 403 ? 'forbid' : res.statusCode === 404 ? 'hidden' : 'allow';
            cases += 1;
            if (got !== want || res.statusCode === 401 || res.statusCode >= 500) failures.push(`${key} as ${who} on ${place}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      console.log(`authorization matrix: ${cases} cases`);
    });
  });

  /**
   * The people and units named in an assignment, for every assigning caller (in T1) and every
   * place: co-units and a reassignment's new lead unit only inside the caller's scope; an
   * overseeing leader only one whose region covers the lead unit (T1's or the county's); milestone
   * owners only inside the lead unit. Refused is any 4xx; nothing is written for a refusal.
   */
  describe.runIf(part === 0)('assignment matrix: co-units, overseeing leaders, milestone owners, reassignment × caller × place', () => {
    it('names only what the caller may name', { timeout: 300_000 }, async () => {
      const assigners: Who[] = ['admin', 'supervisor', 'leader', 'unit_head'];
      const leaders = {} as Record<Place, { id: number }>;
      const staff = {} as Record<Place, { id: number }>;
      for (const place of PLACES) {
        leaders[place] = await ctx.newPerson({ unit: units[place], roles: ['leader'] });
        staff[place] = await ctx.newPerson({ unit: units[place], roles: ['staff'] });
      }
      // A co-unit is never the lead unit itself (400 since checkCoUnits): the co-unit cases lead
      // from an office inside T1, so naming T1 is naming a unit in scope that is not the lead.
      const ownOffice = await ctx.newUnit({ parent: units.own, name: '本镇办' });
      const failures: string[] = [];
      const check = (what: string, who: Who, place: Place, status: number, allowed: boolean) => {
        const ok = allowed ? status === 201 || status === 200 : status >= 400 && status < 500;
        if (!ok) failures.push(`${what} as ${who} naming ${place}: expected ${allowed ? 'allowed' : 'refused'}, got ${status}`);
      };
      for (const who of assigners) {
        const client = callers[who];
        for (const place of PLACES) {
          const base = { title: `指派矩阵 ${++seq}`, level: 'normal', leadUnitId: units.own.id, deadline: '2026-12-31' };
          const inScope = who === 'admin' || place === 'own';
          check('co-unit', who, place, (await client.post('/api/v1/tasks', { ...base, leadUnitId: ownOffice.id, coUnitIds: [units[place].id] })).statusCode, inScope);
          check('overseeing leader', who, place, (await client.post('/api/v1/tasks', { ...base, leaderId: leaders[place].id })).statusCode, place === 'own' || place === 'parent');
          check('milestone owner', who, place, (await client.post('/api/v1/tasks', { ...base, milestones: [{ title: '节点', due: '2026-12-20', ownerId: staff[place].id }] })).statusCode, place === 'own');
          const created = await client.post('/api/v1/tasks', base);
          const t = created.json<{ id: number; version: number }>();
          await ctx.handle.db.updateTable('task').set({ status: 'returned' }).where('id', '=', t.id).execute();
          check('reassign', who, place, (await client.post(`/api/v1/tasks/${t.id}/reassign`, { version: t.version, leadUnitId: units[place].id })).statusCode, inScope);
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
