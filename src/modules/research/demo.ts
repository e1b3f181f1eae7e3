import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { rng } from '../../demo/rng.ts';
import { transact } from '../../platform/db/index.ts';
import type { PlaceKind, PlaceTag, Severity, VisitKind } from './rules.ts';

type Services = PlatformServices & ModuleServices;

/**
 * The demo county's places and a year of field visits (一线工作法), through the real services:
 * 8–15 villages per township with a community, a school and a clinic (some villages tagged 先进,
 * 后进 or 脱贫村, a few project sites 重点项目); then the last 365 days of visits of the county
 * leaders and five township heads, with a spread of attainment (ahead, on pace, behind, far
 * behind), two showcase-heavy leaders who keep going back to the same model villages, one leader
 * whose post began mid-year (任职日期), findings, and half of them turned into supervised tasks.
 * Deterministic for a given today.
 */

const TOWNSHIPS = ['cgz', 'dsz', 'xhx', 'nlz', 'bbx', 'qsz', 'byx', 'lqz', 'tyx', 'slx'];
const SYLLABLES = ['红', '石', '柳', '桥', '新', '平', '安', '河', '山', '竹', '松', '杨', '李', '王', '张', '高', '马', '金', '银', '水', '龙', '凤', '花', '果', '茶', '沙', '田', '坪', '岭', '湾', '塘', '坝', '营', '堡', '寨', '庄'];
const PROBLEMS: [string, string, Severity][] = [
  ['村道破损，雨季通行困难', '基础设施', 'high'],
  ['饮水工程水压不足，高处农户用水难', '饮水安全', 'high'],
  ['村卫生室缺少常用药品', '医疗卫生', 'medium'],
  ['垃圾清运不及时，河道有堆积', '人居环境', 'medium'],
  ['产业合作社分红方案未公开', '集体经济', 'medium'],
  ['留守老人助餐点运营困难', '民生保障', 'medium'],
  ['小学校舍屋面渗漏', '教育', 'high'],
  ['企业反映用地审批周期长', '营商环境', 'medium'],
  ['防返贫监测户帮扶措施不到位', '乡村振兴', 'high'],
  ['灌溉渠道淤塞', '农田水利', 'low'],
  ['夜间路灯损坏多处', '基础设施', 'low'],
  ['集贸市场占道经营', '市场秩序', 'low'],
];
const PURPOSES: Record<VisitKind, string[]> = {
  survey: ['调研乡村振兴重点工作', '调研产业发展和集体经济', '调研人居环境整治', '调研防返贫监测帮扶'],
  onsite: ['现场办公解决项目推进难题', '现场协调征地拆迁问题'],
  petition: ['下访接待群众来访', '接访处理信访积案'],
  stationed: ['驻村蹲点了解民情', '驻点督导重点项目'],
  inspection: ['督查安全生产和防汛工作', '督查民生实事落实'],
};

/** Who goes down, how much of the pace they keep (1 = exactly on target), and how they choose places. */
interface Walker {
  login: string;
  pace: number;
  /** 'showcase': back to the same few 先进 places; 'own': their own township; 'county': anywhere. */
  style: 'showcase' | 'own' | 'county';
  unannounced: number;
  township?: string;
  /** 任职日期 as days before today. */
  sinceDaysAgo?: number;
}

const WALKERS: Walker[] = [
  { login: 'shuji', pace: 1.08, style: 'county', unannounced: 0.35 },
  { login: 'xianzhang', pace: 0.97, style: 'county', unannounced: 0.3 },
  { login: 'changwu', pace: 0.72, style: 'county', unannounced: 0.1 },
  { login: 'fuxianzhang1', pace: 0.55, style: 'showcase', unannounced: 0 },
  { login: 'fuxianzhang2', pace: 1.02, style: 'showcase', unannounced: 0.05 },
  { login: 'fuxianzhang3', pace: 0.9, style: 'county', unannounced: 0.25, sinceDaysAgo: 160 },
  // Five township heads (the others have not logged their visits yet: they are behind, and warned).
  ...TOWNSHIPS.slice(0, 5).map((t, i): Walker => ({ login: `${t}.head`, pace: [1.1, 0.95, 0.8, 0.6, 0.4][i]!, style: 'own', unannounced: 0.15, township: t })),
];

const DAY = 86_400_000;
const dateAt = (ms: number) => shanghaiDate(new Date(ms));

export async function seedDemoResearch(s: Services, _withClock: (clock: Clock) => Services): Promise<Record<string, number>> {
  const { db } = s.database;
  const random = rng(1801);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const now = s.clock.now().getTime();
  const people = await db.selectFrom('person').select(['id', 'login']).execute();
  const units = await db.selectFrom('unit').select(['id', 'code', 'name']).execute();
  const idOf = (login: string) => people.find((p) => p.login === login)?.id;
  const unitOf = (code: string) => units.find((u) => u.code === code);
  const adminId = idOf('admin');
  const supervisorId = idOf('duchashi');
  if (!adminId || !supervisorId || !unitOf('cgz')) return { places: 0, visits: 0, findings: 0, tasks: 0 };
  const actors = new Map<string, Actor>();
  const actor = async (login: string) => {
    let a = actors.get(login);
    if (!a) {
      a = (await s.auth.actorFor(idOf(login)!, 'session'))!;
      actors.set(login, a);
    }
    return a;
  };
  const ctxOf = (a: Actor): AuditContext => ({ actorId: a.personId, actorLogin: a.login, clientIp: '127.0.0.1', now: s.clock.now() });
  const sup = await actor('duchashi');

  // Places: villages (8–15 per township), a community per 镇, a school, a clinic; a few enterprises and project sites.
  const placesOf = new Map<string, { id: number; tags: PlaceTag[] }[]>();
  let placeCount = 0;
  await transact(db, async (trx) => {
    for (const code of TOWNSHIPS) {
      const t = unitOf(code)!;
      const list: { id: number; tags: PlaceTag[] }[] = [];
      const add = async (name: string, kind: PlaceKind, tags: PlaceTag[]) => {
        const p = await s.research.createPlace(ctxOf(sup), sup, { townshipId: t.id, name, kind, tags }, trx);
        list.push({ id: p.id, tags });
        placeCount += 1;
      };
      const villages = 8 + Math.floor(random() * 8);
      const used = new Set<string>();
      for (let i = 0; i < villages; i++) {
        let name = `${pick(SYLLABLES)}${pick(SYLLABLES)}村`;
        while (used.has(name)) name = `${pick(SYLLABLES)}${pick(SYLLABLES)}村`;
        used.add(name);
        const r = random();
        const tags: PlaceTag[] = r < 0.15 ? ['先进'] : r < 0.32 ? ['后进'] : r < 0.42 ? ['后进', '脱贫村'] : r < 0.5 ? ['脱贫村'] : [];
        await add(name, 'village', tags);
      }
      if (t.name.endsWith('镇')) await add(`${t.name.slice(0, -1)}街社区`, 'community', random() < 0.5 ? ['先进'] : []);
      await add(`${t.name}中心学校`, 'school', []);
      await add(`${t.name}卫生院`, 'clinic', []);
      if (random() < 0.6) await add(`${t.name.slice(0, -1)}${pick(['农产品加工', '建材', '食品', '茶叶'])}有限公司`, 'enterprise', []);
      if (random() < 0.5) await add(`${t.name.slice(0, -1)}${pick(['污水处理厂', '产业园', '水库除险加固', '安置点'])}项目`, 'project', ['重点项目']);
      placesOf.set(code, list);
    }
  });
  const all = [...placesOf.values()].flat();
  const showcase = all.filter((p) => p.tags.includes('先进')).slice(0, 4);

  // 任职日期 of the leader whose post began during the year.
  const admin = await actor('admin');
  for (const w of WALKERS) {
    if (w.sinceDaysAgo) await s.org.updatePerson(ctxOf(admin), admin, idOf(w.login)!, { rankSince: dateAt(now - w.sinceDaysAgo * DAY) });
  }

  // A year of visits, backwards from yesterday: each walker's days spread over the 365 days at their pace.
  let visits = 0;
  let findings = 0;
  let tasks = 0;
  for (const w of WALKERS) {
    const personId = idOf(w.login);
    if (!personId) continue;
    const a = await actor(w.login);
    // One transaction per person: hundreds of visits commit at once.
    await transact(db, async (trx) => {
      const span = w.sinceDaysAgo ?? 365;
      const daysWanted = Math.round((90 * span * w.pace) / 365);
      let day = span;
      let logged = 0;
      while (logged < daysWanted && day > 1) {
        const gap = Math.max(1, Math.round((span / daysWanted) * (0.5 + random())));
        day -= gap;
        if (day < 1) break;
        const kind: VisitKind = w.style === 'own' && random() < 0.6 ? 'stationed' : pick(['survey', 'survey', 'survey', 'onsite', 'petition', 'inspection'] as const);
        const length = kind === 'stationed' ? 2 + Math.floor(random() * 3) : random() < 0.3 ? 2 : 1;
        const halfDay = length === 1 && random() < 0.2;
        const start = now - day * DAY;
        const end = start + (halfDay ? 0 : (length - 1) * DAY);
        if (end >= now - DAY / 2) continue;
        const pool = w.style === 'showcase' && random() < 0.75 ? showcase : w.style === 'own' ? placesOf.get(w.township!)! : all;
        const places = [...new Set([pick(pool).id, ...(random() < 0.4 ? [pick(pool).id] : [])])];
        const found = random() < 0.3 ? [pick(PROBLEMS)] : [];
        const v = await s.research.logVisit(ctxOf(a), a, {
          personIds: [personId],
          startDate: dateAt(start),
          endDate: dateAt(end),
          halfDay,
          kind,
          placeIds: places,
          unannounced: random() < w.unannounced,
          purpose: pick(PURPOSES[kind]),
          findings: found.map(([problem, category, severity]) => ({ problem, category, severity, placeId: places[0]! })),
        }, trx);
        visits += 1;
        logged += halfDay ? 0.5 : length;
        for (const fid of v.findingIds) {
          findings += 1;
          if (random() < 0.55) {
            const t = await s.research.findingToTask(ctxOf(a), a, v.id, fid, {
              leadUnitId: w.township ? unitOf(w.township)!.id : unitOf(pick(['nyj', 'jtj', 'slj', 'wjj', 'jyj', 'zjj']))!.id,
              deadline: { workdays: 10 + Math.floor(random() * 30) },
            }, trx);
            if (t) tasks += 1;
          }
        }
      }
    });
  }
  s.notify.kick();
  return { places: placeCount, visits, findings, tasks };
}
