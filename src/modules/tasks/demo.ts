import { OffsetClock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { runEscalationJob } from './jobs.ts';
import type { TaskLevel, SourceKind } from './rules.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { rng } from '../../demo/rng.ts';

/**
 * The demo county's supervision work over the last seven weeks, replayed through the real
 * services with a clock that walks forward: some tasks done and closed, some in progress,
 * some near their deadline, some overdue and escalated. Deterministic.
 */
const TITLES: [string, string, TaskLevel, SourceKind, string][] = [
  ['落实全县安全生产大检查', 'yjj', 'key', 'meeting', '县政府第 18 次常务会议'],
  ['推进城区老旧小区改造', 'zjj', 'major', 'directive', '省住建厅〔2026〕45号'],
  ['秋冬季森林防火隐患排查', 'zrj', 'key', 'instruction', '县长批示'],
  ['义务教育阶段学校校舍安全排查', 'jyj', 'key', 'meeting', '县委常委会第 21 次会议'],
  ['农村饮水安全巩固提升', 'slj', 'major', 'directive', '市政府督办件'],
  ['优化营商环境“一件事一次办”改革', 'zwj', 'key', 'document', '县政府办发〔2026〕17号'],
  ['冬季供暖保障应急预案', 'zjj', 'normal', 'instruction', '常务副县长批示'],
  ['高标准农田建设项目验收', 'nyj', 'key', 'directive', '省农业农村厅通知'],
  ['城乡居民医保参保扩面', 'ybj', 'normal', 'meeting', '县政府第 17 次常务会议'],
  ['食品安全专项整治', 'scj', 'key', 'citizen', '12345 热线诉求汇总'],
  ['全县重点项目投资统计核查', 'tjj', 'normal', 'directive', '市统计局通知'],
  ['信访积案化解攻坚', 'xfj', 'major', 'instruction', '县委书记批示'],
  ['县城污水处理厂提标改造', 'hbj', 'major', 'meeting', '县委常委会第 20 次会议'],
  ['农村公路安全生命防护工程', 'jtj', 'key', 'research', '县长调研发现'],
  ['稳岗就业政策落实', 'rsj', 'normal', 'document', '县政府办发〔2026〕21号'],
  ['困难群众冬春救助', 'mzj', 'key', 'instruction', '分管副县长批示'],
  ['基层医疗机构能力提升', 'wjj', 'normal', 'research', '副县长调研发现'],
  ['招商引资项目跟踪服务', 'swj', 'key', 'meeting', '招商引资推进会'],
  ['文旅消费季活动组织', 'wlj', 'normal', 'directive', '市文旅局通知'],
  ['财政资金绩效评价', 'czj', 'normal', 'document', '县财政局通知'],
  ['城关镇农贸市场升级改造', 'cgz', 'key', 'citizen', '群众来信'],
  ['东山镇人居环境整治', 'dsz', 'normal', 'research', '县委书记调研发现'],
  ['西河乡防汛设施修复', 'xhx', 'key', 'instruction', '县长批示'],
  ['南岭镇特色产业园建设', 'nlz', 'major', 'meeting', '县委常委会第 19 次会议'],
  ['北坝乡易地搬迁后续扶持', 'bbx', 'key', 'directive', '省乡村振兴局通知'],
  ['青石镇矿山生态修复', 'qsz', 'normal', 'research', '常务副县长调研发现'],
  ['白云乡茶产业品牌打造', 'byx', 'normal', 'meeting', '乡村振兴推进会'],
  ['龙泉镇集镇道路改造', 'lqz', 'key', 'citizen', '12345 热线诉求'],
  ['桃源乡村级活动场所提升', 'tyx', 'normal', 'document', '县委组织部通知'],
  ['松林乡森林防火通道建设', 'slx', 'key', 'instruction', '分管副县长批示'],
  ['政务服务“好差评”整改', 'zwj', 'normal', 'citizen', '差评工单汇总'],
  ['校园周边交通秩序整治', 'gaj', 'key', 'citizen', '家长来信'],
  ['法治政府建设年度报告', 'sfj', 'normal', 'document', '县委依法治县办通知'],
  ['新型工业化项目入统', 'gxj', 'normal', 'meeting', '工业经济运行调度会'],
  ['重点项目用地保障', 'zrj', 'major', 'meeting', '县政府第 16 次常务会议'],
  ['县域医共体建设', 'wjj', 'key', 'directive', '省卫健委通知'],
  ['乡村教师周转房建设', 'jyj', 'normal', 'research', '副县长调研发现'],
  ['粮食安全党政同责考核准备', 'nyj', 'key', 'directive', '市委农办通知'],
  ['全县干部作风建设专项督查', 'zzb', 'key', 'instruction', '县委书记批示'],
  ['重大政策解读宣传', 'xcb', 'normal', 'meeting', '县委常委会第 21 次会议'],
];

const ASSIGNERS = ['xianzhang', 'changwu', 'fuxianzhang1', 'fuxianzhang2', 'fuxianzhang3', 'duchashi', 'shuji'];

/**
 * 协办: the tasks (by their index in TITLES) that the assigner gave co-units, and the 分管领导 who
 * oversees each (not the assigner). Chosen by index, not by the random stream, so the rest of the
 * replay stays as it was. A co-unit signs for its part about a day after 交办 and reports on it a
 * week later, unless the part is left unsigned (the last of the list) to show a co-unit behind.
 */
const CO_UNITS: Record<number, { units: string[]; overseer: string }> = {
  1: { units: ['czj', 'zrj'], overseer: 'fuxianzhang3' },
  4: { units: ['nyj'], overseer: 'fuxianzhang2' },
  12: { units: ['zjj', 'czj'], overseer: 'fuxianzhang3' },
  13: { units: ['gaj'], overseer: 'fuxianzhang3' },
  23: { units: ['fgj', 'zrj'], overseer: 'changwu' },
  31: { units: ['jtj', 'jyj'], overseer: 'fuxianzhang1' },
};
const CO_UNSIGNED = new Set(['31:jyj']);

type Step = { at: number; run: () => Promise<unknown> };

export async function seedDemoTasks(services: PlatformServices & ModuleServices, withClock: (clock: Clock) => PlatformServices & ModuleServices): Promise<{ tasks: number; escalations: number; steps: number }> {
  const { db } = services.database;
  const now = services.clock.now();
  const day = 86_400_000;
  const start = now.getTime() - 49 * day;
  // Replay on a clock of its own, walking from seven weeks ago to now.
  const clock = new OffsetClock(new Date(start));
  const replay = withClock(clock);
  const random = rng(7);
  const people = await db.selectFrom('person').select(['id', 'login']).execute();
  const idOf = (login: string) => people.find((p) => p.login === login)?.id;
  const actors = new Map<string, Actor>();
  const actor = async (login: string) => {
    let a = actors.get(login);
    if (!a) {
      const id = idOf(login);
      if (!id) throw new Error(`demo person ${login} is missing`);
      a = (await replay.auth.actorFor(id, 'session'))!;
      actors.set(login, a);
    }
    return a;
  };
  const units = await db.selectFrom('unit').select(['id', 'code', 'name']).execute();
  const ctxAt = (a: Actor): AuditContext => ({ actorId: a.personId, actorLogin: a.login, clientIp: '127.0.0.1', now: clock.now() });
  const cal = await services.calendar.get();

  const steps: Step[] = [];
  const versions = new Map<number, number>();
  const v = (id: number) => versions.get(id)!;
  const bump = (id: number, t: { version: number }) => versions.set(id, t.version);

  TITLES.forEach(([title, unitCode, level, sourceKind, ref], i) => {
    const assignedAt = start + Math.floor(random() * 42) * day + 9 * 3600_000 + Math.floor(random() * 8) * 3600_000;
    const assignerLogin = ASSIGNERS[i % ASSIGNERS.length]!;
    const workdays = 5 + Math.floor(random() * 30);
    const fate = random(); // < .3 done, < .55 in progress, < .7 submitted/awaiting, else left to go red
    const leadUnitId = units.find((u) => u.code === unitCode)!.id;
    const co = CO_UNITS[i];
    let taskId = 0;
    steps.push({
      at: assignedAt,
      run: async () => {
        const a = await actor(assignerLogin);
        const assignedOn = new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
        const t = await replay.tasks.create(ctxAt(a), a, {
          title,
          level,
          leadUnitId,
          leaderId: co ? idOf(co.overseer) : assignerLogin === 'duchashi' ? idOf('xianzhang') : a.personId,
          ...(co ? { coUnitIds: co.units.map((c) => units.find((u) => u.code === c)!.id) } : {}),
          deadline: cal.addWorkdays(assignedOn, workdays).date,
          source: { kind: sourceKind, ref },
          standard: '按期保质完成，群众满意',
          assessment: '督查室现场核查 + 群众评议',
        });
        taskId = t.id;
        bump(t.id, t);
      },
    });
    const signDelay = (random() < 0.85 ? 0.2 + random() * 1.5 : 3) * day;
    co?.units.forEach((code, k) => {
      if (CO_UNSIGNED.has(`${i}:${code}`)) return;
      const unitId = units.find((u) => u.code === code)!.id;
      steps.push({
        at: assignedAt + (0.8 + 0.3 * k) * day,
        run: async () => {
          const head = await actor(`${code}.head`);
          bump(taskId, await replay.tasks.coSign(ctxAt(head), head, taskId, v(taskId), unitId));
        },
      });
      steps.push({
        at: assignedAt + (7 + k) * day,
        run: async () => {
          const head = await actor(`${code}.head`);
          const text = `${units.find((u) => u.code === code)!.name}承担部分：已落实专人、资金和进度表，完成约 ${40 + 20 * k}%。`;
          bump(taskId, await replay.tasks.coProgress(ctxAt(head), head, taskId, v(taskId), { unitId, percent: 40 + 20 * k, text }));
        },
      });
    });
    if (fate < 0.95) {
      steps.push({ at: assignedAt + signDelay, run: async () => bump(taskId, await replay.tasks.sign(ctxAt(await actor(`${unitCode}.head`)), await actor(`${unitCode}.head`), taskId, v(taskId))) });
      steps.push({
        at: assignedAt + signDelay + 0.1 * day,
        run: async () => {
          const head = await actor(`${unitCode}.head`);
          bump(taskId, await replay.tasks.dispatch(ctxAt(head), head, taskId, v(taskId), idOf(`${unitCode}.staff1`)!, '请抓紧落实，按时报送进展'));
        },
      });
      const reports = 1 + Math.floor(random() * 3);
      for (let r = 1; r <= reports; r++) {
        steps.push({
          at: assignedAt + signDelay + r * 6 * day,
          run: async () => {
            const staff = await actor(`${unitCode}.staff1`);
            bump(taskId, await replay.tasks.progress(ctxAt(staff), staff, taskId, v(taskId), { percent: Math.min(90, r * 30), text: `第 ${r} 次进展：已完成阶段任务 ${r}/${reports + 1}，正在推进下一阶段。` }));
          },
        });
      }
      if (fate < 0.55) {
        const doneAt = assignedAt + signDelay + (reports * 6 + 2) * day;
        steps.push({
          at: doneAt,
          run: async () => {
            const staff = await actor(`${unitCode}.staff1`);
            bump(
              taskId,
              await replay.tasks.submit(ctxAt(staff), staff, taskId, v(taskId), { text: `${title}已全部完成，相关材料已归档。`, evidence: '现场照片、验收单' }, { done: `按方案完成${title}`, result: '达到工作标准，群众反映良好', lessons: '提前谋划、倒排工期、专人盯办' }),
            );
          },
        });
        if (fate < 0.3) {
          steps.push({ at: doneAt + 0.5 * day, run: async () => bump(taskId, await replay.tasks.verify(ctxAt(await actor(assignerLogin)), await actor(assignerLogin), taskId, v(taskId), '同意办结')) });
          if (fate < 0.18) steps.push({ at: doneAt + 1.5 * day, run: async () => bump(taskId, await replay.tasks.close(ctxAt(await actor(assignerLogin)), await actor(assignerLogin), taskId, v(taskId))) });
        }
      }
    }
  });

  // The ladder as it would have run: the escalation scan each working morning at 09:05 (Asia/Shanghai),
  // on the replay's clock, so each rung is stamped on its own day in office hours (not all at
  // once, at whatever minute the demo was seeded).
  let escalations = 0;
  for (let d = start - (start % day); d < now.getTime(); d += day) {
    const scanAt = d + 1 * 3600_000 + 5 * 60_000; // 01:05 UTC = 09:05 Asia/Shanghai
    const date = new Date(scanAt + 8 * 3600_000).toISOString().slice(0, 10);
    if (scanAt <= start || !cal.isWorkday(date)) continue;
    steps.push({
      at: scanAt,
      run: async () => {
        const scan = await runEscalationJob(db, replay.escalation);
        if (scan.ran) escalations += scan.result.fired;
      },
    });
  }

  steps.sort((x, y) => x.at - y.at);
  let done = 0;
  for (const step of steps) {
    if (step.at >= now.getTime()) continue; // the future has not happened yet
    clock.set(new Date(step.at));
    try {
      await step.run();
      done += 1;
    } catch (err) {
      // A step whose task went another way (e.g. a deadline passed before submission) is skipped.
      if (!(err instanceof Error) || !('status' in err)) throw err;
    }
  }
  // Today's rungs, if the morning's scan has not run yet.
  const scan = await runEscalationJob(db, services.escalation);
  if (scan.ran) escalations += scan.result.fired;
  const total = await db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { tasks: Number(total.n), escalations, steps: done };
}
