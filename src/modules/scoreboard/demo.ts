import type { AuditContext } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { parsePeriod, periodOf, previousPeriod, type Period } from './rules.ts';

type Services = PlatformServices & ModuleServices;

/** How many finished months (and quarters, years) before the current one the demo computes. */
const MONTHS_BACK = 6;

const PRACTICES: { title: string; summary: string; body: string; tags: string[] }[] = [
  {
    title: '“马上就办”闭环督办：一周清零群众反映的村道问题',
    summary: '接到交办后当日签收、次日现场办公、一周内完成修复并回访，群众满意率百分之百。',
    body: '一、做法：建立“交办—签收—现场办公—整改—回访”五步闭环，明确每一步的责任人和时限。\n二、成效：村道修复提前三天完成，群众回访均为满意。\n三、经验：领导带头下沉一线，问题在现场解决。',
    tags: ['马上就办', '一线工作法'],
  },
  {
    title: '精文减会：以“清单化”督办替代层层开会',
    summary: '全年部署会议减少三成，改以任务清单直接交办到责任单位，办结率不降反升。',
    body: '一、做法：能发清单的不开会，能合并的会议合并开。\n二、成效：会议数量同比下降，按期办结率提高。\n三、经验：一次布置到位，督办跟进到底。',
    tags: ['精文减会', '清单化'],
  },
  {
    title: '群众诉求“首接负责”：十二小时内响应',
    summary: '首接单位对群众诉求负责到底，响应时限压缩到十二小时以内。',
    body: '一、做法：首接单位登记、分办、跟踪、回访全程负责。\n二、成效：诉求按期办结率和满意率均居全县前列。',
    tags: ['群众口碑', '首接负责'],
  },
  {
    title: '重点项目“周调度”：进度报告从不逾期',
    summary: '重点项目每周报告进度，问题清单化，按期办结。',
    body: '一、做法：每周一报送进度，督查室每周通报。\n二、成效：项目按期推进，无一逾期。',
    tags: ['重点项目'],
  },
];

/**
 * The demo county's scoreboard after its tasks and requests exist: the last six months, the last
 * quarters and last year (closed: they are over) and the current month, quarter and year, through
 * the job's own computation in time order (so each change has a period before it); and four
 * model cases of the supervisors' office — two selected, one rejected, one still nominated.
 */
export async function seedDemoScoreboard(s: Services): Promise<Record<string, number>> {
  const { db } = s.database;
  const today = shanghaiDate(s.clock.now());
  const periods: Period[] = [];
  for (const kind of ['month', 'quarter', 'year'] as const) {
    let p: Period | null = periodOf(kind, today);
    const chain: Period[] = [];
    const back = kind === 'month' ? MONTHS_BACK : kind === 'quarter' ? 2 : 1;
    for (let i = 0; i <= back && p; i++, p = previousPeriod(p)) chain.unshift(p);
    periods.push(...chain);
  }
  let rows = 0;
  for (const p of periods) {
    const r = await s.scoreboard.computePeriod(parsePeriod(p.key)!);
    rows += r.units + r.people;
  }

  const sup = await db.selectFrom('person').select('id').where('login', '=', 'duchashi').executeTakeFirst();
  const actor = sup ? await s.auth.actorFor(sup.id, 'session') : null;
  let cases = 0;
  if (actor) {
    const ctx: AuditContext = { actorId: actor.personId, actorLogin: actor.login, clientIp: '127.0.0.1', now: s.clock.now() };
    const done = await db.selectFrom('task').select(['id']).where('status', 'in', ['verified', 'closed']).where('sourceKind', '!=', 'citizen').orderBy('id').limit(PRACTICES.length).execute();
    for (const [i, practice] of PRACTICES.entries()) {
      const taskId = done[i]?.id;
      const c = await s.scoreboard.nominate(ctx, actor, { ...practice, ...(taskId ? { taskId } : { unitId: actor.unitId }) });
      cases++;
      if (i < 2) await s.scoreboard.decideCase(ctx, actor, c.id, c.version, 'select', '做法可复制可推广，列入典型案例库。');
      else if (i === 2) await s.scoreboard.decideCase(ctx, actor, c.id, c.version, 'reject', '成效数据尚需补充，暂不入选。');
    }
  }
  return { periods: periods.length, scores: rows, cases };
}
