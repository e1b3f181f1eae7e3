import { randomBytes } from 'node:crypto';
import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { sha256 } from '../../platform/auth/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { AppError, forbidden, notFound, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { TASK_ERRORS } from './errors.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import { buildFeed, type FeedEvent } from './ics.ts';
import { LIGHT_NAMES, problemText, readLedger, writeLedger, type LedgerProblem, type LedgerRow } from './ledger.ts';
import { LEVEL_NAMES, SOURCE_NAMES, STATUS_NAMES, TODO_NAMES } from './rules.ts';
import { TaskCreateBody } from './schemas.ts';
import type { ImportedHistory, TaskCreateInput, TaskService } from './service.ts';
import type { TaskStore } from './store.ts';
import type { TaskViews, ViewFilter } from './views.ts';

/** The most rows one export writes; a larger ledger is narrowed with filters. */
export const EXPORT_MAX_ROWS = 50_000;

const progressCell = (percent: number, text: string | null) => `${percent}%${text ? `：${text}` : ''}`;
function parseProgress(cell: string | null): { percent: number; text: string | null } {
  if (!cell) return { percent: 0, text: null };
  const m = /^(\d{1,3})%(?:：([\s\S]*))?$/.exec(cell);
  if (m && Number(m[1]) <= 100) return { percent: Number(m[1]), text: m[2] ?? null };
  return { percent: 0, text: cell };
}

/**
 * Nothing imported: every problem as a line (`details.errors`) and as a row of the web app's
 * error table (`details.problems`: row, column, what is wrong).
 */
class ImportLedgerError extends AppError {
  constructor(problems: LedgerProblem[]) {
    const errors = problems.map(problemText);
    super(PLATFORM_ERRORS.IMPORT_INVALID, `导入失败，共 ${errors.length} 处错误，未导入任何事项 (nothing imported):\n${errors.slice(0, 50).join('\n')}`, { errors, problems });
  }
}

/** How a ledger is imported: `new` work (every row 已交办, checked as the create route checks), or an admin's `migration` of history. */
export type ImportMode = 'new' | 'migration';

/** The ledger column a create-body field comes from, for the import's messages. */
const COLUMN_OF: Record<string, string> = { title: '事项名称', description: '备注', level: '级别', deadline: '完成时限', source: '来源' };
/** The fields a ledger row carries itself, checked as the create route checks them. */
const RowFields = TaskCreateBody.pick({ title: true, description: true, level: true, deadline: true, source: true });

/** A module's events for a person's feed, read through the given executor. */
export type FeedContributor = (personId: number, db: Executor) => Promise<FeedEvent[]>;

/** 台账 (XLSX) out and in, and the ICS deadline feed. */
export class LedgerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly notify: NotifyService,
    private readonly tasks: TaskService,
    private readonly views: TaskViews,
    private readonly store: TaskStore,
    /** The installation's host name, for the feed's UIDs (never the request's Host). */
    private readonly hostName: string,
  ) {}

  /** Other modules' all-day events on each person's feed (field days…): the feed calls each in turn. */
  private readonly feedContributors: FeedContributor[] = [];

  /** Adds a module's events to every person's ICS feed (research: field days) without the feed knowing that module. */
  addFeedContributor(contributor: FeedContributor): void {
    this.feedContributors.push(contributor);
  }

  /** The ledger as XLSX, with the ledger's filters, in deadline order; its title names the unit (`unitId`) and the filter. */
  async export(actor: Actor, filter: ViewFilter, unitId?: number): Promise<Buffer> {
    const rows: LedgerRow[] = [];
    let after: [string | number, number] | undefined;
    do {
      const page = await this.views.list(actor, filter, { sort: 'deadline', limit: 500, withDescription: true, ...(after ? { after } : {}) });
      const ids = page.items.map((i) => i.task.id);
      const personIds = [...new Set(page.items.flatMap((i) => [i.task.leaderId].filter((x): x is number => x !== null)))];
      const unitIds = [...new Set(page.items.flatMap((i) => i.task.coUnitIds))];
      const [people, units] = [await this.org.peopleByIds(personIds), await this.org.unitsByIds(unitIds)];
      const latest = await this.store.latestReports(this.db, ids);
      for (const { task: t, light } of page.items) {
        const last = latest.find((l) => l.taskId === t.id)?.data as { text?: string | null } | undefined;
        const done = t.verifiedAt ?? t.closedAt;
        rows.push({
          light: light.light,
          overdueWorkdays: light.overdueWorkdays,
          title: t.title,
          source: `${SOURCE_NAMES[t.sourceKind]}${t.sourceRef ? `：${t.sourceRef}` : ''}`,
          leadUnit: t.leadUnitName,
          coUnits: t.coUnitIds.map((id) => units.find((u) => u.id === id)?.name ?? String(id)),
          responsible: t.responsibleName ?? '',
          leader: people.find((p) => p.id === t.leaderId)?.name ?? '',
          deadline: t.deadline,
          progress: progressCell(t.progressPercent, last?.text ?? null),
          status: STATUS_NAMES[t.status],
          doneAt: done ? shanghaiDate(done) : '',
          remarks: t.description ?? '',
          level: LEVEL_NAMES[t.level],
        });
        if (rows.length >= EXPORT_MAX_ROWS) break;
      }
      after = page.next ?? undefined;
    } while (after && rows.length < EXPORT_MAX_ROWS);
    const [unit] = unitId ? await this.org.unitsByIds([unitId]) : [];
    return writeLedger(rows, { unitName: unit?.name ?? null, filter: describeFilter(filter), date: shanghaiDate(this.clock.now()) });
  }

  /**
   * Imports a ledger in the export's layout. Units and people are matched by name within the
   * importer's scope; every row is checked first, and any error imports nothing.
   */
  async import(ctx: AuditContext, actor: Actor, content: Buffer, mode: ImportMode = 'new'): Promise<{ imported: number }> {
    if (mode === 'migration' && !hasRole(actor, 'admin')) throw forbidden('迁移模式（导入已在办理或已办结的历史事项）仅限管理员 (only an admin imports in migration mode).');
    const { rows, problems: errors } = await readLedger(content);
    const today = shanghaiDate(ctx.now);
    const scope = scopeOf(actor);
    // Only the units and people the file names: a province has 25,000 units and 300,000 people.
    const unitNames = [...new Set(rows.flatMap((r) => [r.leadUnit, ...r.coUnits]))];
    const personNames = [...new Set(rows.flatMap((r) => [r.responsible, r.leader].filter((n): n is string => n !== null)))];
    const named = await this.org.namedForImport(personNames, unitNames);
    const units = named.units.filter((u) => inScope(scope, u.path));
    const people = named.people;
    const unitByName = (name: string) => units.filter((u) => u.name === name);
    // Unknown, or known but outside the importer's scope: said apart, so a typo is not taken for a permission.
    const unitProblem = (name: string, found: number) =>
      found ? '有重名，无法确定' : named.units.some((u) => u.name === name) ? '不在您的管辖范围内' : '不存在（系统中没有这个单位，请核对名称）';
    const resolved = rows.map((r) => {
      const problems: LedgerProblem[] = [];
      const bad = (column: string, message: string) => problems.push({ row: r.line, column, message });
      const lead = unitByName(r.leadUnit);
      if (lead.length !== 1) bad('主办单位', `主办单位「${r.leadUnit}」${unitProblem(r.leadUnit, lead.length)}`);
      const coUnitIds = r.coUnits.map((n) => {
        const u = unitByName(n);
        if (u.length !== 1) bad('协办单位', `协办单位「${n}」${unitProblem(n, u.length)}`);
        return u[0]?.id ?? 0;
      });
      let responsibleId: number | undefined;
      if (r.responsible && lead[0]) {
        const c = people.filter((p) => p.name === r.responsible && p.path.startsWith(lead[0]!.path));
        if (c.length !== 1) bad('责任人', `责任人「${r.responsible}」${c.length ? '在主办单位有重名' : '不是主办单位人员'}`);
        responsibleId = c[0]?.id;
      }
      let leaderId: number | undefined;
      if (r.leader) {
        const c = people.filter((p) => p.name === r.leader && p.roles.includes('leader') && inScope(scope, p.path));
        if (c.length !== 1) bad('分管领导', `分管领导「${r.leader}」${c.length ? '有重名' : '不存在'}`);
        leaderId = c[0]?.id;
      }
      if (mode === 'new' && (r.status !== 'assigned' || r.doneAt)) bad('状态', `状态「${STATUS_NAMES[r.status]}」：导入新事项只能是「已交办」（或空白）；已在办理或已办结的历史事项须由管理员以迁移模式导入`);
      if (r.doneAt && r.doneAt > today) bad('办结时间', `办结时间 ${r.doneAt} 晚于今天`);
      const progress = parseProgress(r.progress);
      // The file's own fields are checked by the create route's schema (one-line title, control
      // characters, lengths); the units and people it names were matched above.
      const body = RowFields.safeParse({
        title: r.title,
        ...(r.remarks ? { description: r.remarks } : {}),
        level: r.level,
        deadline: r.deadline,
        source: { kind: r.sourceKind, ...(r.sourceRef ? { ref: r.sourceRef } : {}) },
      });
      if (!body.success) for (const i of body.error.issues) bad(COLUMN_OF[String(i.path[0])] ?? String(i.path[0]), `${COLUMN_OF[String(i.path[0])] ?? String(i.path[0])}：${i.message}`);
      errors.push(...problems);
      const fields = body.success ? body.data : { title: r.title, level: r.level, deadline: r.deadline };
      const input: TaskCreateInput = { ...fields, leadUnitId: lead[0]?.id ?? 0, coUnitIds, responsibleId, leaderId };
      const history: ImportedHistory = { line: r.line, migration: mode === 'migration', status: r.status, percent: progress.percent, text: progress.text, doneAt: r.doneAt ? new Date(`${r.doneAt}T12:00:00+08:00`) : null };
      return { input, history };
    });
    if (errors.length) throw new ImportLedgerError(errors);

    // Every row through the create path, in one transaction: a row the path refuses imports nothing.
    await this.db.transaction().execute(async (trx) => {
      for (const { input, history } of resolved) {
        try {
          await this.tasks.importRow(ctx, actor, input, history, trx);
        } catch (err) {
          if (err instanceof AppError && err.status < 500) throw new ImportLedgerError([{ row: history.line, column: columnOfError(err), message: err.message }]);
          throw err;
        }
      }
    });
    this.notify.kick();
    return { imported: resolved.length };
  }

  /** Issues (or rotates) the secret of the caller's ICS feed; returns the token once. */
  async createFeedToken(ctx: AuditContext, actor: Actor): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.db.transaction().execute(async (trx) => {
      await this.store.setFeedToken(trx, actor.personId, sha256(token), ctx.now);
      await appendAudit(trx, ctx, { action: 'task.feed_token', objectType: 'person', objectId: actor.personId });
    });
    return token;
  }

  /** The ICS feed behind a secret token. */
  async feed(token: string): Promise<string> {
    const owner = await this.store.feedTokenOwner(this.db, sha256(token));
    if (!owner) throw notFound(TASK_ERRORS.FEED_NOT_FOUND, 'token');
    const person = await this.db.selectFrom('person').select(['name', 'active']).where('id', '=', owner.personId).executeTakeFirst();
    if (!person?.active) throw notFound(TASK_ERRORS.FEED_NOT_FOUND, 'token');
    const [tasks, milestones] = await this.store.feedItems(this.db, owner.personId);
    const events: FeedEvent[] = [];
    for (const c of this.feedContributors) events.push(...(await c(owner.personId, this.db)));
    return buildFeed({
      events,
      name: person.name,
      host: this.hostName,
      now: this.clock.now(),
      tasks: tasks.map((t) => ({ ...t, status: STATUS_NAMES[t.status] })),
      milestones,
    });
  }
}

/** The ledger column a create-path refusal is about, when its details name the field. */
function columnOfError(err: AppError): string | null {
  const field = (err.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? (COLUMN_OF[field] ?? { leadUnitId: '主办单位', responsibleId: '责任人', leaderId: '分管领导', coUnitIds: '协办单位' }[field] ?? null) : null;
}

/** The ledger's filters in words, for the exported title row (the unit is named on its own). */
export function describeFilter(f: ViewFilter): string[] {
  return [
    f.light ? LIGHT_NAMES[f.light] : '',
    f.level ? LEVEL_NAMES[f.level] : '',
    f.sourceKind ? `来源：${SOURCE_NAMES[f.sourceKind]}` : '',
    f.status?.length ? `状态：${f.status.map((s) => STATUS_NAMES[s]).join('/')}` : '',
    f.overdue ? '已逾期' : '',
    f.deadlineFrom || f.deadlineTo ? `时限 ${f.deadlineFrom ?? '…'} 至 ${f.deadlineTo ?? '…'}` : '',
    f.todo ? `待办：${TODO_NAMES[f.todo]}` : '',
    f.escalatedFrom ? `${f.escalatedFrom} 以来升级督办` : '',
    f.q ? `含「${f.q.slice(0, 20)}」` : '',
  ].filter(Boolean);
}
