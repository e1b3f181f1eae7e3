import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { OffsetClock, type Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { runEscalationJob } from '../tasks/jobs.ts';
import type { TaskLevel } from '../tasks/rules.ts';
import { rng } from '../../demo/rng.ts';
import type { MeetingKind, MeetingScope } from './rules.ts';
import type { AgendaInput } from './service.ts';

/**
 * The demo county's meetings over the last two years, replayed through the real services on a
 * clock of its own: last year's region-wide meetings (the baseline of the yearly count), and
 * this year's — planned, some with findings (an over-long speech, a meeting to merge), two
 * blocked plans overridden with a written reason and approved by the 督查室, one refused and
 * planned again, speeches timed, decisions concluded into supervised tasks that then go their
 * different ways (done on time, done late, in progress, overdue), a few meetings still to come
 * (one waiting for approval). The dates are written as if today were 2026-12-01 and shifted to
 * the real today. Deterministic.
 */

const AS_OF = Date.parse('2026-12-01T00:00:00+08:00');
const DAY = 86_400_000;

type Decision = [text: string, leadUnit: string, workdays: number, level: TaskLevel];
interface DemoMeeting {
  date: string;
  title: string;
  kind: MeetingKind;
  scope: MeetingScope;
  org: string;
  by: string;
  minutes: number;
  attend?: string[];
  /** Speakers: the first is the main speech, the others not unless marked `main`. */
  speakers?: ([string, number] | [string, number, 'main'])[];
  reason?: string;
  decide?: 'approve' | 'refuse';
  decisions?: Decision[];
  place?: string;
  online?: boolean;
}

const TOWNSHIPS = ['cgz', 'dsz', 'xhx', 'nlz', 'bbx', 'qsz', 'byx', 'lqz', 'tyx', 'slx'];

/** Last year's region-wide meetings: held, the baseline this year's count is held to. */
const LAST_YEAR: [string, string, MeetingKind, string, string][] = [
  ['2025-01-10', '全县经济工作会议', 'comprehensive', 'xzfb', 'xianzhang'],
  ['2025-02-14', '全县安全生产工作会议', 'topic', 'yjj', 'yjj.head'],
  ['2025-02-28', '全县教育工作会议', 'topic', 'jyj', 'jyj.head'],
  ['2025-03-14', '全县农业农村工作会议', 'topic', 'nyj', 'nyj.head'],
  ['2025-03-28', '春季森林防火工作会议', 'topic', 'zrj', 'zrj.head'],
  ['2025-04-11', '全县招商引资工作会议', 'topic', 'swj', 'swj.head'],
  ['2025-04-25', '全县卫生健康工作会议', 'topic', 'wjj', 'wjj.head'],
  ['2025-05-16', '全县交通运输工作会议', 'topic', 'jtj', 'jtj.head'],
  ['2025-05-30', '全县防汛抗旱工作会议', 'topic', 'slj', 'slj.head'],
  ['2025-06-13', '全县市场监管工作会议', 'topic', 'scj', 'scj.head'],
  ['2025-06-27', '全县信访工作会议', 'topic', 'xfj', 'xfj.head'],
  ['2025-07-11', '全县上半年经济运行分析会', 'topic', 'fgj', 'fgj.head'],
  ['2025-08-08', '全县生态环境保护工作会议', 'topic', 'hbj', 'hbj.head'],
  ['2025-08-29', '全县民政工作会议', 'topic', 'mzj', 'mzj.head'],
  ['2025-09-12', '全县就业创业工作会议', 'topic', 'rsj', 'rsj.head'],
  ['2025-10-17', '全县政务服务工作会议', 'topic', 'zwj', 'zwj.head'],
  ['2025-11-07', '全县统计工作会议', 'topic', 'tjj', 'tjj.head'],
  ['2025-12-05', '全县冬季安全生产工作会议', 'topic', 'yjj', 'yjj.head'],
];

const THIS_YEAR: DemoMeeting[] = [
  {
    date: '2026-01-09', title: '全县经济工作会议', kind: 'comprehensive', scope: 'region', org: 'xzfb', by: 'xianzhang', minutes: 180,
    attend: ['fgj', 'czj', 'gxj', 'swj', 'tjj', 'zrj', 'cgz', 'dsz'], speakers: [['县长', 50], ['县发展和改革局局长', 10], ['县财政局局长', 10], ['城关镇镇长', 8]],
    decisions: [['制定年度重点项目清单并按月调度', 'fgj', 20, 'major'], ['编制年度预算执行方案', 'czj', 15, 'key'], ['出台工业稳增长十条措施', 'gxj', 25, 'key']],
  },
  {
    date: '2026-01-16', title: '县政府第 1 次常务会议', kind: 'standing', scope: 'internal', org: 'xzfb', by: 'changwu', minutes: 120, attend: ['czj', 'fgj', 'zjj'],
    decisions: [['春节期间保供稳价工作方案', 'scj', 8, 'key'], ['城区老旧小区改造年度计划', 'zjj', 20, 'normal']],
  },
  {
    date: '2026-02-06', title: '全县安全生产工作会议', kind: 'topic', scope: 'region', org: 'yjj', by: 'yjj.head', minutes: 120, attend: ['jtj', 'zjj', 'scj', 'gaj'],
    decisions: [['开展节后复工复产安全检查', 'yjj', 10, 'key']],
  },
  {
    date: '2026-02-27', title: '春季森林防火部署会', kind: 'topic', scope: 'region', org: 'zrj', by: 'zrj.head', minutes: 90, attend: ['dsz', 'qsz', 'slx', 'byx'],
    // A township head's statement planned at 15 minutes: a warning, not a block.
    speakers: [['县自然资源局局长', 30], ['东山镇镇长', 15], ['松林乡乡长', 8]],
    decisions: [['完成林区防火隐患排查', 'zrj', 15, 'key']],
  },
  {
    date: '2026-03-06', title: '县政府第 3 次常务会议', kind: 'standing', scope: 'internal', org: 'xzfb', by: 'changwu', minutes: 150, attend: ['jyj', 'wjj', 'ybj'],
    decisions: [['城乡居民医保参保扩面', 'ybj', 20, 'normal'], ['基层医疗机构能力提升方案', 'wjj', 25, 'normal']],
  },
  {
    date: '2026-03-13', title: '全县教育工作会议暨校长培训会', kind: 'topic', scope: 'region', org: 'jyj', by: 'jyj.head', minutes: 330, attend: TOWNSHIPS.slice(0, 5),
    speakers: [['县教育体育局局长', 45], ['分管副局长', 10], ['城关镇中心学校校长', 10], ['培训讲师', 60]],
    reason: '会议与全县校长年度培训合并召开，培训课程须半天以上，合并后全年减少一次全县性会议。',
    decide: 'approve',
    decisions: [['义务教育阶段学校校舍安全排查', 'jyj', 20, 'key']],
  },
  {
    date: '2026-04-03', title: '全县农业农村工作会议', kind: 'topic', scope: 'region', org: 'nyj', by: 'nyj.head', minutes: 120, attend: TOWNSHIPS,
    decisions: [['高标准农田建设项目年度任务分解', 'nyj', 15, 'key'], ['粮食生产目标责任落实', 'nyj', 20, 'major']],
  },
  {
    date: '2026-04-17', title: '乡村振兴重点任务调度会', kind: 'topic', scope: 'region', org: 'nyj', by: 'nyj.head', minutes: 90, attend: ['bbx', 'byx', 'tyx'], online: true,
    decisions: [['易地搬迁后续扶持项目推进', 'nyj', 20, 'key']],
  },
  {
    date: '2026-05-08', title: '安全生产大检查部署会', kind: 'topic', scope: 'region', org: 'yjj', by: 'yjj.head', minutes: 90, attend: ['zjj', 'jtj', 'scj'],
    decisions: [['开展安全生产大检查', 'yjj', 15, 'key']],
  },
  {
    // A week after the one above, on the same topic with the same units: the check suggests merging.
    date: '2026-05-14', title: '安全生产检查推进会', kind: 'topic', scope: 'region', org: 'yjj', by: 'yjj.head', minutes: 60, attend: ['zjj', 'jtj', 'scj'],
    decisions: [['通报大检查发现问题并限期整改', 'yjj', 10, 'normal']],
  },
  {
    date: '2026-05-22', title: '县政府第 8 次常务会议', kind: 'standing', scope: 'internal', org: 'xzfb', by: 'changwu', minutes: 120, attend: ['zjj', 'zrj', 'jtj'],
    decisions: [['重点项目用地保障', 'zrj', 20, 'major'], ['农村公路安全生命防护工程', 'jtj', 25, 'key']],
  },
  {
    date: '2026-06-05', title: '全县防汛工作视频会议', kind: 'video', scope: 'region', org: 'slj', by: 'slj.head', minutes: 60, attend: TOWNSHIPS, online: true,
    decisions: [['汛前水利设施隐患排查整治', 'slj', 10, 'key']],
  },
  {
    date: '2026-06-19', title: '卫生健康系统工作会议', kind: 'department', scope: 'internal', org: 'wjj', by: 'wjj.head', minutes: 90,
    decisions: [['县域医共体建设推进', 'wjj', 20, 'normal']],
  },
  {
    // The organiser's second comprehensive meeting this year: blocked, overridden, approved.
    date: '2026-07-03', title: '全县半年经济形势分析暨项目建设推进会', kind: 'comprehensive', scope: 'region', org: 'xzfb', by: 'xianzhang', minutes: 150,
    attend: ['fgj', 'czj', 'gxj', 'swj', 'tjj'], speakers: [['县长', 40], ['县统计局局长', 10], ['县发展和改革局局长', 10]],
    reason: '上半年主要指标未达序时进度，须县政府主要领导召集各部门研判形势、部署下半年攻坚，并与项目推进会合并召开。',
    decide: 'approve',
    decisions: [['下半年重点项目投资攻坚方案', 'fgj', 10, 'major'], ['规上工业企业稳产达产服务', 'gxj', 15, 'key']],
  },
  {
    date: '2026-07-17', title: '招商引资推进会', kind: 'topic', scope: 'region', org: 'swj', by: 'swj.head', minutes: 90, attend: ['fgj', 'zrj', 'gxj'],
    decisions: [['在谈项目跟踪服务', 'swj', 20, 'key']],
  },
  {
    // Two main speeches: blocked; the reason did not convince the 督查室 (refused), so it was planned again with one.
    date: '2026-08-07', title: '全县信访工作会议', kind: 'topic', scope: 'region', org: 'xfj', by: 'xfj.head', minutes: 150, attend: TOWNSHIPS.slice(0, 4),
    speakers: [['县信访局局长', 40], ['县委政法委副书记', 30, 'main'], ['城关镇镇长', 8]],
    reason: '信访局和政法委均需作主要讲话，分别部署积案化解和矛盾纠纷排查工作，请予批准。',
    decide: 'refuse',
  },
  {
    date: '2026-08-14', title: '全县信访积案化解推进会', kind: 'topic', scope: 'region', org: 'xfj', by: 'xfj.head', minutes: 90, attend: TOWNSHIPS.slice(0, 4),
    speakers: [['县信访局局长', 40], ['县委政法委副书记', 10], ['城关镇镇长', 8]],
    decisions: [['信访积案化解攻坚', 'xfj', 30, 'major']],
  },
  {
    date: '2026-09-04', title: '县政府第 15 次常务会议', kind: 'standing', scope: 'internal', org: 'xzfb', by: 'changwu', minutes: 120, attend: ['mzj', 'rsj'],
    decisions: [['困难群众冬春救助', 'mzj', 20, 'key'], ['稳岗就业政策落实', 'rsj', 15, 'normal']],
  },
  {
    date: '2026-09-18', title: '秋冬季森林防火工作会议', kind: 'topic', scope: 'region', org: 'zrj', by: 'zrj.head', minutes: 90, attend: ['dsz', 'qsz', 'slx', 'byx'],
    decisions: [['秋冬季森林防火隐患排查', 'zrj', 15, 'key']],
  },
  {
    date: '2026-10-09', title: '城关镇人居环境整治推进会', kind: 'topic', scope: 'internal', org: 'cgz', by: 'cgz.head', minutes: 60,
    decisions: [['农贸市场周边环境整治', 'cgz', 15, 'normal']],
  },
  {
    date: '2026-10-23', title: '财政局年度预算编制会议', kind: 'department', scope: 'internal', org: 'czj', by: 'czj.head', minutes: 90,
    decisions: [['编制下年度部门预算', 'czj', 20, 'key']],
  },
  {
    date: '2026-11-06', title: '县政府第 20 次常务会议', kind: 'standing', scope: 'internal', org: 'xzfb', by: 'changwu', minutes: 120, attend: ['zjj', 'xfj'],
    decisions: [['冬季供暖保障应急预案', 'zjj', 10, 'key'], ['信访突出问题专项治理', 'xfj', 15, 'key']],
  },
  // Held lately, decisions not yet concluded.
  { date: '2026-11-20', title: '冬季供暖保障调度会', kind: 'topic', scope: 'region', org: 'zjj', by: 'zjj.head', minutes: 60, attend: ['cgz', 'czj'], decisions: [['供热管网检修', 'zjj', 5, 'key']] },
  { date: '2026-11-27', title: '东山镇党政班子会议', kind: 'department', scope: 'internal', org: 'dsz', by: 'dsz.head', minutes: 90 },
  // To come.
  { date: '2026-12-04', title: '全县营商环境优化推进会', kind: 'topic', scope: 'region', org: 'zwj', by: 'zwj.head', minutes: 90, attend: ['scj', 'fgj', 'swj'] },
  {
    date: '2026-12-10', title: '全县冬春火灾防控集中培训会', kind: 'topic', scope: 'region', org: 'yjj', by: 'yjj.head', minutes: 420, attend: TOWNSHIPS,
    speakers: [['县应急管理局局长', 40], ['消防救援大队教官', 60], ['消防救援大队教官', 60]],
    reason: '冬春火灾高发，须对各乡镇安全员全天集中培训并现场演练，课程无法压缩到半天。',
  },
  { date: '2026-12-15', title: '县政府第 22 次常务会议', kind: 'standing', scope: 'internal', org: 'xzfb', by: 'changwu', minutes: 120, attend: ['czj'] },
];

const REPLAN_REASON = '（演示）本次会议经主要领导同意确需召开，理由已书面报告督查室。';

type Step = { at: number; run: () => Promise<unknown> };

export async function seedDemoMeetings(services: PlatformServices & ModuleServices, withClock: (clock: Clock) => PlatformServices & ModuleServices): Promise<Record<string, number>> {
  const { db } = services.database;
  const now = services.clock.now().getTime();
  // The dates below are as of 2026-12-01; shifted to today, whole days.
  const shift = Math.round((now - AS_OF) / DAY) * DAY;
  const at = (date: string, hhmm = '09:00') => Date.parse(`${date}T${hhmm}:00+08:00`) + shift;
  const clock = new OffsetClock(new Date(at('2025-01-01')));
  const replay = withClock(clock);
  const random = rng(1117);
  const people = await db.selectFrom('person').select(['id', 'login']).execute();
  const units = await db.selectFrom('unit').select(['id', 'code']).execute();
  const idOf = (login: string) => {
    const p = people.find((x) => x.login === login);
    if (!p) throw new Error(`demo person ${login} is missing`);
    return p.id;
  };
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const actors = new Map<string, Actor>();
  const actor = async (login: string) => {
    let a = actors.get(login);
    if (!a) {
      a = (await replay.auth.actorFor(idOf(login), 'session'))!;
      actors.set(login, a);
    }
    return a;
  };
  const ctxAt = (a: Actor): AuditContext => ({ actorId: a.personId, actorLogin: a.login, clientIp: '127.0.0.1', now: clock.now() });

  const steps: Step[] = [];
  /** Steps a conclusion adds (its tasks' lives), joined to the replay's queue. */
  const pending: Step[] = [];
  const plan = (m: DemoMeeting, past: boolean) => {
    const startsAt = at(m.date, m.kind === 'standing' ? '15:00' : '09:00');
    const speakers = m.speakers ?? [['主要负责同志', 25 + Math.floor(random() * 20)], ...Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i): [string, number] => [`发言单位 ${i + 1}`, 6 + Math.floor(random() * 5)])];
    const agenda: AgendaInput[] = speakers.map(([speaker, minutes, main], i) => ({ speaker, role: i === 0 || main ? 'main' : 'other', minutes, ...(i === 0 ? { topic: m.title.replace(/^全县/, '') } : {}) }));
    const input = {
      title: m.title,
      kind: m.kind,
      scope: m.scope,
      organizerUnitId: unitId(m.org),
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + m.minutes * 60_000).toISOString(),
      ...(m.online ? { online: true } : { place: m.org.endsWith('z') || m.org.endsWith('x') ? '镇政府会议室' : m.kind === 'standing' ? '县政府常务会议室' : '县行政中心第一会议室' }),
      attendingUnitIds: (m.attend ?? []).map(unitId),
      headcount: 10 + (m.attend?.length ?? 0) * 3,
      agenda,
      ...(m.reason ? { overrideReason: m.reason } : {}),
    };
    let meetingId = 0;
    let decide = m.decide;
    // Planned three weeks ahead (the meetings to come are planned already).
    const plannedAt = startsAt - 21 * DAY;
    steps.push({
      at: plannedAt,
      run: async () => {
        const a = await actor(m.by);
        try {
          meetingId = (await replay.meetings.create(ctxAt(a), a, input)).id;
        } catch (e) {
          // Another today than 2026-12-01 can shift a meeting across a year's counts: override, approve.
          if (!(e instanceof AppError) || e.code !== 'MEETING_RULE_BLOCKED') throw e;
          meetingId = (await replay.meetings.create(ctxAt(a), a, { ...input, overrideReason: REPLAN_REASON })).id;
          decide ??= 'approve';
        }
      },
    });
    steps.push({
      at: plannedAt + DAY,
      run: async () => {
        if (!decide) return;
        const a = await actor('duchashi');
        await replay.meetings.decide(ctxAt(a), a, meetingId, decide === 'approve', decide === 'approve' ? '同意。请严格控制会议时间和规模。' : '理由不充分：一次会议只安排一个主要讲话，请调整后重新报送。');
      },
    });
    if (!past) return;
    // The timer: each speaker's actual minutes, most near the plan, some over.
    let offset = 0;
    agenda.forEach((item, i) => {
      const actual = Math.max(1, item.minutes + Math.round((random() - 0.6) * item.minutes * 0.4) + (random() < 0.15 ? 3 + Math.floor(random() * 5) : 0));
      offset += actual;
      const end = startsAt + offset * 60_000;
      steps.push({
        at: end,
        run: async () => {
          const a = await actor(m.by);
          const d = await replay.meetings.get(a, meetingId);
          const row = d.agenda[i];
          if (row) await replay.meetings.recordActual(ctxAt(a), a, meetingId, row.id, { minutes: actual });
        },
      });
    });
    if (!m.decisions?.length) return;
    steps.push({
      at: startsAt + (m.minutes + 30) * 60_000,
      run: async () => {
        const a = await actor(m.by);
        for (const [text, lead, workdays, level] of m.decisions!) {
          await replay.meetings.addDecision(ctxAt(a), a, meetingId, { text, leadUnitId: unitId(lead), responsibleId: idOf(`${lead}.staff1`), deadline: { workdays }, level });
        }
      },
    });
    // Concluded a day later, unless the meeting was this last fortnight.
    if (startsAt + DAY < now - 7 * DAY) {
      steps.push({
        at: startsAt + DAY,
        run: async () => {
          const a = await actor(m.by);
          const { taskIds } = await replay.meetings.conclude(ctxAt(a), a, meetingId);
          taskIds.forEach((taskId, k) => followTask(taskId, m.decisions![k]![1], m.by, startsAt + DAY, m.decisions![k]![2]));
        },
      });
    }
  };

  /** A decision's task after the conclusion: signed, then done on time, done late, in progress or left to go red. */
  const followTask = (taskId: number, lead: string, assigner: string, from: number, workdays: number) => {
    const fate = random();
    let version = 1;
    const head = `${lead}.head`;
    const staff = `${lead}.staff1`;
    const bump = (t: { version: number }) => (version = t.version);
    const later: Step[] = [];
    later.push({ at: from + (0.2 + random()) * DAY, run: async () => bump(await replay.tasks.sign(ctxAt(await actor(head)), await actor(head), taskId, version)) });
    const span = workdays * 1.4 * DAY;
    if (fate < 0.8) {
      later.push({
        at: from + span * 0.4,
        run: async () => bump(await replay.tasks.progress(ctxAt(await actor(staff)), await actor(staff), taskId, version, { percent: 50, text: '已完成方案制定和前期排查，正在组织实施。' })),
      });
    }
    if (fate < 0.65) {
      // Most done within the deadline; some a little after it.
      const doneAt = from + span * (fate < 0.5 ? 0.7 : 1.3);
      later.push({
        at: doneAt,
        run: async () =>
          bump(await replay.tasks.submit(ctxAt(await actor(staff)), await actor(staff), taskId, version, { text: '会议议定事项已落实完毕，材料已归档。' }, { done: '按会议要求逐项落实', result: '达到会议确定的目标', lessons: '一次布置到位，专人盯办' })),
      });
      later.push({ at: doneAt + DAY, run: async () => bump(await replay.tasks.verify(ctxAt(await actor(assigner)), await actor(assigner), taskId, version, '同意办结')) });
    }
    pending.push(...later);
  };

  LAST_YEAR.forEach(([date, title, kind, org, by]) => {
    plan({ date, title, kind, scope: 'region', org, by, minutes: 90 + Math.floor(random() * 4) * 30, attend: TOWNSHIPS.slice(0, 3) }, true);
  });
  for (const m of THIS_YEAR) plan(m, at(m.date) < now);

  // Replay in time order; steps a conclusion adds join the queue.
  const queue = [...steps];
  let done = 0;
  for (;;) {
    queue.push(...pending.splice(0));
    queue.sort((x, y) => x.at - y.at);
    const step = queue.shift();
    if (!step) break;
    if (step.at >= now) continue; // the future has not happened yet
    clock.set(new Date(step.at));
    try {
      await step.run();
      done += 1;
    } catch (err) {
      // A step whose meeting or task went another way (refused, already past its state) is skipped.
      if (!(err instanceof AppError)) throw err;
    }
  }
  // The decisions' tasks overdue today have climbed the ladder, as the scheduled scan would have done.
  const scan = await runEscalationJob(db, services.escalation);
  const count = async (table: 'meeting' | 'meetingDecision') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const tasks = await db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).where('sourceKind', '=', 'meeting').where('sourceId', 'is not', null).executeTakeFirstOrThrow();
  return { meetings: await count('meeting'), decisions: await count('meetingDecision'), tasks: Number(tasks.n), escalations: scan.ran ? scan.result.fired : 0, steps: done };
}
