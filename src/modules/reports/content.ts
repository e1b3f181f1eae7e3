import type { Actor } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/db/schema.ts';
import type { ModuleServices } from '../../platform/module.ts';
import { ESCALATION_LEVELS, ESCALATION_NAMES } from '../tasks/rules.ts';
import { KIND_NAMES, RECORD_KINDS } from '../accountability/rules.ts';
import { NO_DATA, REPORT_KIND_NAMES, percent, type Period, type ReportContent, type ReportKind, type Section } from './rules.ts';

/**
 * The scoreboard's reads a report cites, when that module is present (it lands on its own
 * branch): the period's ranking and the model cases selected for citation.
 */
export interface ScoreboardReader {
  ranking(unitPath: string, periodKey: string): Promise<{ groupName: string; unitName: string; score: number; rank: number; change: number | null }[]>;
  modelCases(unitPath: string, periodKey: string): Promise<{ title: string; unitName: string; summary: string }[]>;
}

/** The scoreboard's period for a report's: a month, quarter or year as it is; a week or range: the month it starts in. */
const scorePeriod = (p: Period) => (/^\d{4}(-\d{2}|-Q[1-4])?$/.test(p.key) ? p.key : p.from.slice(0, 7));

/** The services a report reads from; any but tasks may be absent (its sections then say 暂无数据). */
export type ReportSources = Pick<ModuleServices, 'taskViews'> &
  Partial<Pick<ModuleServices, 'publicRequests' | 'meetings' | 'documents' | 'research' | 'accountability'>> & { scoreboard?: ScoreboardReader | undefined };

/** The actor a report reads as: a supervisor over the report's unit who is nobody (the content does not depend on who asked). */
export function readerOver(unit: Pick<Unit, 'id' | 'path'>): Actor {
  return { personId: 0, login: 'job:reports', name: '系统', unitId: unit.id, unitPath: unit.path, regionPath: unit.path, roles: ['supervisor'], via: 'token' };
}

const mondayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const pctText = (v: number | null) => (v === null ? '—' : `${v}%`);

/** A section whose module is absent or failed: the heading and 暂无数据. */
const empty = (key: string, heading: string): Section => ({ key, heading, text: NO_DATA, table: null });

/**
 * Builds a report's content from data, through each module's service (read as a supervisor over
 * the unit): red tasks, units with red tasks, the period's completions and escalations by week,
 * rankings and model cases (scoreboard), citizens' requests, meetings and documents, field days,
 * accountability records. A section whose module is absent says 暂无数据.
 */
export async function buildContent(src: ReportSources, unit: Unit, kind: ReportKind, period: Period, today: string, office: string, rows: number): Promise<ReportContent> {
  const actor = readerOver(unit);
  const year = Number(period.from.slice(0, 4));
  const sections: Section[] = [];
  const filter = { unitPath: unit.path };

  // 红灯事项 and 逾期单位 (as they stand on the day the report is made).
  const stats = await src.taskViews.stats(actor, filter);
  const total = stats.reduce((n, r) => n + Number(r.n), 0);
  const red = stats.filter((r) => r.light === 'red');
  const redTotal = red.reduce((n, r) => n + Number(r.n), 0);
  const byUnit = new Map<string, number>();
  for (const r of red) byUnit.set(r.unitName, (byUnit.get(r.unitName) ?? 0) + Number(r.n));
  const overdueUnits = [...byUnit].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));

  // 办结与预警: the weeks of the period.
  const weeksBack = Math.min(60, Math.max(1, Math.ceil((Date.parse(today) - Date.parse(mondayOf(period.from))) / (7 * 86_400_000)) + 1));
  const trend = (await src.taskViews.trend(actor, filter, weeksBack)).filter((w) => w.week >= mondayOf(period.from) && w.week < period.to);
  const done = trend.reduce((n, w) => n + w.done, 0);
  const onTime = trend.reduce((n, w) => n + w.onTime, 0);
  const esc = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, trend.reduce((n, w) => n + (w.escalations[l] ?? 0), 0)])) as Record<(typeof ESCALATION_LEVELS)[number], number>;

  sections.push({
    key: 'overview',
    heading: '总体情况',
    text: `${period.label}，${unit.name}在办督办事项 ${total} 项，其中红灯（逾期未办结）${redTotal} 项，涉及 ${overdueUnits.length} 个单位；本期办结 ${done} 项，按时办结率 ${pctText(percent(onTime, done))}；触发提醒 ${esc.remind} 次、催办 ${esc.urge} 次、督办 ${esc.supervise} 次、通报 ${esc.notice} 次、问责建议 ${esc.accountability} 次。`,
    table: null,
  });

  const redList = (await src.taskViews.list(actor, { ...filter, light: 'red' }, { sort: 'deadline', limit: rows })).items;
  sections.push({
    key: 'red_tasks',
    heading: '红灯事项',
    text: redList.length ? `以下 ${redList.length} 项督办事项已逾期未办结，请责任单位马上办理并报送情况说明。` : '本期无逾期未办结事项。',
    table: redList.length
      ? { columns: ['序号', '督办事项', '主办单位', '责任人', '完成时限', '逾期工作日'], rows: redList.map((t, i) => [i + 1, t.task.title, t.task.leadUnitName, t.task.responsibleName ?? '—', t.task.deadline, t.light.overdueWorkdays]) }
      : null,
  });

  sections.push({
    key: 'overdue_units',
    heading: '逾期单位',
    text: overdueUnits.length ? `${overdueUnits.length} 个单位有逾期未办结事项。` : '本期无逾期单位。',
    table: overdueUnits.length ? { columns: ['单位', '红灯事项数'], rows: overdueUnits.slice(0, rows).map(([name, n]) => [name, n]) } : null,
  });

  sections.push({
    key: 'escalations',
    heading: '办结与预警',
    text: trend.length ? `本期按周统计的办结、按时办结和预警升级情况如下。` : NO_DATA,
    table: trend.length
      ? { columns: ['周（起）', '办结', '按时办结', '按时率', ...ESCALATION_LEVELS.map((l) => ESCALATION_NAMES[l])], rows: trend.map((w) => [w.week, w.done, w.onTime, pctText(percent(w.onTime, w.done)), ...ESCALATION_LEVELS.map((l) => w.escalations[l] ?? 0)]) }
      : null,
    chart: trend.length ? { categories: trend.map((w) => w.week), series: [{ name: '办结', data: trend.map((w) => w.done) }, { name: '按时办结', data: trend.map((w) => w.onTime) }, ...ESCALATION_LEVELS.map((l) => ({ name: ESCALATION_NAMES[l], data: trend.map((w) => w.escalations[l] ?? 0) }))] } : null,
  });

  // 比学赶超: the scoreboard's ranking and model cases.
  if (src.scoreboard) {
    const ranking = await src.scoreboard.ranking(unit.path, scorePeriod(period)).catch(() => []);
    sections.push({
      key: 'rankings',
      heading: '效能排名',
      text: ranking.length ? `本期效能指数排名如下（红榜前列、黑榜末位）。` : NO_DATA,
      table: ranking.length ? { columns: ['分组', '名次', '单位', '效能指数', '较上期'], rows: ranking.slice(0, rows).map((r) => [r.groupName, r.rank, r.unitName, r.score, r.change === null ? '—' : r.change]) } : null,
    });
    const cases = await src.scoreboard.modelCases(unit.path, scorePeriod(period)).catch(() => []);
    sections.push({ key: 'model_cases', heading: '典型案例', text: cases.length ? cases.map((c) => `${c.unitName}：${c.title}。${c.summary}`).join('\n') : NO_DATA, table: null });
  } else {
    sections.push(empty('rankings', '效能排名'), empty('model_cases', '典型案例'));
  }

  if (src.publicRequests) {
    const s = await src.publicRequests.publicStats(unit.id, year).catch(() => null);
    const units = s?.units ?? [];
    sections.push({
      key: 'citizen',
      heading: '群众诉求',
      text: units.length ? `${year}年以来群众诉求受理 ${units.reduce((n, u) => n + u.volume, 0)} 件，办结 ${units.reduce((n, u) => n + u.answered, 0)} 件。` : NO_DATA,
      table: units.length
        ? { columns: ['单位', '受理', '办结', '按时率', '满意率'], rows: units.slice(0, rows).map((u) => [u.unitName, u.volume, u.answered, pctText(u.onTimeRate === null ? null : Math.round(u.onTimeRate * 1000) / 10), pctText(u.satisfactionRate === null ? null : Math.round(u.satisfactionRate * 1000) / 10)]) }
        : null,
    });
  } else sections.push(empty('citizen', '群众诉求'));

  const mdRows: (string | number)[][] = [];
  if (src.meetings) {
    const m = await src.meetings.stats(actor, { unitId: unit.id, year }).catch(() => null);
    if (m) mdRows.push(['会议（次）', m.total.thisYear, m.total.lastYear], ['会议决定按时落实率', pctText(m.tasks.shareOnTime === null ? null : Math.round(m.tasks.shareOnTime * 1000) / 10), '—']);
  }
  if (src.documents) {
    const d = await src.documents.stats(actor, { unitId: unit.id, year }).catch(() => null);
    if (d) {
      const sum = (k: 'issuedThisYear' | 'issuedLastYear' | 'overLimit') => d.rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
      mdRows.push(['发文（件）', sum('issuedThisYear'), sum('issuedLastYear')], ['超字数公文（件）', sum('overLimit'), '—']);
    }
  }
  sections.push({ key: 'meetings_documents', heading: '精文减会', text: mdRows.length ? `${year}年会议、发文与上年同期比较如下。` : NO_DATA, table: mdRows.length ? { columns: ['项目', `${year}年`, `${year - 1}年`], rows: mdRows } : null });

  if (src.research) {
    const a = await src.research.annual(actor, { unitId: unit.id, year }).catch(() => null);
    const leaders = (a?.rows ?? []).filter((r) => r.quota.target > 0);
    sections.push({
      key: 'field_days',
      heading: '一线工作',
      text: leaders.length ? `${leaders.length} 名领导干部有年度下基层天数要求，其中 ${leaders.filter((r) => r.quota.behind).length} 名滞后。` : NO_DATA,
      table: leaders.length ? { columns: ['姓名', '单位', '年度目标（天）', '已完成（天）', '应完成（天）', '是否滞后'], rows: leaders.slice(0, rows).map((r) => [r.person.name, r.person.unitName, r.quota.target, r.quota.days, r.quota.expectedByNow, r.quota.behind ? '滞后' : '正常']) } : null,
    });
  } else sections.push(empty('field_days', '一线工作'));

  if (src.accountability) {
    const counts = await src.accountability.countsIssued(unit.path, period);
    const n = counts.reduce((s, c) => s + c.n, 0);
    sections.push({ key: 'accountability', heading: '问责情况', text: n ? `本期印发问责类文书 ${n} 件。` : '本期无问责类文书。', table: n ? { columns: ['类别', '件数'], rows: RECORD_KINDS.map((k) => [KIND_NAMES[k], counts.find((c) => c.kind === k)?.n ?? 0]) } : null });
  } else sections.push(empty('accountability', '问责情况'));

  sections.push({ key: 'next_steps', heading: '下步工作', text: '请各责任单位对照上述情况，马上对逾期事项整改落实，按时报送进展。', table: null });

  return { title: `${unit.name}${period.label}督查${REPORT_KIND_NAMES[kind]}`, sections, signer: office, date: today };
}
