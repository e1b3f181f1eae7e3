import type { AuditContext } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { previousPeriod, type ReportKind } from './rules.ts';

type Services = PlatformServices & ModuleServices;

/**
 * The demo county's reports, from the demo's data through the real services: last week's 周报告
 * and last month's 月调度 issued with their 文号 by the 督查室 (duchashi), a 通报 on this month
 * still a draft with an edited section, and one person's monthly summary submitted.
 */
export async function seedDemoReports(s: Services): Promise<Record<string, number>> {
  const db = s.database.db;
  const sup = await db.selectFrom('person').select(['id']).where('login', '=', 'duchashi').executeTakeFirst();
  const county = await db.selectFrom('unit').select(['id']).where('kind', '=', 'region').where('level', '=', 'county').orderBy('id').executeTakeFirst();
  if (!sup || !county) return { issued: 0, drafts: 0 };
  const actor = (await s.auth.actorFor(sup.id, 'session'))!;
  const ctx = (): AuditContext => ({ actorId: sup.id, actorLogin: 'duchashi', clientIp: null, now: s.clock.now() });
  const today = shanghaiDate(s.clock.now());
  /** The report of this kind and period: made now, or the one the scheduled job made already. */
  const draft = async (kind: ReportKind, period: string, title?: string) => {
    try {
      return (await s.reports.generate(ctx(), actor, { kind, unitId: county.id, period, ...(title ? { title } : {}) })).id;
    } catch (e) {
      if (e instanceof AppError && e.code === 'REPORT_EXISTS') return (e.details as { id: number }).id;
      throw e;
    }
  };
  let issued = 0;
  for (const kind of ['weekly', 'monthly'] as const) {
    const id = await draft(kind, previousPeriod(kind, today).key);
    const { report } = await s.reports.get(actor, id);
    if (report.status === 'draft') {
      await s.reports.issue(ctx(), actor, id, report.version);
      issued += 1;
    }
  }
  const notice = await draft('notice', today.slice(0, 7), `关于${Number(today.slice(5, 7))}月督办事项逾期情况的通报`);
  const { report } = await s.reports.get(actor, notice);
  await s.reports.edit(ctx(), actor, notice, report.version, { sections: [{ key: 'next_steps', text: '一是对红灯事项逐项约谈责任单位主要负责人。\n二是下周起实行逾期事项日报制度。' }] });

  let summaries = 0;
  const staff = await db.selectFrom('person').select(['id']).where('login', '=', 'jyj.staff1').executeTakeFirst();
  if (staff) {
    const a = (await s.auth.actorFor(staff.id, 'session'))!;
    const { summary } = await s.reports.openSummary({ ...ctx(), actorId: staff.id, actorLogin: 'jyj.staff1' }, a, previousPeriod('monthly', today).key);
    await s.reports.saveSummary({ ...ctx(), actorId: staff.id, actorLogin: 'jyj.staff1' }, a, summary.id, summary.version, { text: '本月按时完成督办事项，校舍安全排查全覆盖。下月重点推进维修项目。' });
    await s.reports.submitSummary({ ...ctx(), actorId: staff.id, actorLogin: 'jyj.staff1' }, a, summary.id, summary.version + 1);
    summaries = 1;
  }
  return { issued, drafts: 1, summaries };
}
