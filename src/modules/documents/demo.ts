import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { OffsetClock, type Clock } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { rng } from '../../demo/rng.ts';
import type { DocumentKind } from './rules.ts';

/**
 * The demo county's documents over the last two years, replayed through the real services on a
 * clock that walks forward: last year's issued documents (the base of this year's count), and
 * this year's — most issued with a 文号 after their check, some revised for formulaic phrases or
 * a long opening, some over their length limit and left as drafts, one that repeats a paragraph
 * of an issued document, and units that issue past last year's count with a written explanation.
 * Deterministic: the same documents on every machine.
 */

/** Each unit's 机关代字 (the prefix of its 文号). */
const UNITS: Record<string, string> = {
  xzfb: '示政办发',
  jyj: '示教体发',
  zjj: '示住建发',
  nyj: '示农发',
  yjj: '示应急发',
  wjj: '示卫健发',
  cgz: '城政发',
  dsz: '东政发',
};

const TOPICS = [
  ['冬季安全生产', '安全隐患'],
  ['秋冬季森林防火', '防火隐患'],
  ['校舍安全', '校舍隐患'],
  ['农村饮水安全', '饮水工程'],
  ['老旧小区改造', '改造项目'],
  ['高标准农田建设', '农田项目'],
  ['基层医疗能力提升', '卫生院'],
  ['城乡环境整治', '环境问题'],
  ['防汛备汛', '防汛设施'],
  ['燃气安全', '燃气管线'],
  ['食品安全', '经营主体'],
  ['义务教育控辍保学', '适龄儿童'],
  ['农村公路养护', '公路路段'],
  ['重点项目建设', '重点项目'],
  ['政务服务改革', '办事事项'],
  ['秸秆综合利用', '秸秆'],
] as const;

const DEPTS = ['县交通运输局', '县应急管理局', '县教育体育局', '县农业农村局', '县住房和城乡建设局', '县卫生健康局', '县自然资源局', '县水务局', '县市场监督管理局', '城关镇', '东山镇', '南岭镇', '青石镇'];
const ACTIONS = ['牵头组织排查', '负责现场核查', '建立问题台账', '逐项整改销号', '组织专项检查', '开展联合执法', '完成项目验收', '落实资金拨付', '组织业务培训', '开展入户走访'];
const MEASURES = ['每周五报送进展', '每月底前通报一次', '问题清单逐条销号', '整改情况纳入年度考核', '发现问题当日交办', '建立周调度机制', '实行挂图作战', '对账盘点、按月销号'];
const OPENINGS = [
  '近年来，在县委、县政府的坚强领导下，全县上下高度重视，统一思想，提高认识，切实加强组织领导，各项工作取得明显成效。',
  '为深入贯彻落实上级决策部署，进一步加强工作统筹，全面推进各项任务落地见效，切实增强责任感和紧迫感，形成工作合力。',
  '当前，全县正处于爬坡过坎、转型发展的关键时期，各级各部门要充分认识做好此项工作的重要意义，高位推动，狠抓落实，常抓不懈。',
];
const FILLER = '各单位要进一步提高政治站位，切实把思想和行动统一到决策部署上来，扎实推进、久久为功，确保取得实效。';

type Plan = { unit: string; kind: DocumentKind; title: string; body: string; at: number; issue: boolean; explain?: string };

export async function seedDemoDocuments(services: PlatformServices & ModuleServices, withClock: (clock: Clock) => PlatformServices & ModuleServices): Promise<{ documents: number; issued: number; explained: number; overLimit: number; revise: number; repeats: number }> {
  const { db } = services.database;
  const now = services.clock.now();
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const clock = new OffsetClock(new Date(now));
  const replay = withClock(clock);
  const random = rng(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const people = await db.selectFrom('person').select(['id', 'login']).execute();
  const units = await db.selectFrom('unit').select(['id', 'code', 'name']).execute();
  const actors = new Map<string, Actor>();
  const actor = async (login: string) => {
    let a = actors.get(login);
    if (!a) {
      const id = people.find((p) => p.login === login)?.id;
      if (!id) throw new Error(`demo person ${login} is missing`);
      a = (await replay.auth.actorFor(id, 'session'))!;
      actors.set(login, a);
    }
    return a;
  };
  const ctxOf = (a: Actor): AuditContext => ({ actorId: a.personId, actorLogin: a.login, clientIp: '127.0.0.1', now: clock.now() });

  /** A paragraph of concrete measures, made of parts drawn at random (so no two documents repeat each other by accident). */
  const measure = (n: number, topic: readonly [string, string], month: number) => {
    const out: string[] = [];
    const cn = ['一', '二', '三', '四', '五', '六', '七', '八'];
    for (let i = 0; i < n; i++) {
      const dept = pick(DEPTS);
      out.push(`${cn[i]}、${dept}${pick(ACTIONS)}，${month}月${int(1, 28)}日前完成${int(3, 60)}处${topic[1]}的${pick(['排查', '整改', '复核', '验收', '建档'])}，涉及${int(2, 18)}个乡镇、${int(10, 400)}户群众；${pick(MEASURES)}，责任人：${pick(['张', '李', '王', '赵', '陈', '刘'])}${pick(['明', '华', '强', '伟', '芳', '军'])}${pick(['同志', '科长', '股长'])}。`);
    }
    return out;
  };
  const body = (kind: DocumentKind, topic: readonly [string, string], month: number, opts: { formulaic?: boolean; paragraphs?: number }) => {
    const parts = ['各乡镇、县直各部门：'];
    if (opts.formulaic) parts.push(pick(OPENINGS), FILLER);
    parts.push(`为做好${topic[0]}工作，现将有关事项通知如下。`);
    parts.push(...measure(opts.paragraphs ?? (kind === 'brief' ? 2 : 4), topic, month));
    parts.push(kind === 'report' ? '妥否，请批示。' : '请各单位按要求抓好落实。');
    return parts.join('\n');
  };

  const plans: Plan[] = [];
  const day = 86_400_000;
  const dateIn = (y: number, month: number, d: number) => Date.UTC(y, month - 1, d, 1 + int(0, 6)); // 09:00–15:00 in Shanghai
  const codes = Object.keys(UNITS);
  // Last year: 1–3 issued documents per unit, the base of this year's count.
  const lastYear: Record<string, number> = {};
  for (const code of codes) {
    lastYear[code] = int(1, 3);
    for (let i = 0; i < lastYear[code]; i++) {
      const topic = pick(TOPICS);
      const month = int(2, 11);
      plans.push({ unit: code, kind: pick(['document', 'single_topic', 'brief', 'report'] as const), title: `关于做好${year - 1}年${topic[0]}工作的通知`, body: body('document', topic, month, {}), at: dateIn(year - 1, month, int(1, 25)), issue: true, explain: `${year - 1} 年为系统启用首年，无上年发文数据可比。` });
    }
  }
  // This year: each unit issues up to last year's count; two units go past it with a written explanation.
  const thisYear = new Date(now.getTime() + 8 * 3600_000).getUTCMonth() + 1;
  const lastMonth = Math.max(1, thisYear - 1);
  codes.forEach((code, k) => {
    const n = lastYear[code]! + (k === 0 || k === 4 ? 1 : 0) - (k % 3 === 2 ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const topic = pick(TOPICS);
      const month = int(1, lastMonth);
      const kind = pick(['document', 'single_topic', 'brief', 'report'] as const);
      plans.push({
        unit: code,
        kind,
        title: `关于${pick(['做好', '加强', '开展'])}${topic[0]}工作的${kind === 'report' ? '请示' : kind === 'brief' ? '简报' : '通知'}`,
        body: body(kind, topic, Math.min(12, month + 1), { formulaic: random() < 0.3 }),
        at: dateIn(year, month, int(1, 25)),
        issue: true,
        explain: pick(['落实省委巡视反馈问题整改要求，确需专项发文部署。', '上级新增防汛抗旱专项任务，须单独发文明确责任分工。']),
      });
    }
  });
  // Drafts and checked ones not issued: formulaic speeches, briefs and documents over their limit.
  for (let i = 0; i < 6; i++) {
    const code = codes[i % codes.length]!;
    const topic = pick(TOPICS);
    const month = int(1, lastMonth);
    const kind = (['speech', 'speech_major', 'brief', 'document', 'brief', 'single_topic'] as const)[i]!;
    plans.push({
      unit: code,
      kind,
      title: kind.startsWith('speech') ? `在全县${topic[0]}工作会议上的讲话（送审稿）` : `${topic[0]}工作${kind === 'brief' ? '简报' : '通知'}（草稿）`,
      body: body(kind, topic, Math.min(12, month + 1), { formulaic: i % 2 === 0, paragraphs: kind === 'brief' ? 6 : kind === 'document' ? 60 : 5 }),
      at: dateIn(year, month, int(1, 25)),
      issue: false,
    });
  }
  plans.sort((a, b) => a.at - b.at);

  const serial = new Map<string, number>();
  let explained = 0;
  let copied: { body: string } | null = null;
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  for (const p of plans) {
    if (p.at >= now.getTime()) continue; // the future has not happened yet
    clock.set(new Date(p.at));
    const staff = await actor(`${p.unit}.staff1`);
    const head = await actor(`${p.unit}.head`);
    let text = p.body;
    // One of this year's documents repeats a paragraph of an issued one (the check names it).
    if (copied && p.issue && new Date(p.at).getUTCFullYear() === year) {
      const para = copied.body.split('\n').find((l) => l.startsWith('一、'))!;
      text = `${text}\n${para}`;
      copied = null;
    }
    let d = await replay.documents.create(ctxOf(staff), staff, { title: p.title, unitId: unitId(p.unit), kind: p.kind, body: text });
    clock.set(new Date(p.at + 0.1 * day));
    d = await replay.documents.checkDocument(ctxOf(staff), staff, d.id, d.version);
    if (!p.issue || d.verdict === 'over_limit') continue;
    clock.set(new Date(p.at + 0.3 * day));
    const y = new Date(p.at + 8 * 3600_000).getUTCFullYear();
    const key = `${p.unit}:${y}`;
    const n = (serial.get(key) ?? 0) + 1;
    serial.set(key, n);
    const quota = await replay.documents.quota(d.unitId, d.unitPath, db);
    await replay.documents.issue(ctxOf(head), head, d.id, { version: d.version, number: `${UNITS[p.unit]}〔${y}〕${n}号`, ...(quota.explanationRequired ? { explanation: p.explain } : {}) });
    if (quota.explanationRequired && y === year) explained += 1;
    if (!copied && y === year - 1) copied = { body: text };
  }

  const rows = await db.selectFrom('document').select(['status', 'verdict', 'findings']).execute();
  return {
    documents: rows.length,
    issued: rows.filter((r) => r.status === 'issued').length,
    explained,
    overLimit: rows.filter((r) => r.verdict === 'over_limit').length,
    revise: rows.filter((r) => r.verdict === 'revise').length,
    repeats: rows.filter((r) => (r.findings?.repeats.length ?? 0) > 0).length,
  };
}
