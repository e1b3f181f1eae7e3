import { sql, type Insertable } from 'kysely';
import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { transact, type Db, type Executor } from '../../platform/db/index.ts';
import { badRequest, conflict, forbidden, notFound, PLATFORM_ERRORS } from '../../platform/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { DocumentService } from '../documents/service.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { PublicRequestService } from '../public/service.ts';
import type { ResearchService } from '../research/service.ts';
import type { TaskFactFilter } from '../tasks/facts-store.ts';
import type { TaskService } from '../tasks/service.ts';
import { SCOREBOARD_ERRORS } from './errors.ts';
import { boardSight, canManageCases, canReadBoard, canRecompute, canSeeCase, canSeePersonScore, canSeeUnitScore, caseSight } from './policy.ts';
import {
  asOfDay,
  caseTransition,
  changeOf,
  COMPONENT_RECORDS,
  componentScores,
  EMPTY_CITIZEN_FACTS,
  EMPTY_TASK_FACTS,
  expectedFieldDays,
  honourLists,
  isFinished,
  parsePeriod,
  peerOf,
  PERSON_COMPONENTS,
  periodOf,
  previousPeriod,
  rankWithin,
  totalScore,
  type CaseStatus,
  type CitizenFacts,
  type ComponentKey,
  type PeerGroup,
  type Period,
  type SubjectFacts,
  type TaskFacts,
} from './rules.ts';
import type { ScoreboardScoreTable } from './schema.ts';
import type { BoardRow, CaseRow, ScoreboardStore } from './store.ts';

export interface CaseInput {
  title: string;
  summary: string;
  body: string;
  tags?: string[] | undefined;
  unitId?: number | undefined;
  taskId?: number | undefined;
}

export interface ComputeResult {
  period: string;
  units: number;
  people: number;
  closed: boolean;
  /** Already closed before: left as it was. */
  skipped: boolean;
}

/** A board item as the API answers it: a unit head sees peers' ranks only (score and components null). */
export interface BoardItem {
  unitId: number;
  unitName: string;
  groupId: number;
  groupName: string;
  score: number | null;
  rank: number | null;
  change: number | null;
  full: boolean;
  components: { key: ComponentKey; name: string; score: number | null; weight: number }[];
}

/** The modules the facts come from, each through its service; one absent is "no data". */
export interface ScoreboardSources {
  tasks?: TaskService | undefined;
  publicRequests?: PublicRequestService | undefined;
  meetings?: MeetingService | undefined;
  documents?: DocumentService | undefined;
  research?: ResearchService | undefined;
}

/** One record behind a component, as the drill-down lists it (a link the web app opens). */
interface RecordItem {
  kind: 'meeting' | 'document' | 'visit' | 'finding';
  id: number;
  title: string;
  status: string;
  good: boolean;
  link: string;
  facts: Record<string, string | number | boolean | null>;
}

const TASK_FILTERS: Partial<Record<ComponentKey, TaskFactFilter>> = {
  on_time: 'on_time',
  sign: 'sign',
  feedback: 'feedback',
  progress: 'progress',
  overdue_days: 'overdue_days',
  extensions: 'extensions',
  escalations: 'escalations',
};

/**
 * 比学赶超: computes the efficiency index into the period table (a job, or on demand), answers
 * the board from one read of it, drills a score down to its components and each component to the
 * records behind it; and keeps the model cases (典型). Facts come from the other modules only
 * through their services (tasks, public requests); a module absent is "no data".
 */
export class ScoreboardService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly org: OrgService,
    private readonly store: ScoreboardStore,
    private readonly sources: ScoreboardSources,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** A period key from the API, or 400 naming the three forms. */
  parse(key: string | undefined): Period {
    if (key === undefined) return periodOf('month', this.today());
    const p = parsePeriod(key);
    if (!p) throw badRequest(`期间格式应为 YYYY-MM、YYYY-Qn 或 YYYY (period must be YYYY-MM, YYYY-Qn or YYYY), got "${key.slice(0, 20)}".`, [{ path: 'querystring.period', message: 'expected YYYY-MM, YYYY-Qn or YYYY' }]);
    return p;
  }

  // ——— computing ———

  /**
   * Computes one period into the table, unless it is closed (then left as it was). A finished
   * period (its last day passed) is closed by this computation, once and for good.
   */
  async computePeriod(period: Period, db: Executor = this.db): Promise<ComputeResult> {
    return transact(db, async (trx) => {
      // One computation of a period at a time (the hourly job, a recompute on demand, another node):
      // the second waits, then sees the period as the first left it — closed, or to be replaced.
      await sql`select pg_advisory_xact_lock(hashtext(${`mashang.scoreboard.${period.key}`}))`.execute(trx);
      const existing = await this.store.period(trx, period.key);
      if (existing?.closedAt) return { period: period.key, units: 0, people: 0, closed: true, skipped: true };
      const today = this.today();
      const asOf = asOfDay(period, today);
      const now = this.clock.now();
      const close = isFinished(period, today);
      const policyOf = await this.policy.snapshot(trx);
      const range = asOf ? { from: period.from, to: period.to, asOf } : null;

      const taskRows = range && this.sources.tasks ? await this.sources.tasks.unitFacts(range, trx) : [];
      const taskFacts = new Map<string, TaskFacts>();
      for (const r of taskRows) {
        taskFacts.set(`${r.subjectKind}:${r.subjectId}`, {
          active: r.active,
          due: r.due,
          onTime: r.onTime,
          signDue: r.signDue,
          signedOnTime: r.signedOnTime,
          urgingsDue: r.urgingsDue,
          urgingsAnsweredOnTime: r.urgingsAnsweredOnTime,
          reporting: r.reporting,
          reportsLate: r.reportsLate,
          overdueDays: r.overdueDays,
          extensions: r.extensions,
          escalations: { remind: r.remind, urge: r.urge, supervise: r.supervise, notice: r.notice, accountability: r.accountability },
        });
      }
      const citizen = new Map<number, CitizenFacts>();
      if (range && this.sources.publicRequests) {
        for (const r of await this.sources.publicRequests.unitFacts({ from: period.from, to: period.to }, trx)) {
          citizen.set(r.unitId, { volume: r.volume, onTime: r.onTime, rated: r.rated, satisfied: r.satisfied });
        }
      }
      // 进度报告按时 reads the tasks' state now: a finished period keeps what was measured while it ran
      // (the last computation inside it), or has no data for it.
      const past = asOf !== null && asOf < today;
      const measured = past && existing && shanghaiDate(existing.computedAt) < period.to ? await this.store.progressFacts(trx, period.key) : new Map<string, { reporting: number; late: number }>();
      const withProgress = (key: string, t: TaskFacts): Pick<SubjectFacts, 'tasks' | 'progress'> => {
        if (!past) return { tasks: t };
        const m = measured.get(key);
        return m ? { tasks: { ...t, reporting: m.reporting, reportsLate: m.late } } : { tasks: t, progress: 'past' };
      };
      const { meetings: meetingSource, documents: documentSource, research } = this.sources;
      // One after the other on the transaction's connection.
      const meetingRows = range && meetingSource ? await meetingSource.unitFacts(range, trx) : [];
      const documentRows = range && documentSource ? await documentSource.unitFacts(range, trx) : [];
      const leaderRows = range && research ? await research.leaderFieldDays(range, trx) : [];
      const findingRows = range && research ? await research.unitFindingFacts(range, trx) : [];
      const meetingFacts = new Map(meetingRows.map((r) => [r.unitId, r]));
      const documentFacts = new Map(documentRows.map((r) => [r.unitId, r]));
      const findingFacts = new Map(findingRows.map((r) => [r.unitId, r]));
      const leadersOf = new Map<number, typeof leaderRows>();
      for (const l of leaderRows) leadersOf.set(l.unitId, [...(leadersOf.get(l.unitId) ?? []), l]);
      const none = { count: 0, compliant: 0, lastYear: 0 };
      const factsOf = (key: string, unit: { id: number; path: string } | null): SubjectFacts => {
        const pol = unit ? policyOf(unit.path) : null;
        return {
          ...(this.sources.tasks ? withProgress(key, taskFacts.get(key) ?? EMPTY_TASK_FACTS) : {}),
          citizen: unit === null ? undefined : this.sources.publicRequests ? (citizen.get(unit.id) ?? EMPTY_CITIZEN_FACTS) : undefined,
          meetings: unit && pol && meetingSource ? { ...none, ...meetingFacts.get(unit.id), reductionPercent: pol.meetings.yearlyReductionPercent } : undefined,
          documents: unit && pol && documentSource ? { ...none, ...documentFacts.get(unit.id), reductionPercent: pol.documents.yearlyReductionPercent } : undefined,
          field:
            unit && pol && research && asOf
              ? { leaders: (leadersOf.get(unit.id) ?? []).map((l) => ({ days: l.days, expected: expectedFieldDays(pol.research.fieldDaysPerYear, l.rank, l.rankSince, period.from, asOf) })) }
              : undefined,
          findings: unit && research ? (findingFacts.get(unit.id) ?? { found: 0, resolved: 0 }) : undefined,
        };
      };

      const prev = previousPeriod(period);
      const before = prev ? await this.store.scoresOf(trx, prev.key) : new Map<string, number | null>();

      // Units in a peer group.
      const units = await this.store.units(trx);
      const unitRows = units.flatMap((u) => {
        const peer = peerOf(u, u.parentKind && u.parentLevel ? { kind: u.parentKind, level: u.parentLevel } : null);
        if (!peer) return [];
        const p = policyOf(u.path).scoreboard;
        const parts = componentScores(factsOf(`unit:${u.id}`, u), p);
        const total = totalScore(parts, p);
        return [{ u, peer: peer.peer, group: peer.group, parts, ...total }];
      });
      // People responsible for tasks (the task components only), ranked within their unit.
      const personIds = taskRows.filter((r) => r.subjectKind === 'person').map((r) => r.subjectId);
      const people = await this.store.people(trx, personIds);
      const personRows = people.map((person) => {
        const p = policyOf(person.unitPath).scoreboard;
        const parts = componentScores(factsOf(`person:${person.id}`, null), p, PERSON_COMPONENTS);
        return { person, group: person.unitId, parts, ...totalScore(parts, p) };
      });

      const rows: Insertable<ScoreboardScoreTable>[] = [];
      // Townships and departments are ranked apart even when they share a county (the group id).
      for (const peer of ['township', 'department']) {
        for (const r of rankWithin(unitRows.filter((x) => x.peer === peer))) {
          rows.push({
            period: period.key,
            subjectKind: 'unit',
            subjectId: r.u.id,
            peer,
            groupId: r.group,
            unitId: r.u.id,
            unitPath: r.u.path,
            name: r.u.name,
            score: r.score,
            rank: r.rank,
            change: changeOf(r.score, before.get(`unit:${r.u.id}`)),
            components: JSON.stringify(r.parts),
            brief: JSON.stringify(r.parts.map((c) => ({ key: c.key, name: c.name, score: c.score, weight: c.weight }))),
            explanation: r.explanation,
            computedAt: now,
          });
        }
      }
      for (const r of rankWithin(personRows)) {
        rows.push({
          period: period.key,
          subjectKind: 'person',
          subjectId: r.person.id,
          peer: 'person',
          groupId: r.group,
          unitId: r.person.unitId,
          unitPath: r.person.unitPath,
          name: r.person.name,
          score: r.score,
          rank: r.rank,
          change: changeOf(r.score, before.get(`person:${r.person.id}`)),
          components: JSON.stringify(r.parts),
          explanation: r.explanation,
          computedAt: now,
        });
      }
      await this.store.writePeriod(trx, period.key, rows, now, close);
      return { period: period.key, units: unitRows.length, people: personRows.length, closed: close, skipped: false };
    });
  }

  /**
   * The scheduled run: for each period kind of the policy, the current period (recomputed) and
   * the one before it (closed once, when not yet closed). In time order, so each change is
   * measured against a period already written.
   */
  async runScheduled(db: Executor = this.db): Promise<ComputeResult[]> {
    const policy = await this.policy.forUnitPath('', db);
    const today = this.today();
    const out: ComputeResult[] = [];
    for (const kind of policy.scoreboard.periodKinds) {
      const current = periodOf(kind, today);
      const prev = previousPeriod(current);
      if (prev) {
        const row = await this.store.period(db, prev.key);
        if (!row?.closedAt) out.push(await this.computePeriod(prev, db));
      }
      out.push(await this.computePeriod(current, db));
    }
    return out;
  }

  /** 立即重算 on demand (admins, supervisors): the given periods (not yet closed), or the scheduled set; audited. */
  async recompute(ctx: AuditContext, actor: Actor, periods: string[] | undefined): Promise<ComputeResult[]> {
    if (!canRecompute(actor)) throw forbidden('只有督查室和管理员可以重算 (only supervisors and admins may recompute the scoreboard).');
    const parsed = periods?.map((k) => this.parse(k));
    if (parsed?.some((p) => p.from > this.today())) throw badRequest('不能计算尚未开始的期间 (that period has not begun).');
    // The periods and the audit entry commit together, or none of them does.
    return transact(this.db, async (trx) => {
      const results = parsed ? [] : await this.runScheduled(trx);
      if (parsed) for (const p of [...parsed].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))) results.push(await this.computePeriod(p, trx));
      await appendAudit(trx, ctx, { action: 'scoreboard.recompute', objectType: 'scoreboard_period', objectId: null, after: results });
      return results;
    });
  }

  // ——— reading ———

  /** The board of a peer group for a period: one read of the period table, in the actor's sight; 红榜 / 黑榜 per county. */
  async board(actor: Actor, q: { period?: string | undefined; peer: PeerGroup; unitId?: number | undefined }) {
    if (!canReadBoard(actor)) throw forbidden('排名仅对督查室、领导、单位负责人和管理员开放 (the scoreboard is for supervisors, leaders, unit heads and admins).');
    const period = this.parse(q.period);
    const under = q.unitId ? await this.org.getUnit(actor, q.unitId) : undefined;
    const sight = boardSight(actor);
    const own = sight.ownUnitPath ? await this.store.score(this.db, period.key, 'unit', actor.unitId) : undefined;
    const ownGroupId = own && own.peer === q.peer ? own.groupId : null;
    // One statement in the common case: the rows carry the period's state; the policy is cached.
    const [rows, policy] = await Promise.all([
      this.store.board(this.db, { period: period.key, peer: q.peer, sight, ownGroupId, underPath: under?.path }),
      this.policy.forUnitPath(under?.path ?? actor.regionPath),
    ]);
    const first = rows[0];
    const state = first ? { computedAt: first.computedAt, closedAt: first.periodClosedAt } : await this.store.period(this.db, period.key);
    const items = rows.map(toBoardItem);
    const groups = new Map<number, BoardItem[]>();
    for (const i of items) groups.set(i.groupId, [...(groups.get(i.groupId) ?? []), i]);
    // 红榜 / 黑榜 are a group's top and bottom, whoever reads them: from the whole group's ranks when
    // the caller sees only part of it (a township leader, a unit filter), shown for the units they
    // see. A group is whole when the reader sees every unit under its unit (a county supervisor's
    // county) or its ranks as a unit head's own group, and no unit filter cuts it.
    const groupPaths = new Map(rows.map((r) => [r.groupId, r.groupPath]));
    const partial = under ? [...groups.keys()] : [...groups.keys()].filter((gid) => !sight.all && gid !== ownGroupId && !sight.full.some((p) => groupPaths.get(gid)!.startsWith(p)));
    const ranks = partial.length === 0 ? items : [...items.filter((i) => !partial.includes(i.groupId)), ...(await this.store.groupRanks(this.db, period.key, q.peer, partial))];
    const visible = new Set(items.map((i) => i.unitId));
    const red: number[] = [];
    const black: number[] = [];
    for (const gid of groups.keys()) {
      const lists = honourLists(ranks.filter((r) => r.groupId === gid), policy.scoreboard.honourListSize);
      red.push(...lists.red.map((x) => x.unitId).filter((id) => visible.has(id)));
      black.push(...lists.black.map((x) => x.unitId).filter((id) => visible.has(id)));
    }
    return { period: period.key, peer: q.peer, computedAt: state?.computedAt.toISOString() ?? null, closed: !!state?.closedAt, items, red, black };
  }

  /** A unit's score drilled down: each component's score, weight, formula and facts, its rank among how many peers. */
  async unitScore(actor: Actor, unitId: number, periodKey: string | undefined) {
    const period = this.parse(periodKey);
    const unit = await this.org.getUnit(actor, unitId);
    // No row (a unit that is not ranked: a county, an office; or the period not computed) is a 404 for whoever may read the unit.
    const row = await this.store.score(this.db, period.key, 'unit', unit.id);
    if (!row) throw notFound(SCOREBOARD_ERRORS.SCORE_NOT_FOUND, `${unit.id}@${period.key}`);
    if (!canSeeUnitScore(actor, unit.path)) throw forbidden('您无权查看该单位的得分 (this unit’s score is outside what you may see).');
    const [of, state] = await Promise.all([this.store.groupSize(this.db, period.key, row.peer, row.groupId), this.store.period(this.db, period.key)]);
    return {
      period: period.key,
      unit: { id: unit.id, name: unit.name },
      peer: row.peer,
      group: { id: row.groupId, name: row.groupName },
      score: row.score,
      rank: row.rank,
      of,
      change: row.change,
      explanation: row.explanation,
      computedAt: row.computedAt.toISOString(),
      closed: !!state?.closedAt,
      components: row.components.map((c) => ({ ...c, records: COMPONENT_RECORDS[c.key] })),
    };
  }

  /** The records behind one component of a unit's score: tasks, urgings' tasks or citizen requests, a page by id. */
  async componentRecords(actor: Actor, unitId: number, key: ComponentKey, q: { period?: string | undefined; limit: number; afterId?: number | undefined }) {
    const period = this.parse(q.period);
    const unit = await this.org.getUnit(actor, unitId);
    if (!canSeeUnitScore(actor, unit.path)) throw forbidden('您无权查看该单位的得分 (this unit’s score is outside what you may see).');
    return this.records({ unitId: unit.id }, key, period, q);
  }

  private async records(subject: { unitId: number } | { personId: number }, key: ComponentKey, period: Period, q: { limit: number; afterId?: number | undefined }) {
    const asOf = asOfDay(period, this.today());
    const range = asOf ? { from: period.from, to: period.to, asOf } : null;
    const base = { period: period.key, component: key, records: COMPONENT_RECORDS[key] };
    const taskFilter = TASK_FILTERS[key];
    if (taskFilter) {
      const ledger = { path: '/api/v1/tasks', query: { ...('unitId' in subject ? { unitId: subject.unitId } : { responsibleId: subject.personId }), deadlineFrom: period.from, deadlineTo: asOf ?? period.from } };
      // A finished period's progress reports cannot be read from today's state: nothing listed for it.
      const pastProgress = key === 'progress' && asOf !== null && asOf < this.today();
      if (!range || !this.sources.tasks || pastProgress) return { ...base, ledger, items: [], nextCursor: null as number | null };
      const rows = await this.sources.tasks.unitFactTasks(range, subject, taskFilter, { limit: q.limit + 1, afterId: q.afterId });
      const items = rows.slice(0, q.limit).map((t) => ({
        kind: 'task' as const,
        id: t.id,
        title: t.title,
        status: t.status,
        good: t.good,
        link: `/tasks/${t.id}`,
        facts: { deadline: t.deadline, submittedOn: t.submittedOn, signDue: t.signDue, signedAt: t.signedAt?.toISOString() ?? null, overdueDays: t.overdueDays, extensions: t.extensions, urgingsDue: t.urgingsDue, urgingsOnTime: t.urgingsOnTime, escalations: t.escalations },
      }));
      return { ...base, ledger, items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
    }
    if ((key === 'citizen_on_time' || key === 'citizen_satisfaction') && 'unitId' in subject) {
      const ledger = { path: '/api/v1/citizen-requests', query: { unitId: subject.unitId } };
      if (!range || !this.sources.publicRequests) return { ...base, ledger, items: [], nextCursor: null };
      const rows = await this.sources.publicRequests.unitFactRequests(subject.unitId, { from: period.from, to: period.to }, { limit: q.limit + 1, afterId: q.afterId });
      const items = rows.slice(0, q.limit).map((r) => ({
        kind: 'request' as const,
        id: r.id,
        title: `${r.category}`,
        status: r.status,
        good: r.onTime,
        link: `/citizen-requests/${r.id}`,
        facts: { submittedAt: r.submittedAt.toISOString(), deadline: r.deadline, answeredAt: r.answeredAt?.toISOString() ?? null },
      }));
      return { ...base, ledger, items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
    }
    if ('unitId' in subject && (key === 'meetings' || key === 'documents' || key === 'field_days' || key === 'findings')) {
      const unitId = subject.unitId;
      const page = { limit: q.limit + 1, afterId: q.afterId };
      const done = <T extends { id: number }>(ledger: { path: string; query: Record<string, string | number> } | null, rows: T[], item: (r: T) => RecordItem) => {
        const items = rows.slice(0, q.limit).map(item);
        return { ...base, ledger, items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
      };
      if (key === 'meetings') {
        const ledger = { path: '/api/v1/meetings', query: { unitId } };
        if (!range || !this.sources.meetings) return { ...base, ledger, items: [], nextCursor: null };
        return done(ledger, await this.sources.meetings.unitFactMeetings(range, unitId, page), (m) => ({
          kind: 'meeting' as const,
          id: m.id,
          title: m.title,
          status: m.status,
          good: m.compliant,
          link: `/meetings/${m.id}`,
          facts: { startsAt: m.startsAt.toISOString(), blockingFindings: m.blocks },
        }));
      }
      if (key === 'documents') {
        const ledger = { path: '/api/v1/documents', query: { unitId } };
        if (!range || !this.sources.documents) return { ...base, ledger, items: [], nextCursor: null };
        return done(ledger, await this.sources.documents.unitFactDocuments(range, unitId, page), (d) => ({
          kind: 'document' as const,
          id: d.id,
          title: d.title,
          status: 'issued',
          good: d.compliant,
          link: `/documents/${d.id}`,
          facts: { number: d.number, issuedAt: d.issuedAt.toISOString(), verdict: d.verdict },
        }));
      }
      if (key === 'field_days') {
        if (!range || !this.sources.research) return { ...base, ledger: null, items: [], nextCursor: null };
        return done(null, await this.sources.research.unitFactVisits(range, unitId, page), (v) => ({
          kind: 'visit' as const,
          id: v.id,
          title: v.purpose,
          status: v.halfDay ? 'half_day' : 'days',
          good: true,
          link: '/field-work',
          facts: { startDate: v.startDate, endDate: v.endDate, halfDay: v.halfDay, people: v.people.join('、') },
        }));
      }
      if (!range || !this.sources.research) return { ...base, ledger: null, items: [], nextCursor: null };
      return done(null, await this.sources.research.unitFactFindings(range, unitId, page), (f) => ({
        kind: 'finding' as const,
        id: f.id,
        title: f.problem,
        status: f.resolved ? 'resolved' : f.taskId ? 'open' : 'no_task',
        good: f.resolved,
        link: f.taskId ? `/tasks/${f.taskId}` : '/field-work',
        facts: { visitId: f.visitId, taskId: f.taskId },
      }));
    }
    return { ...base, ledger: null, items: [], nextCursor: null };
  }

  /** People's scores (the task components) in a unit: who oversees it sees all; a person themself only their own. */
  async people(actor: Actor, q: { period?: string | undefined; unitId?: number | undefined }) {
    const period = this.parse(q.period);
    const unit = await this.org.getUnit(actor, q.unitId ?? actor.unitId);
    const full = canSeeUnitScore(actor, unit.path);
    if (!full && unit.id !== actor.unitId) throw forbidden('您无权查看该单位人员的得分 (people’s scores of this unit are outside what you may see).');
    const rows = await this.store.peopleOf(this.db, period.key, unit.id, full ? undefined : actor.personId);
    return {
      period: period.key,
      unit: { id: unit.id, name: unit.name },
      items: rows.map((r) => ({
        personId: r.subjectId,
        name: r.name,
        score: r.score,
        rank: r.rank,
        change: r.change,
        explanation: r.explanation,
        components: r.components.map((c) => ({ ...c, records: COMPONENT_RECORDS[c.key] })),
      })),
    };
  }

  /** The tasks behind one component of a person's score. */
  async personRecords(actor: Actor, personId: number, key: ComponentKey, q: { period?: string | undefined; limit: number; afterId?: number | undefined }) {
    const period = this.parse(q.period);
    if (!PERSON_COMPONENTS.includes(key)) throw badRequest(`个人得分不含该分项 (a person’s score has no component ${key}).`);
    const [person] = await this.org.peopleWithScope([personId]);
    if (!person) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, personId);
    if (!canSeePersonScore(actor, { id: person.id, unitPath: person.unitPath })) throw forbidden('您无权查看该人员的得分 (this person’s score is outside what you may see).');
    return this.records({ personId }, key, period, q);
  }

  // ——— model cases (典型) ———

  private async caseFor(actor: Actor, id: number, db: Executor): Promise<CaseRow> {
    const c = await this.store.caseById(db, id);
    if (!c || !canSeeCase(actor, c)) throw notFound(SCOREBOARD_ERRORS.SCORE_CASE_NOT_FOUND, id);
    return c;
  }

  /** 推荐典型: a supervisor over the unit (or an admin) nominates a task (its lead unit by default) or a practice of a unit. */
  async nominate(ctx: AuditContext, actor: Actor, input: CaseInput): Promise<CaseRow> {
    return transact(this.db, async (trx) => {
      let unitId = input.unitId;
      if (input.taskId !== undefined) {
        const [state] = this.sources.tasks ? await this.sources.tasks.states([input.taskId], trx) : [];
        if (!state) throw badRequest(`任务 ${input.taskId} 不存在 (task ${input.taskId} does not exist).`, [{ path: 'body.taskId', message: 'no such task' }]);
        // A case cites a task of the supervisor's own region: once selected, everyone sees which task it is.
        if (!canManageCases(actor, state.task.leadUnitPath)) throw forbidden('只能推荐本区域单位主办的任务为典型 (only a task led by a unit in your region can be nominated).');
        unitId ??= state.task.leadUnitId;
      }
      if (unitId === undefined) throw badRequest('请指定单位或任务 (name the unit or the task the case is about).', [{ path: 'body.unitId', message: 'required without taskId' }]);
      const unit = await this.org.getUnit(actor, unitId, trx);
      if (!canManageCases(actor, unit.path)) throw forbidden('只有该单位所在区域的督查室可以推荐典型 (only the supervisors over this unit may nominate its model cases).');
      const now = this.clock.now();
      const { id } = await this.store.insertCase(trx, {
        title: input.title,
        summary: input.summary,
        body: input.body,
        tags: [...new Set(input.tags ?? [])],
        unitId: unit.id,
        taskId: input.taskId ?? null,
        status: 'nominated',
        year: Number(shanghaiDate(now).slice(0, 4)),
        nominatedBy: actor.personId,
        createdAt: now,
        updatedAt: now,
      });
      const row = (await this.store.caseById(trx, id))!;
      await appendAudit(trx, ctx, { action: 'scoreboard.case.nominate', objectType: 'model_case', objectId: id, after: row });
      return row;
    });
  }

  /** Edits a case's write-up (title, summary, body, tags) while it is 推荐 or after; optimistic on `version`. */
  async updateCase(ctx: AuditContext, actor: Actor, id: number, version: number, patch: Partial<Pick<CaseInput, 'title' | 'summary' | 'body' | 'tags'>>): Promise<CaseRow> {
    return transact(this.db, async (trx) => {
      const before = await this.caseFor(actor, id, trx);
      if (!canManageCases(actor, before.unitPath)) throw forbidden('只有该单位所在区域的督查室可以修改典型 (only the supervisors over this unit may edit its model cases).');
      const set = { ...patch, ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}), updatedAt: this.clock.now() };
      if (!(await this.store.updateCase(trx, id, version, set))) throw conflict(SCOREBOARD_ERRORS.SCORE_CASE_STALE, `典型已被他人修改，请刷新后重试 (the case changed since version ${version}; reload it).`, { version: before.version });
      const row = (await this.store.caseById(trx, id))!;
      await appendAudit(trx, ctx, { action: 'scoreboard.case.update', objectType: 'model_case', objectId: id, before, after: row });
      return row;
    });
  }

  /** 入选 / 未入选: a supervisor over the unit (or an admin) decides a nominated case. */
  async decideCase(ctx: AuditContext, actor: Actor, id: number, version: number, action: 'select' | 'reject', note?: string): Promise<CaseRow> {
    return transact(this.db, async (trx) => {
      const before = await this.caseFor(actor, id, trx);
      if (!canManageCases(actor, before.unitPath)) throw forbidden('只有该单位所在区域的督查室可以评定典型 (only the supervisors over this unit may decide its model cases).');
      const to = caseTransition(before.status, action);
      if (!to) throw conflict(SCOREBOARD_ERRORS.SCORE_CASE_DECIDED, `典型当前状态不允许该操作 (a case in state ${before.status} cannot be ${action === 'select' ? 'selected' : 'rejected'}).`, { status: before.status });
      const now = this.clock.now();
      if (!(await this.store.updateCase(trx, id, version, { status: to, decidedBy: actor.personId, decidedAt: now, decisionNote: note ?? null, updatedAt: now }))) {
        throw conflict(SCOREBOARD_ERRORS.SCORE_CASE_STALE, `典型已被他人修改，请刷新后重试 (the case changed since version ${version}; reload it).`, { version: before.version });
      }
      const row = (await this.store.caseById(trx, id))!;
      await appendAudit(trx, ctx, { action: `scoreboard.case.${action}`, objectType: 'model_case', objectId: id, before, after: row });
      return row;
    });
  }

  /** A case, if the actor may read it (else 404, as for one that does not exist). */
  getCase(actor: Actor, id: number): Promise<CaseRow> {
    return this.caseFor(actor, id, this.db);
  }

  /** The case library (q, unit subtree, tag, year, status), newest first, a page. */
  async listCases(
    actor: Actor,
    f: { q?: string | undefined; unitId?: number | undefined; tag?: string | undefined; year?: number | undefined; status?: CaseStatus | undefined; taskId?: number | undefined },
    page: { limit: number; beforeId?: number | undefined },
  ): Promise<CaseRow[]> {
    const under = f.unitId ? await this.org.getUnit(actor, f.unitId) : undefined;
    return this.store.cases(this.db, { sight: caseSight(actor), q: f.q, underPath: under?.path, tag: f.tag, year: f.year, status: f.status, taskId: f.taskId }, { limit: page.limit + 1, beforeId: page.beforeId });
  }

  /**
   * For the reports (季通报, 年度考评): the cases selected (入选) in a period, optionally under a
   * unit's subtree — no actor check (the caller's service decides who reads its report).
   */
  async selectedCases(periodKey: string, opts: { underPath?: string | undefined } = {}, db: Executor = this.db): Promise<CaseRow[]> {
    const period = this.parse(periodKey);
    return this.store.cases(
      db,
      { sight: { all: true, subtrees: [], personId: 0 }, status: 'selected', underPath: opts.underPath, decidedFrom: new Date(`${period.from}T00:00:00+08:00`), decidedTo: new Date(`${period.to}T00:00:00+08:00`) },
      { limit: 500 },
    );
  }

  /**
   * For the reports: a period's board of a peer group under a unit's subtree (every unit, no
   * actor check), by group and rank; empty when the period was not computed.
   */
  async rankings(periodKey: string, peer: PeerGroup, opts: { underPath?: string | undefined } = {}, db: Executor = this.db): Promise<BoardItem[]> {
    const period = this.parse(periodKey);
    const rows = await this.store.board(db, { period: period.key, peer, sight: { all: true, full: [], ownUnitPath: null }, ownGroupId: null, underPath: opts.underPath });
    return rows.map(toBoardItem);
  }

  /** Admins see whether any period was computed (the page's empty state). */
  async computedPeriods(actor: Actor) {
    if (!canReadBoard(actor) && !hasRole(actor, 'admin')) throw forbidden('排名仅对督查室、领导、单位负责人和管理员开放 (the scoreboard is for supervisors, leaders, unit heads and admins).');
    const rows = await this.store.periods(this.db, 60);
    return { items: rows.map((r) => ({ period: r.period, computedAt: r.computedAt.toISOString(), closed: r.closedAt !== null })) };
  }
}

function toBoardItem(r: BoardRow): BoardItem {
  return {
    unitId: r.unitId,
    unitName: r.unitName,
    groupId: r.groupId,
    groupName: r.groupName,
    rank: r.rank,
    full: r.full,
    score: r.full ? r.score : null,
    change: r.full ? r.change : null,
    components: r.components,
  };
}

