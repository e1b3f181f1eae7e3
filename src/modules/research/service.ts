import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, RANKS, type Actor, type Rank } from '../../platform/auth/actor.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { rowExists, transact, type Db, type Executor } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, notFound, PLATFORM_ERRORS } from '../../platform/errors.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import { openWorkbook, sheetTable, writeWorkbook } from '../../platform/xlsx.ts';
import type { TaskTransition } from '../tasks/events.ts';
import type { FeedEvent } from '../tasks/ics.ts';
import type { TaskLevel } from '../tasks/rules.ts';
import type { TaskRow, TaskService, TaskState } from '../tasks/service.ts';
import { RESEARCH_ERRORS } from './errors.ts';
import { canActFor, canAssign, canManagePlaces, canSeePlacesUnder, canSeeStatsOf, canSeeVisit, visitSight } from './policy.ts';
import {
  COUNTY_LEVEL_RANKS,
  PLACE_KIND_NAMES,
  PLACE_KINDS,
  PLACE_TAGS,
  VISIT_KIND_NAMES,
  fieldDates,
  isResolved,
  monthOf,
  behindNotice,
  quotaOf,
  showcaseHeavy,
  showcaseStats,
  unvisitedVillages,
  visitDatesProblem,
  type PlaceKind,
  type Quota,
  type Severity,
  type ShowcaseStats,
  type StatFinding,
  type StatVisit,
  type VisitKind,
} from './rules.ts';
import type { PlaceFilter, ResearchStore, VisitFilter, VisitViewer } from './store.ts';
import { findingFactRecords, findingFacts, leaderDays, visitFactRecords, type FactsRange as ResearchFactsRange } from './facts-store.ts';

export interface PlaceInput {
  townshipId: number;
  name: string;
  kind: PlaceKind;
  tags?: string[] | undefined;
}

export interface FindingInput {
  problem: string;
  placeId?: number | undefined;
  category?: string | undefined;
  severity?: Severity | undefined;
}

export interface VisitInput {
  personIds: number[];
  startDate: string;
  endDate: string;
  halfDay?: boolean | undefined;
  kind: VisitKind;
  placeIds?: number[] | undefined;
  unannounced?: boolean | undefined;
  purpose: string;
  seen?: string | undefined;
  peopleMet?: string | undefined;
  findings?: FindingInput[] | undefined;
}

export interface FindingTaskInput {
  title?: string | undefined;
  leadUnitId: number;
  responsibleId?: number | undefined;
  deadline: string | { workdays: number };
  level?: TaskLevel | undefined;
}

export type PlaceRow = NonNullable<Awaited<ReturnType<ResearchStore['placeById']>>>;
type VisitRowBase = NonNullable<Awaited<ReturnType<ResearchStore['visitById']>>>;

/** A visit as its page shows it: its people, places and findings (each with its task's light and status). */
export interface VisitDetail {
  visit: VisitRowBase;
  people: { id: number; name: string; title: string | null; unitName: string }[];
  places: { id: number; name: string; kind: PlaceKind; tags: string[]; townshipName: string }[];
  findings: (Awaited<ReturnType<ResearchStore['findings']>>[number] & { task: TaskState | null })[];
  canAssign: boolean;
}

export interface PersonFacts {
  id: number;
  name: string;
  title: string | null;
  rank: Rank;
  rankSince: string | null;
  unitName: string;
  unitPath: string;
}

/** A row of the per-leader annual table (年度一线工作台账). */
export interface AnnualRow {
  person: { id: number; name: string; title: string | null; unitName: string; rank: Rank };
  quota: Quota;
  visits: number;
  byKind: Record<VisitKind, number>;
  unannounced: number;
  places: number;
  villages: number;
  findings: number;
  findingsWithTask: number;
  findingsResolved: number;
}

export interface LeaderStats extends ShowcaseStats {
  person: { id: number; name: string; title: string | null; unitName: string };
  villagesUnvisited: number;
  showcaseHeavy: boolean;
}

export interface ResearchStats {
  unit: { id: number; name: string };
  year: number;
  villages: number;
  /** Villages no county-level leader visited this year ("this term": the current year). */
  unvisitedVillages: { id: number; name: string; townshipName: string }[];
  county: ShowcaseStats;
  leaders: LeaderStats[];
}


const SEVERITY_LEVEL: Record<Severity, TaskLevel> = { low: 'normal', medium: 'normal', high: 'key' };
const TAG_SET = new Set<string>(PLACE_TAGS);
const KIND_BY_NAME = new Map<string, PlaceKind>([...PLACE_KINDS.map((k) => [k, k] as const), ...Object.entries(PLACE_KIND_NAMES).map(([k, n]) => [n, k as PlaceKind] as const), ['村', 'village'], ['项目', 'project'], ['医院', 'clinic']]);

const yearOf = (date: string) => Number(date.slice(0, 4));
/** People per quota query. */
const QUOTA_CHUNK = 2000;
const emptyByKind = (): Record<VisitKind, number> => ({ survey: 0, onsite: 0, petition: 0, stationed: 0, inspection: 0 });

/**
 * 一线工作法: places, field visits with their findings, findings turned into supervised tasks (in
 * the same transaction), the quota against `policy.research`, the per-leader annual table, the
 * coverage and showcase statistics, the monthly warning of who is behind — each write one
 * transaction with its audit entry.
 */
export class ResearchService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly tasks: TaskService,
    private readonly store: ResearchStore,
  ) {
    // 马上就反馈: a finding's task verified — the people on the visit hear of it.
    tasks.subscribe('research', (trx, t) => this.onTaskVerified(trx, t), ['verified']);
    // A task from research names a finding (调研发现) that exists.
    tasks.setSourceCheck('research', async (db, _actor, id) => ((await rowExists(db, 'fieldFinding', id)) ? null : `调研发现 ${id} 不存在 (field finding not found).`));
  }

  /** For the scoreboard (比学赶超): every leader's field days in the span (one grouped query). */
  leaderFieldDays(range: ResearchFactsRange, db: Executor = this.db) {
    return leaderDays(db, range);
  }

  /** For the scoreboard: per unit, the findings of its people's visits in the span and those resolved by its last day (one grouped query). */
  unitFindingFacts(range: ResearchFactsRange, db: Executor = this.db) {
    return findingFacts(db, range);
  }

  /** The visits of one unit's leaders in the span: a page by id. */
  unitFactVisits(range: ResearchFactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }, db: Executor = this.db) {
    return visitFactRecords(db, range, unitId, page);
  }

  /** The findings of one unit's people's visits in the span: a page by id. */
  unitFactFindings(range: ResearchFactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }, db: Executor = this.db) {
    return findingFactRecords(db, range, unitId, page);
  }

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  private viewer(actor: Actor): VisitViewer {
    return { sight: visitSight(actor), personId: actor.personId };
  }

  /** People with their rank, 任职日期 and unit (missing ids left out). */
  private async facts(ids: readonly number[], db: Executor): Promise<PersonFacts[]> {
    if (!ids.length) return [];
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name', 'p.title', 'p.rank', 'p.rankSince', 'u.name as unitName', 'u.path as unitPath'])
      .where('p.id', 'in', [...new Set(ids)])
      .where('p.active', '=', true)
      .execute();
  }

  private async township(id: number, db: Executor) {
    const u = await db.selectFrom('unit').select(['id', 'name', 'path', 'kind', 'level', 'active']).where('id', '=', id).executeTakeFirst();
    if (!u?.active || u.kind !== 'region' || u.level !== 'township') throw badRequest(`乡镇 ${id} 不存在或不是乡镇 (townshipId must be an active township).`, { field: 'townshipId' });
    return u;
  }

  // --- places ---

  private checkTags(tags: readonly string[]): string[] {
    const bad = tags.filter((t) => !TAG_SET.has(t));
    if (bad.length) throw badRequest(`标签无效 (unknown tags): ${bad.join('、')}；可用：${PLACE_TAGS.join('/')}`, { field: 'tags' });
    return [...new Set(tags)];
  }

  /** 新增地点 (行政村, 社区, …) under a township of the supervisor's region. */
  async createPlace(ctx: AuditContext, actor: Actor, input: PlaceInput, trx?: Executor): Promise<PlaceRow> {
    return transact(trx ?? this.db, async (tx) => {
      const t = await this.township(input.townshipId, tx);
      if (!canManagePlaces(actor, t.path)) throw forbidden('只有该地区的督查人员或管理员可以维护地点 (only the region’s supervisors and admins manage places).');
      const tags = this.checkTags(input.tags ?? []);
      if (await this.store.placeNamed(tx, t.id, input.name)) throw conflict(RESEARCH_ERRORS.PLACE_EXISTS, `${t.name}已有名为「${input.name}」的地点 (a place of that name exists in the township).`, { field: 'name' });
      const row = await this.store.insertPlace(tx, { townshipId: t.id, name: input.name, kind: input.kind, tags, createdAt: ctx.now, updatedAt: ctx.now });
      await appendAudit(tx, ctx, { action: 'research.place.create', objectType: 'research_place', objectId: row.id, after: row });
      return { ...row, townshipName: t.name, townshipPath: t.path };
    });
  }

  private async placeFor(actor: Actor, id: number, db: Executor): Promise<PlaceRow> {
    const p = await this.store.placeById(db, id);
    if (!p) throw notFound(RESEARCH_ERRORS.PLACE_NOT_FOUND, id);
    if (!canSeePlacesUnder(actor, p.townshipPath)) throw forbidden('该地点不在您的可见范围内 (this place is outside what you may see).');
    return p;
  }

  /** A place the actor may see. */
  getPlace(actor: Actor, id: number): Promise<PlaceRow> {
    return this.placeFor(actor, id, this.db);
  }

  /** 修改地点: name, kind, tags, township, active (retired places stay on old visits). */
  async updatePlace(ctx: AuditContext, actor: Actor, id: number, patch: Partial<PlaceInput> & { active?: boolean | undefined }): Promise<PlaceRow> {
    return transact(this.db, async (tx) => {
      const before = await this.placeFor(actor, id, tx);
      if (!canManagePlaces(actor, before.townshipPath)) throw forbidden('只有该地区的督查人员或管理员可以维护地点 (only the region’s supervisors and admins manage places).');
      let t = { id: before.townshipId, name: before.townshipName, path: before.townshipPath };
      if (patch.townshipId !== undefined && patch.townshipId !== before.townshipId) {
        t = await this.township(patch.townshipId, tx);
        if (!canManagePlaces(actor, t.path)) throw forbidden('只能把地点移到您管辖的乡镇 (move a place only to a township in your scope).', { field: 'townshipId' });
      }
      const name = patch.name ?? before.name;
      const active = patch.active ?? before.active;
      if (active && (await this.store.placeNamed(tx, t.id, name, id))) throw conflict(RESEARCH_ERRORS.PLACE_EXISTS, `${t.name}已有名为「${name}」的地点 (a place of that name exists in the township).`, { field: 'name' });
      const row = await this.store.updatePlace(tx, id, {
        townshipId: t.id,
        name,
        kind: patch.kind ?? before.kind,
        tags: patch.tags ? this.checkTags(patch.tags) : before.tags,
        active,
        updatedAt: ctx.now,
      });
      await appendAudit(tx, ctx, { action: 'research.place.update', objectType: 'research_place', objectId: id, before, after: row });
      return { ...row, townshipName: t.name, townshipPath: t.path };
    });
  }

  /** A page of the places under a unit the actor may see (default: their region). */
  async listPlaces(actor: Actor, f: Omit<PlaceFilter, 'unitPath'> & { unitId?: number | undefined }, page: { limit: number; after?: number | undefined }) {
    const unitPath = f.unitId ? (await this.org.getUnit(actor, f.unitId)).path : hasRole(actor, 'admin') ? undefined : actor.regionPath;
    // Above the caller's region (the county a township's staff belong to): their region's places only.
    const path = unitPath && !hasRole(actor, 'admin') && actor.regionPath.startsWith(unitPath) ? actor.regionPath : unitPath;
    if (path && !canSeePlacesUnder(actor, path)) throw forbidden('该单位不在您的可见范围内 (this unit is outside what you may see).');
    return this.store.listPlaces(this.db, { ...f, unitPath: path }, page);
  }

  /**
   * 导入地点 (XLSX): columns 乡镇, 名称, 类别, 标签 (标签 separated by 、 or commas). Every row is
   * checked first — the township (by name or code, in the importer's scope), the name (unique
   * in its township, in the file and in the database), the kind, the tags — and any error
   * imports nothing, listing every row at fault.
   */
  async importPlaces(ctx: AuditContext, actor: Actor, content: Buffer): Promise<{ imported: number }> {
    const wb = await openWorkbook(content);
    if (!wb) throw badRequest('不是有效的 XLSX 工作簿 (not a valid .xlsx workbook).');
    const header: Record<string, string> = { 乡镇: 'township', 乡镇代码: 'township', 名称: 'name', 地点: 'name', 类别: 'kind', 类型: 'kind', 标签: 'tags' };
    const ws = wb.worksheets[0];
    if (!ws) throw badRequest('工作簿中没有工作表 (the workbook has no sheet).');
    const table = sheetTable(ws, { header: (h) => header[h.trim()] });
    const missing = ['township', 'name', 'kind'].filter((c) => !table.columns.includes(c));
    if (missing.length) throw new AppError(PLATFORM_ERRORS.IMPORT_INVALID, `缺少列 (missing columns): ${missing.map((c) => ({ township: '乡镇', name: '名称', kind: '类别' })[c]).join('、')}`, { errors: [`missing columns: ${missing.join(', ')}`] });
    if (table.rows.length > 5000) throw new AppError(PLATFORM_ERRORS.IMPORT_INVALID, '一次最多导入 5000 个地点 (at most 5,000 places per file).', { errors: ['too many rows'] });
    return transact(this.db, async (trx) => {
      const townships = await trx
        .selectFrom('unit')
        .select(['id', 'name', 'code', 'path'])
        .where('kind', '=', 'region')
        .where('level', '=', 'township')
        .where('active', '=', true)
        .where((eb) => eb.or([eb('name', 'in', [...new Set(table.rows.map((r) => r.cells.township ?? ''))]), eb('code', 'in', [...new Set(table.rows.map((r) => r.cells.township ?? ''))])]))
        .execute();
      const errors: string[] = [];
      const seen = new Set<string>();
      const rows: { townshipId: number; name: string; kind: PlaceKind; tags: string[]; where: string }[] = [];
      for (const { line, cells } of table.rows) {
        const where = `第 ${line} 行 (row ${line})`;
        const problems: string[] = [];
        const named = townships.filter((t) => (t.name === cells.township || t.code === cells.township) && canManagePlaces(actor, t.path));
        if (!cells.township) problems.push('缺少乡镇 (township is empty)');
        else if (named.length === 0) problems.push(`乡镇「${cells.township}」不存在或不在您的管辖范围内 (township not found in your scope)`);
        else if (named.length > 1) problems.push(`乡镇「${cells.township}」重名，请填写乡镇代码 (ambiguous township name: give its code)`);
        const name = (cells.name ?? '').trim();
        if (!name) problems.push('缺少名称 (name is empty)');
        else if (name.length > 100 || /\p{Cc}/u.test(name)) problems.push('名称过长或含控制字符 (name: at most 100 characters, no control characters)');
        const kind = KIND_BY_NAME.get((cells.kind ?? '').trim());
        if (!kind) problems.push(`类别「${cells.kind ?? ''}」无效 (kind: ${Object.values(PLACE_KIND_NAMES).join('/')})`);
        const tags = (cells.tags ?? '').split(/[,，、;；\s]+/).filter(Boolean);
        const badTags = tags.filter((t) => !TAG_SET.has(t));
        if (badTags.length) problems.push(`标签无效 (unknown tags): ${badTags.join('、')}`);
        const t = named.length === 1 ? named[0]! : undefined;
        if (t && name) {
          const key = `${t.id}\u0000${name}`;
          if (seen.has(key)) problems.push(`「${name}」在文件中重复 (name repeated in the file)`);
          else if (await this.store.placeNamed(trx, t.id, name)) problems.push(`${t.name}已有「${name}」(a place of that name exists)`);
          seen.add(key);
        }
        if (problems.length) errors.push(...problems.map((p) => `${where}: ${p}`));
        else rows.push({ townshipId: t!.id, name, kind: kind!, tags: [...new Set(tags)], where });
      }
      if (errors.length) throw new AppError(PLATFORM_ERRORS.IMPORT_INVALID, `导入失败，共 ${errors.length} 处错误，未导入任何地点 (nothing imported):\n${errors.slice(0, 50).join('\n')}`, { errors });
      for (const r of rows) await this.store.insertPlace(trx, { townshipId: r.townshipId, name: r.name, kind: r.kind, tags: r.tags, createdAt: ctx.now, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'research.place.import', objectType: 'research_place', objectId: null, after: { imported: rows.length } });
      return { imported: rows.length };
    });
  }

  // --- visits ---

  /**
   * 记录一线调研: the people (the actor themself, or people they oversee), the dates, the places
   * (active, under townships the actor's region may see), the findings — in one transaction.
   */
  async createVisit(ctx: AuditContext, actor: Actor, input: VisitInput, trx?: Executor): Promise<VisitDetail> {
    const { id } = await this.logVisit(ctx, actor, input, trx);
    return this.getVisit(actor, id, trx);
  }

  /** 记录一线调研 without reading it back: the visit's id and its findings' ids (the demo logs hundreds in one transaction). */
  async logVisit(ctx: AuditContext, actor: Actor, input: VisitInput, trx?: Executor): Promise<{ id: number; findingIds: number[] }> {
    const problem = visitDatesProblem({ startDate: input.startDate, endDate: input.endDate, halfDay: input.halfDay ?? false });
    if (problem) throw badRequest(problem, { field: 'endDate' });
    if (input.endDate > this.addDays(this.today(), 1)) throw badRequest('不能登记尚未发生的调研 (a visit is logged once it has happened).', { field: 'endDate' });
    return transact(trx ?? this.db, async (tx) => {
      const personIds = [...new Set(input.personIds)];
      const people = await this.facts(personIds, tx);
      const missing = personIds.filter((pid) => !people.some((p) => p.id === pid));
      if (missing.length) throw badRequest(`人员不存在或已停用 (people not found): ${missing.join(', ')}`, { field: 'personIds' });
      const foreign = people.filter((p) => !canActFor(actor, p));
      if (foreign.length) throw forbidden(`只能为本人或您管辖范围内的人员登记调研 (you may log visits only for yourself and people you oversee): ${foreign.map((p) => p.name).join('、')}`, { field: 'personIds' });
      const placeIds = [...new Set([...(input.placeIds ?? []), ...(input.findings ?? []).flatMap((f) => (f.placeId ? [f.placeId] : []))])];
      const places = await this.store.placesByIds(tx, placeIds);
      const badPlaces = placeIds.filter((pid) => !places.some((p) => p.id === pid && p.active && canSeePlacesUnder(actor, p.townshipPath)));
      if (badPlaces.length) throw badRequest(`地点不存在或不在您的地区 (places not found): ${badPlaces.join(', ')}`, { field: 'placeIds' });
      const visit = await this.store.insertVisit(tx, {
        startDate: input.startDate,
        endDate: input.endDate,
        halfDay: input.halfDay ?? false,
        kind: input.kind,
        unannounced: input.unannounced ?? false,
        purpose: input.purpose,
        seen: input.seen ?? null,
        peopleMet: input.peopleMet ?? null,
        createdBy: actor.personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await this.store.linkVisit(tx, visit.id, personIds, [...new Set(input.placeIds ?? [])]);
      const findings = await this.store.insertFindings(
        tx,
        (input.findings ?? []).map((f, i) => ({ visitId: visit.id, position: i + 1, problem: f.problem, placeId: f.placeId ?? null, category: f.category ?? null, severity: f.severity ?? 'medium', taskId: null, createdAt: ctx.now })),
      );
      await appendAudit(tx, ctx, { action: 'research.visit.create', objectType: 'field_visit', objectId: visit.id, after: { ...visit, personIds, placeIds: input.placeIds ?? [], findings } });
      return { id: visit.id, findingIds: findings.map((f) => f.id) };
    });
  }

  private addDays(date: string, n: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  }

  private async loadVisit(actor: Actor, id: number, db: Executor) {
    const visit = await this.store.visitById(db, id);
    if (!visit) throw notFound(RESEARCH_ERRORS.FIELD_VISIT_NOT_FOUND, id);
    const people = await this.store.visitPeople(db, [id]);
    if (!canSeeVisit(actor, { personIds: people.map((p) => p.id), personPaths: people.map((p) => p.unitPath) })) throw forbidden('该调研记录不在您的可见范围内 (this visit is outside what you may see).');
    return { visit, people };
  }

  /** A visit the actor may see, with its people, places and findings (each with its task's light and status). */
  async getVisit(actor: Actor, id: number, db: Executor = this.db): Promise<VisitDetail> {
    const { visit, people } = await this.loadVisit(actor, id, db);
    const [places, findings] = await Promise.all([this.store.visitPlaces(db, [id]), this.store.findings(db, [id])]);
    const states = await this.tasks.states(findings.flatMap((f) => (f.taskId ? [f.taskId] : [])), db);
    return {
      visit,
      people: people.map((p) => ({ id: p.id, name: p.name, title: p.title, unitName: p.unitName })),
      places: places.map((p) => ({ id: p.id, name: p.name, kind: p.kind, tags: p.tags, townshipName: p.townshipName })),
      findings: findings.map((f) => ({ ...f, task: states.find((s) => s.task.id === f.taskId) ?? null })),
      canAssign: canAssign(actor),
    };
  }

  /** A page of the visits the actor may see, newest first, with their people, places and findings. */
  async listVisits(actor: Actor, f: Omit<VisitFilter, 'unitPath'> & { unitId?: number | undefined }, page: { limit: number; after?: readonly [string, number] | undefined }) {
    const unitPath = f.unitId ? (await this.org.getUnit(actor, f.unitId)).path : undefined;
    const rows = await this.store.listVisits(this.db, this.viewer(actor), { ...f, unitPath }, page);
    const ids = rows.map((r) => r.id);
    const [people, places, findings] = await Promise.all([this.store.visitPeople(this.db, ids), this.store.visitPlaces(this.db, ids), this.store.findings(this.db, ids)]);
    const states = await this.tasks.states(findings.flatMap((x) => (x.taskId ? [x.taskId] : [])));
    return rows.map((visit) => ({
      visit,
      people: people.filter((p) => p.visitId === visit.id).map((p) => ({ id: p.id, name: p.name, title: p.title, unitName: p.unitName })),
      places: places.filter((p) => p.visitId === visit.id).map((p) => ({ id: p.id, name: p.name, kind: p.kind, tags: p.tags, townshipName: p.townshipName })),
      findings: findings.filter((x) => x.visitId === visit.id).map((x) => ({ ...x, task: states.find((s) => s.task.id === x.taskId) ?? null })),
      canAssign: canAssign(actor),
    }));
  }

  /**
   * 调研成果转化: one finding becomes a supervised task (source: research, this finding), in one
   * transaction with the finding's link and the audit entry. The tasks engine checks the lead
   * unit is in the actor's scope and the responsible person works in it (403/400, nothing written).
   */
  async findingToTask(ctx: AuditContext, actor: Actor, visitId: number, findingId: number, input: FindingTaskInput, outer?: Executor): Promise<TaskRow> {
    const task = await transact(outer ?? this.db, async (trx) => {
      const { visit } = await this.loadVisit(actor, visitId, trx);
      if (!canAssign(actor)) throw forbidden('只有领导、督查人员、单位负责人或管理员可以把调研发现转为督办事项 (only who assigns work may turn a finding into a task).');
      const f = await this.store.findingForUpdate(trx, visitId, findingId);
      if (!f) throw notFound(RESEARCH_ERRORS.FINDING_NOT_FOUND, findingId);
      if (f.taskId) throw conflict(RESEARCH_ERRORS.FINDING_HAS_TASK, `该调研发现已转为督办事项 ${f.taskId} (this finding already became task ${f.taskId}).`, { taskId: f.taskId });
      const [place] = f.placeId ? await this.store.placesByIds(trx, [f.placeId]) : [];
      const description = [`调研发现：${f.problem}`, place ? `地点：${place.townshipName}${place.name}` : null, f.category ? `类别：${f.category}` : null, `调研：${visit.startDate}${visit.endDate !== visit.startDate ? ` 至 ${visit.endDate}` : ''}，${visit.purpose}`]
        .filter(Boolean)
        .join('\n');
      const t = await this.tasks.create(
        ctx,
        actor,
        {
          title: input.title ?? f.problem.slice(0, 200),
          description: description.slice(0, 5000),
          level: input.level ?? SEVERITY_LEVEL[f.severity],
          leadUnitId: input.leadUnitId,
          ...(input.responsibleId ? { responsibleId: input.responsibleId } : {}),
          deadline: input.deadline,
          source: { kind: 'research', id: f.id, ref: `${visit.startDate} ${visit.purpose}`.slice(0, 200) },
        },
        trx,
      );
      await this.store.setFindingTask(trx, f.id, t.id);
      await appendAudit(trx, ctx, { action: 'research.finding.task', objectType: 'field_visit', objectId: visitId, before: { findingId, taskId: null }, after: { findingId, taskId: t.id } });
      return t;
    });
    if (!outer) this.notify.kick();
    return task;
  }

  // --- the quota ---

  /** The quotas of many people, read in chunks (a province's cadres exceed one statement's parameters). */
  private async quotasOf(people: readonly PersonFacts[], year: number, db: Executor): Promise<Map<number, Quota>> {
    const today = this.today();
    const out = new Map<number, Quota>();
    for (let i = 0; i < people.length; i += QUOTA_CHUNK) {
      const chunk = people.slice(i, i + QUOTA_CHUNK);
      const spans = await this.store.spansOf(db, chunk.map((p) => p.id), `${year}-01-01`, `${year}-12-31`);
      const byPerson = new Map<number, typeof spans>();
      for (const sp of spans) byPerson.set(sp.personId, [...(byPerson.get(sp.personId) ?? []), sp]);
      for (const p of chunk) {
        const policy = (await this.policy.forUnitPath(p.unitPath, db)).research;
        out.set(p.id, quotaOf(p, byPerson.get(p.id) ?? [], year, today, policy));
      }
    }
    return out;
  }

  /** 一线工作天数 of a person for a year (default: the actor, this year): target, days, expected by now, behind. */
  async quota(actor: Actor, q: { personId?: number | undefined; year?: number | undefined }): Promise<Quota & { person: { id: number; name: string } }> {
    const personId = q.personId ?? actor.personId;
    const [p] = await this.facts([personId], this.db);
    if (!p) throw notFound(PLATFORM_ERRORS.PERSON_NOT_FOUND, personId);
    if (!canActFor(actor, p)) throw forbidden('只能查看本人或您管辖范围内人员的一线工作天数 (only your own quota or that of people you oversee).');
    const year = q.year ?? yearOf(this.today());
    const quota = (await this.quotasOf([p], year, this.db)).get(p.id)!;
    return { ...quota, person: { id: p.id, name: p.name } };
  }

  /** The ranks with a target above zero in the unit's policy. */
  private async rankedRanks(unitPath: string): Promise<Rank[]> {
    const per = (await this.policy.forUnitPath(unitPath)).research.fieldDaysPerYear;
    return RANKS.filter((r) => per[r] > 0);
  }

  private async statsUnit(actor: Actor, unitId: number | undefined) {
    // Default: a supervisor's or leader's region, a unit head's own unit.
    const fallback = hasRole(actor, 'admin', 'supervisor', 'leader') ? Number(actor.regionPath.split('/').filter(Boolean).at(-1)) : actor.unitId;
    const unit = await this.org.getUnit(actor, unitId ?? fallback);
    if (!canSeeStatsOf(actor, unit.path)) throw forbidden('只有管辖该单位的领导、督查人员、单位负责人或管理员可以查看 (only who oversees this unit may see its field work).');
    return unit;
  }

  /** 年度一线工作台账: every person with a target in the unit's subtree the actor oversees, with quota and the year's counts. */
  async annual(actor: Actor, q: { unitId?: number | undefined; year?: number | undefined }): Promise<{ unit: { id: number; name: string }; year: number; rows: AnnualRow[] }> {
    const unit = await this.statsUnit(actor, q.unitId);
    const year = q.year ?? yearOf(this.today());
    const people = await this.store.rankedPeople(this.db, visitSight(actor), unit.path, await this.rankedRanks(unit.path));
    const quotas = await this.quotasOf(people, year, this.db);
    const spans = await this.store.spansOf(this.db, people.map((p) => p.id), `${year}-01-01`, `${year}-12-31`);
    const visitIds = [...new Set(spans.map((s) => s.id))];
    const [links, findings, visits] = await Promise.all([this.store.visitLinks(this.db, visitIds), this.store.findings(this.db, visitIds), visitIds.length ? this.db.selectFrom('fieldVisit').select(['id', 'kind', 'unannounced']).where('id', 'in', visitIds).execute() : []]);
    const places = await this.store.placesByIds(this.db, [...new Set(links.places.map((l) => l.placeId))]);
    const states = await this.tasks.states(findings.flatMap((f) => (f.taskId ? [f.taskId] : [])));
    const rows = people.map((p): AnnualRow => {
      const mine = new Set(spans.filter((s) => s.personId === p.id).map((s) => s.id));
      const byKind = emptyByKind();
      let unannounced = 0;
      for (const v of visits) {
        if (!mine.has(v.id)) continue;
        byKind[v.kind] += 1;
        if (v.unannounced) unannounced += 1;
      }
      const placeIds = new Set(links.places.filter((l) => mine.has(l.visitId)).map((l) => l.placeId));
      const fs = findings.filter((f) => mine.has(f.visitId));
      return {
        person: { id: p.id, name: p.name, title: p.title, unitName: p.unitName, rank: p.rank },
        quota: quotas.get(p.id)!,
        visits: mine.size,
        byKind,
        unannounced,
        places: placeIds.size,
        villages: places.filter((pl) => placeIds.has(pl.id) && pl.kind === 'village').length,
        findings: fs.length,
        findingsWithTask: fs.filter((f) => f.taskId).length,
        findingsResolved: fs.filter((f) => states.some((s) => s.task.id === f.taskId && isResolved(s.task.status))).length,
      };
    });
    return { unit: { id: unit.id, name: unit.name }, year, rows };
  }

  /** The annual table as an XLSX workbook (the platform's writer: formula-safe). */
  async annualXlsx(actor: Actor, q: { unitId?: number | undefined; year?: number | undefined }): Promise<{ fileName: string; data: Buffer }> {
    const t = await this.annual(actor, q);
    const kinds = Object.keys(VISIT_KIND_NAMES) as VisitKind[];
    const data = await writeWorkbook([
      {
        name: `${t.year}年一线工作`,
        title: `${t.unit.name} ${t.year} 年领导干部一线工作台账`,
        columns: [
          { header: '姓名', width: 10 },
          { header: '职务', width: 24 },
          { header: '单位', width: 20 },
          { header: '任职日期', width: 12 },
          { header: '年度目标（天）', width: 12 },
          { header: '已下基层（天）', width: 12 },
          { header: '截至今日应达（天）', width: 14 },
          { header: '差额（天）', width: 10 },
          { header: '是否滞后', width: 10 },
          { header: '调研次数', width: 10 },
          ...kinds.map((k) => ({ header: VISIT_KIND_NAMES[k], width: 10 })),
          { header: '四不两直', width: 10 },
          { header: '到访地点', width: 10 },
          { header: '到访行政村', width: 10 },
          { header: '发现问题', width: 10 },
          { header: '转为督办', width: 10 },
          { header: '已办结', width: 10 },
        ],
        rows: t.rows.map((r) => [
          r.person.name,
          r.person.title,
          r.person.unitName,
          r.quota.rankSince,
          r.quota.target,
          r.quota.days,
          r.quota.expectedByNow,
          r.quota.shortfall,
          r.quota.behind ? '滞后' : '',
          r.visits,
          ...kinds.map((k) => r.byKind[k]),
          r.unannounced,
          r.places,
          r.villages,
          r.findings,
          r.findingsWithTask,
          r.findingsResolved,
        ]),
      },
    ]);
    return { fileName: `${t.unit.name}-${t.year}年一线工作台账.xlsx`, data };
  }

  /** 滞后名单: the people with a target the actor oversees (a supervisor's region, a unit head's unit) more than the margin behind today. */
  async behind(actor: Actor, q: { unitId?: number | undefined }) {
    const t = await this.annual(actor, { unitId: q.unitId });
    return { unit: t.unit, year: t.year, items: t.rows.filter((r) => r.quota.behind).map((r) => ({ person: r.person, quota: r.quota })) };
  }

  /**
   * 覆盖与"盆景"检查 for a unit's subtree (default: the actor's region) and a year (default: this
   * year), over the visits the actor may see: villages no county-level leader visited,
   * concentration, 先进 vs 后进, unannounced share, findings turned into tasks and resolved — for
   * the unit and per county-level leader.
   */
  async stats(actor: Actor, q: { unitId?: number | undefined; year?: number | undefined }): Promise<ResearchStats> {
    const unit = await this.statsUnit(actor, q.unitId);
    const year = q.year ?? yearOf(this.today());
    const places = await this.store.placesUnder(this.db, unit.path);
    const rows = await this.store.visitsOfYear(this.db, this.viewer(actor), unit.path, year);
    const ids = rows.map((r) => r.id);
    const links = await this.store.visitLinks(this.db, ids);
    const people = await this.facts([...new Set(links.people.map((l) => l.personId))], this.db);
    const leaderIds = new Set(people.filter((p) => COUNTY_LEVEL_RANKS.includes(p.rank)).map((p) => p.id));
    const visits: StatVisit[] = rows.map((r) => ({
      id: r.id,
      unannounced: r.unannounced,
      personIds: links.people.filter((l) => l.visitId === r.id).map((l) => l.personId),
      placeIds: links.places.filter((l) => l.visitId === r.id).map((l) => l.placeId),
    }));
    const findings = await this.store.findings(this.db, ids);
    const states = await this.tasks.states(findings.flatMap((f) => (f.taskId ? [f.taskId] : [])));
    const statFindings: StatFinding[] = findings.map((f) => ({ visitId: f.visitId, hasTask: f.taskId !== null, resolved: states.some((s) => s.task.id === f.taskId && isResolved(s.task.status)) }));
    const statPlaces = places.map((p) => ({ id: p.id, kind: p.kind, tags: p.tags }));
    const byLeaders = visits.filter((v) => v.personIds.some((id) => leaderIds.has(id)));
    const unvisited = new Set(unvisitedVillages(statPlaces, byLeaders));
    const leaders = people
      .filter((p) => leaderIds.has(p.id) && p.unitPath.startsWith(unit.path))
      .map((p): LeaderStats => {
        const mine = visits.filter((v) => v.personIds.includes(p.id));
        const s = showcaseStats(statPlaces, mine, statFindings);
        return { ...s, person: { id: p.id, name: p.name, title: p.title, unitName: p.unitName }, villagesUnvisited: unvisitedVillages(statPlaces, mine).length, showcaseHeavy: showcaseHeavy(s) };
      })
      .sort((a, b) => b.visits - a.visits || a.person.id - b.person.id);
    return {
      unit: { id: unit.id, name: unit.name },
      year,
      villages: places.filter((p) => p.kind === 'village').length,
      unvisitedVillages: places.filter((p) => unvisited.has(p.id)).map((p) => ({ id: p.id, name: p.name, townshipName: p.townshipName })),
      county: showcaseStats(statPlaces, visits, statFindings),
      leaders,
    };
  }

  // --- the monthly warning, the feed, the task events ---

  /**
   * 滞后提醒: everyone with a target more than `behindMarginDays` behind today is told in the inbox,
   * once per calendar month (Asia/Shanghai): a person already told this month is skipped, so the
   * job may run as often as it likes and on several nodes (the caller holds the advisory lock).
   */
  async warnBehind(db: Executor = this.db): Promise<{ checked: number; warned: number }> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const year = yearOf(today);
    const ranks = RANKS.filter((r) => r !== 'other');
    const people = await this.store.allRanked(db, ranks);
    // Who was told this month is skipped before any quota is worked out for them.
    const warned = await this.store.warnedSince(db, new Date(`${monthOf(today)}-01T00:00:00+08:00`));
    const untold = people.filter((p) => !warned.has(p.id));
    const quotas = await this.quotasOf(untold.map((p) => ({ ...p, title: null, unitName: '' })), year, db);
    const notes: NewNotification[] = [];
    for (const p of untold) {
      const qt = quotas.get(p.id)!;
      if (!qt.behind) continue;
      notes.push({
        recipientId: p.id,
        kind: 'research.behind',
        ...behindNotice(qt, today),
        objectType: 'person',
        objectId: p.id,
      });
    }
    if (notes.length) {
      await transact(db, (trx) => this.notify.queue(trx, notes));
      this.notify.kick();
    }
    return { checked: people.length, warned: notes.length };
  }

  /** A person's field days as all-day events for their ICS feed (the past year and what is logged ahead). */
  async feedEvents(personId: number, db: Executor = this.db): Promise<FeedEvent[]> {
    const today = this.today();
    const spans = await this.store.spansOf(db, [personId], `${yearOf(today) - 1}-01-01`, `${yearOf(today) + 1}-12-31`);
    const events: FeedEvent[] = [];
    for (const s of spans) {
      for (const [date, w] of fieldDates([s])) {
        events.push({ uid: `field-${s.id}-${date}`, date, summary: `【一线工作】${VISIT_KIND_NAMES[s.kind]}${w < 1 ? '（半天）' : ''}：${s.purpose.slice(0, 60)}`, description: s.purpose, modified: s.updatedAt });
      }
    }
    return events;
  }

  /** 马上就反馈: a finding's task verified — the people on the visit hear of it. */
  private async onTaskVerified(trx: Executor, t: TaskTransition): Promise<NewNotification[]> {
    const f = await this.store.findingByTask(trx, t.task.id);
    if (!f) return [];
    const people = await this.store.visitPeople(trx, [f.visitId]);
    return people
      .filter((p) => p.id !== t.actorId)
      .map((p) => ({ recipientId: p.id, kind: 'research.finding_done', title: `调研发现已办结：${f.problem.slice(0, 60)}`, body: `调研中发现的问题「${f.problem.slice(0, 100)}」已审核办结（督办事项 ${t.task.id}）。`, objectType: 'field_visit', objectId: f.visitId }));
  }
}
