import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { AppError, conflict, forbidden, PLATFORM_ERRORS } from '../../platform/errors.ts';
import type { NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { TaskService } from '../tasks/service.ts';
import { buildContent, type ReportSources } from './content.ts';
import { buildReportDocx, buildReportXlsx, type ReportFileData } from './document.ts';
import { REPORT_ERRORS } from './errors.ts';
import { canDraft, canSeeReport, canSeeSummary, reportActions } from './policy.ts';
import {
  REPORT_KIND_NAMES,
  SCHEDULED_KINDS,
  applyEdit,
  docNumber,
  isDueOn,
  parsePeriod,
  periodFits,
  previousPeriod,
  refreshKeepingTexts,
  reportNext,
  summaryPeriod,
  type ContentEdit,
  type ReportAction,
  type ReportContent,
  type ReportKind,
} from './rules.ts';
import type { SummaryItem } from './schema.ts';
import type { ReportFilter, ReportRow, ReportStore, ReportViewer } from './store.ts';

export type { ReportRow } from './store.ts';
export type SummaryRow = NonNullable<Awaited<ReturnType<ReportStore['summaryById']>>>;

/** The issuing office of a report on a unit: its 督查室. */
const officeOf = (unit: Pick<Unit, 'name'>) => `${unit.name}人民政府督查室`.replace('人民政府人民政府', '人民政府');

/**
 * 报告 (一段时间一总结): periodic reports drafted from data on schedule or on demand, edited by a
 * supervisor (the sections' texts; tables stay data) and issued with a 文号 — an issued report
 * keeps its content and the DOCX and XLSX generated at issue, byte for byte. And the personal
 * summaries, prefilled with the close-out summaries of the tasks a person closed in the period.
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly tasks: TaskService,
    private readonly sources: ReportSources,
    private readonly store: ReportStore,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  private viewer(actor: Actor): ReportViewer {
    const scope = scopeOf(actor);
    return { all: scope.all, draft: hasRole(actor, 'supervisor') ? scope : null, scope, unitPath: actor.unitPath };
  }

  private async load(actor: Actor, id: number, db: Executor, lock = false): Promise<ReportRow> {
    const r = await this.store.byId(db, id, { lock });
    // Out of the actor's sight answers exactly as an unknown id (no existence oracle).
    if (!r || !canSeeReport(actor, r)) throw new AppError(REPORT_ERRORS.REPORT_NOT_FOUND, `报告 ${id} 不存在 (report ${id} does not exist).`, { id });
    return r;
  }

  /** A report with the actions the actor may take. */
  async get(actor: Actor, id: number): Promise<{ report: ReportRow; allowedActions: ReportAction[] }> {
    const report = await this.load(actor, id, this.db);
    return { report, allowedActions: reportActions(actor, report) };
  }

  list(actor: Actor, filter: ReportFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    return this.store.list(this.db, this.viewer(actor), filter, page);
  }

  private async contentFor(unit: Unit, kind: ReportKind, periodKey: string) {
    const period = parsePeriod(periodKey)!;
    const policy = await this.policy.forUnitPath(unit.path);
    return buildContent(this.sources, unit, kind, period, this.today(), officeOf(unit), policy.reports.tableRows);
  }

  /** 生成: a draft of `kind` for the unit and period, from data (on demand; a supervisor over the unit). */
  async generate(ctx: AuditContext, actor: Actor, input: { kind: ReportKind; unitId?: number | undefined; period: string; title?: string | undefined }): Promise<ReportRow> {
    const unitId = input.unitId ?? Number(actor.regionPath.split('/').filter(Boolean).at(-1));
    const unit = await this.org.getUnit(actor, unitId);
    if (!canDraft(actor, unit.path)) throw forbidden('只有本区域的督查室可以生成报告 (only a supervisor over the unit drafts reports).');
    if (!periodFits(input.kind, input.period)) {
      throw new AppError(REPORT_ERRORS.REPORT_PERIOD_INVALID, `${REPORT_KIND_NAMES[input.kind]}的期间格式不对：周报告 2026-W48，月调度 2026-11，季通报 2026-Q4，年度考评 2026，通报可用 2026-11-01..2026-11-30 (the period does not fit the kind).`, { field: 'period' });
    }
    // A report is about work done: a period that has not begun has nothing to report yet.
    if (parsePeriod(input.period)!.from > this.today()) {
      throw new AppError(REPORT_ERRORS.REPORT_PERIOD_INVALID, `期间 ${input.period} 尚未开始，无可报告的内容 (the period has not begun).`, { field: 'period' });
    }
    if (input.kind !== 'notice') {
      const e = await this.store.existing(this.db, unit.id, input.kind, input.period);
      if (e) throw conflict(REPORT_ERRORS.REPORT_EXISTS, `该期${REPORT_KIND_NAMES[input.kind]}已存在（报告 ${e.id}）(a report for this period exists).`, { id: e.id });
    }
    const content = await this.contentFor(unit, input.kind, input.period);
    if (input.title) content.title = input.title;
    const id = await this.insert(ctx, unit, input.kind, input.period, content, actor.personId, false);
    if (id === null) throw conflict(REPORT_ERRORS.REPORT_EXISTS, '该期报告已存在 (a report for this period exists).', {});
    return (await this.store.byId(this.db, id))!;
  }

  private async insert(ctx: AuditContext, unit: Unit, kind: ReportKind, periodKey: string, content: ReportContent, by: number | null, scheduled: boolean): Promise<number | null> {
    const period = parsePeriod(periodKey)!;
    return this.db.transaction().execute(async (trx) => {
      const row = await this.store.insert(trx, {
        kind,
        status: 'draft',
        unitId: unit.id,
        periodKey,
        periodFrom: period.from,
        periodTo: period.to,
        content: JSON.stringify(content),
        editedKeys: '[]',
        year: null,
        seq: null,
        number: null,
        docx: null,
        xlsx: null,
        scheduled,
        createdBy: by,
        issuedBy: null,
        issuedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      if (!row) return null;
      if (scheduled) {
        const supervisors = await this.org.supervisorsOver(unit.path, trx);
        await this.notify.queue(trx, supervisors.map((s) => ({ recipientId: s.id, kind: 'reports.drafted', title: `待审核：${content.title}`, body: `${REPORT_KIND_NAMES[kind]}草稿已生成，请审核修改后印发。`, objectType: 'report', objectId: row.id })));
      }
      await appendAudit(trx, ctx, { action: 'report.generate', objectType: 'report', objectId: row.id, after: { kind, unitId: unit.id, period: periodKey, scheduled } });
      return row.id;
    });
  }

  /** Runs an action on a draft: lock, permission, state, version; then the change and its audit entry. */
  private async act(ctx: AuditContext, actor: Actor, id: number, version: number, action: ReportAction, change: (r: ReportRow, trx: Executor) => Promise<Record<string, unknown>>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx, true);
      if (!canDraft(actor, r.unitPath)) throw forbidden('只有本区域的督查室可以修改或印发报告 (only a supervisor over the unit edits and issues reports).');
      const step = reportNext(r.status, action);
      if (!step.ok) throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, step.reason, { status: r.status, action });
      if (r.version !== version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, `报告已被他人修改（当前版本 ${r.version}），请刷新后再试 (the report changed; reload it).`, { currentVersion: r.version });
      const audit = await change(r, trx);
      await appendAudit(trx, ctx, { action: `report.${action}`, objectType: 'report', objectId: id, before: { status: r.status, version }, after: audit });
    });
  }

  /** 修改: the title and the sections' texts (tables are data and stay). */
  async edit(ctx: AuditContext, actor: Actor, id: number, version: number, e: ContentEdit): Promise<void> {
    await this.act(ctx, actor, id, version, 'edit', async (r, trx) => {
      const next = applyEdit(r.content, e);
      if (!next.ok) throw new AppError(REPORT_ERRORS.REPORT_SECTION_UNKNOWN, `报告没有这些部分：${next.unknown.join('、')} (unknown sections).`, { sections: next.unknown });
      const edited = [...new Set([...r.editedKeys, ...(e.sections ?? []).map((s) => s.key)])];
      await this.store.update(trx, id, version, { content: JSON.stringify(next.content), editedKeys: JSON.stringify(edited), updatedAt: ctx.now });
      return { ...e };
    });
  }

  /** 刷新数据: the tables from today's data; the texts the supervisor edited stay. */
  async refresh(ctx: AuditContext, actor: Actor, id: number, version: number): Promise<void> {
    const r0 = await this.load(actor, id, this.db);
    const unit = await this.org.getUnit(actor, r0.unitId);
    const fresh = await this.contentFor(unit, r0.kind, r0.periodKey);
    await this.act(ctx, actor, id, version, 'refresh', async (r, trx) => {
      const content = refreshKeepingTexts(r.content, fresh, new Set(r.editedKeys));
      await this.store.update(trx, id, version, { content: JSON.stringify(content), updatedAt: ctx.now });
      return { refreshed: true };
    });
  }

  /** 印发: the 文号 (next in the unit's series of the kind this year), the date, and the files stored as issued. */
  async issue(ctx: AuditContext, actor: Actor, id: number, version: number): Promise<void> {
    const today = this.today();
    await this.act(ctx, actor, id, version, 'issue', async (r, trx) => {
      const year = Number(today.slice(0, 4));
      const seq = await this.store.nextSeq(trx, r.unitId, r.kind, year);
      const number = docNumber(r.kind, year, seq);
      const content = { ...r.content, date: today };
      const file: ReportFileData = { kind: r.kind, office: r.content.signer, number, content };
      const [docx, xlsx] = await Promise.all([buildReportDocx(file), buildReportXlsx(file)]);
      await this.store.update(trx, id, version, { status: 'issued', content: JSON.stringify(content), year, seq, number, docx, xlsx, issuedBy: actor.personId, issuedAt: ctx.now, updatedAt: ctx.now });
      return { number };
    });
  }

  /** The report's file: as stored when issued; a draft's is generated now (a preview, marked 草稿). */
  async file(actor: Actor, id: number, format: 'docx' | 'xlsx'): Promise<{ fileName: string; data: Buffer }> {
    const r = await this.load(actor, id, this.db);
    const fileName = `${r.content.title}${r.number ? `（${r.number}）` : '（草稿）'}.${format}`;
    if (r.status === 'issued') {
      const f = await this.store.files(this.db, id);
      return { fileName, data: Buffer.from(f![format]!) };
    }
    const data: ReportFileData = { kind: r.kind, office: r.content.signer, number: null, content: r.content };
    return { fileName, data: format === 'docx' ? await buildReportDocx(data) : await buildReportXlsx(data) };
  }

  /**
   * The scheduled drafts: for each county (and each region without a parent), each periodic kind
   * whose generation day (the Nth working day of the new period, policy.reports) has come, a draft
   * for the previous period — once (one per region, kind and period). Returns how many were made.
   */
  async generateDue(): Promise<{ made: number }> {
    const today = this.today();
    const cal = await this.calendar.get();
    const JOB: Actor = { personId: 0, login: 'job:reports', name: '系统', unitId: 0, unitPath: '/', regionPath: '/', roles: ['admin'], via: 'token' };
    const regions = (await this.org.listUnits(JOB, { includeInactive: false })).filter((u) => u.kind === 'region' && (u.level === 'county' || u.parentId === null));
    let made = 0;
    for (const unit of regions) {
      const policy = await this.policy.forUnitPath(unit.path);
      for (const kind of SCHEDULED_KINDS) {
        if (!isDueOn(kind, today, policy.reports.generateOnWorkday, cal)) continue;
        const period = previousPeriod(kind, today);
        if (await this.store.existing(this.db, unit.id, kind, period.key)) continue;
        const content = await this.contentFor(unit, kind, period.key);
        const id = await this.insert({ actorId: null, actorLogin: 'job:reports', clientIp: null, now: this.clock.now() }, unit, kind, period.key, content, null, true);
        if (id !== null) made += 1;
      }
    }
    if (made) this.notify.kick();
    return { made };
  }

  // ——— 个人总结 (一段时间一总结) ———

  private async loadSummary(actor: Actor, id: number, db: Executor, lock = false): Promise<SummaryRow> {
    const s = await this.store.summaryById(db, id, { lock });
    if (!s || !canSeeSummary(actor, s)) throw new AppError(REPORT_ERRORS.REPORT_SUMMARY_NOT_FOUND, `个人总结 ${id} 不存在 (summary ${id} does not exist).`, { id });
    return s;
  }

  getSummary(actor: Actor, id: number): Promise<SummaryRow> {
    return this.loadSummary(actor, id, this.db);
  }

  listSummaries(actor: Actor, f: { personId?: number | undefined; unitPath?: string | undefined; periodKey?: string | undefined; status?: 'draft' | 'submitted' | undefined }, page: { limit: number; after?: number | undefined }) {
    const reads = hasRole(actor, 'unit_head', 'supervisor', 'admin') ? scopeOf(actor) : null;
    return this.store.listSummaries(this.db, { personId: actor.personId, scope: reads }, f, page);
  }

  /** The items of a period: the tasks the person closed in it, with their 小结. */
  private async closedItems(personId: number, from: string, to: string, db: Executor): Promise<SummaryItem[]> {
    const rows = await this.tasks.closedFor(personId, from, to, 500, db);
    return rows.map((t) => ({ taskId: t.id, title: t.title, closedAt: new Date(t.closedAt!).toISOString(), done: t.summary?.done ?? '', result: t.summary?.result ?? '', lessons: t.summary?.lessons ?? '' }));
  }

  /** 我的总结: the actor's summary of the period, made (prefilled) the first time it is asked for. */
  async openSummary(ctx: AuditContext, actor: Actor, periodKey: string): Promise<{ summary: SummaryRow; created: boolean }> {
    const period = summaryPeriod(periodKey);
    if (!period) throw new AppError(REPORT_ERRORS.REPORT_PERIOD_INVALID, '总结期间应为月 2026-11、季 2026-Q4 或年 2026 (a month, quarter or year).', { field: 'period' });
    if (period.from > this.today()) throw new AppError(REPORT_ERRORS.REPORT_PERIOD_INVALID, '不能为尚未开始的期间写总结 (the period has not begun).', { field: 'period' });
    const have = await this.store.summaryOf(this.db, actor.personId, periodKey);
    if (have) return { summary: have, created: false };
    const created = await this.db.transaction().execute(async (trx) => {
      const items = await this.closedItems(actor.personId, period.from, period.to, trx);
      const row = await this.store.insertSummary(trx, { personId: actor.personId, unitId: actor.unitId, periodKey, periodFrom: period.from, periodTo: period.to, items: JSON.stringify(items), createdAt: ctx.now, updatedAt: ctx.now });
      if (row) await appendAudit(trx, ctx, { action: 'report.summary_open', objectType: 'report_summary', objectId: row.id, after: { periodKey, items: items.length } });
      return row !== undefined;
    });
    return { summary: (await this.store.summaryOf(this.db, actor.personId, periodKey))!, created };
  }

  /** Saves the summary's text (and, when asked, the items again from the tasks closed so far); a draft only, its author only. */
  async saveSummary(ctx: AuditContext, actor: Actor, id: number, version: number, input: { text?: string | undefined; reloadItems?: boolean | undefined }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.loadSummary(actor, id, trx, true);
      this.checkOwnDraft(actor, s, version);
      const items = input.reloadItems ? JSON.stringify(await this.closedItems(s.personId, s.periodFrom, s.periodTo, trx)) : undefined;
      await this.store.updateSummary(trx, id, version, { ...(input.text !== undefined ? { text: input.text } : {}), ...(items ? { items } : {}), updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'report.summary_save', objectType: 'report_summary', objectId: id, after: { chars: input.text?.length, reloadItems: input.reloadItems ?? false } });
    });
  }

  /** 提交: to the heads of the author's unit (told in their inbox); no change after. */
  async submitSummary(ctx: AuditContext, actor: Actor, id: number, version: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.loadSummary(actor, id, trx, true);
      this.checkOwnDraft(actor, s, version);
      await this.store.updateSummary(trx, id, version, { status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now });
      const heads = (await this.org.unitPeopleWithRole(s.unitId, 'unit_head', trx)).filter((h) => h.id !== actor.personId);
      await this.notify.queue(trx, heads.map((h) => ({ recipientId: h.id, kind: 'reports.summary_submitted', title: `${s.personName}提交了${s.periodKey}个人总结`, body: s.text.slice(0, 300), objectType: 'report_summary', objectId: id })));
      await appendAudit(trx, ctx, { action: 'report.summary_submit', objectType: 'report_summary', objectId: id, after: { periodKey: s.periodKey } });
    });
    this.notify.kick();
  }

  private checkOwnDraft(actor: Actor, s: SummaryRow, version: number): void {
    if (s.personId !== actor.personId) throw forbidden('只有本人可以修改或提交自己的总结 (only its author edits or submits a summary).');
    if (s.status !== 'draft') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, '总结已提交，不能再修改 (a submitted summary does not change).', { status: s.status });
    if (s.version !== version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, `总结已被修改（当前版本 ${s.version}），请刷新后再试 (the summary changed; reload it).`, { currentVersion: s.version });
  }
}
