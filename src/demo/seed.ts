import type { AuditContext } from '../platform/audit/audit.ts';
import type { Rank, Role } from '../platform/auth/actor.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { PlatformServices } from '../platform/module.ts';
import { rng } from './rng.ts';

/**
 * 示范县, the demo county: county offices (县委办, 县政府办 with its 督查室), departments and
 * townships, with ~300 people of realistic ranks and roles. Deterministic: the same names,
 * logins and ids on every machine. Every account's password is DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = 'mashang-demo';

interface DemoUnit {
  code: string;
  name: string;
  kind: 'region' | 'department';
  parent?: string;
  staff: number;
}

const COUNTY = 'sfx';
const UNITS: DemoUnit[] = [
  { code: 'xwb', name: '县委办公室', kind: 'department', staff: 8 },
  { code: 'xzfb', name: '县人民政府办公室', kind: 'department', staff: 8 },
  { code: 'dcs', name: '县政府督查室', kind: 'department', parent: 'xzfb', staff: 4 },
  { code: 'zzb', name: '县委组织部', kind: 'department', staff: 7 },
  { code: 'xcb', name: '县委宣传部', kind: 'department', staff: 6 },
  { code: 'fgj', name: '县发展和改革局', kind: 'department', staff: 8 },
  { code: 'jyj', name: '县教育体育局', kind: 'department', staff: 9 },
  { code: 'gxj', name: '县工业和信息化局', kind: 'department', staff: 7 },
  { code: 'gaj', name: '县公安局', kind: 'department', staff: 9 },
  { code: 'mzj', name: '县民政局', kind: 'department', staff: 7 },
  { code: 'sfj', name: '县司法局', kind: 'department', staff: 6 },
  { code: 'czj', name: '县财政局', kind: 'department', staff: 8 },
  { code: 'rsj', name: '县人力资源和社会保障局', kind: 'department', staff: 7 },
  { code: 'zrj', name: '县自然资源局', kind: 'department', staff: 7 },
  { code: 'hbj', name: '县生态环境分局', kind: 'department', staff: 6 },
  { code: 'zjj', name: '县住房和城乡建设局', kind: 'department', staff: 8 },
  { code: 'jtj', name: '县交通运输局', kind: 'department', staff: 7 },
  { code: 'slj', name: '县水务局', kind: 'department', staff: 6 },
  { code: 'nyj', name: '县农业农村局', kind: 'department', staff: 9 },
  { code: 'swj', name: '县商务局', kind: 'department', staff: 6 },
  { code: 'wlj', name: '县文化和旅游局', kind: 'department', staff: 6 },
  { code: 'wjj', name: '县卫生健康局', kind: 'department', staff: 8 },
  { code: 'yjj', name: '县应急管理局', kind: 'department', staff: 6 },
  { code: 'scj', name: '县市场监督管理局', kind: 'department', staff: 8 },
  { code: 'tjj', name: '县统计局', kind: 'department', staff: 5 },
  { code: 'ybj', name: '县医疗保障局', kind: 'department', staff: 5 },
  { code: 'xfj', name: '县信访局', kind: 'department', staff: 6 },
  { code: 'zwj', name: '县政务服务管理局', kind: 'department', staff: 7 },
  { code: 'cgz', name: '城关镇', kind: 'region', staff: 7 },
  { code: 'dsz', name: '东山镇', kind: 'region', staff: 6 },
  { code: 'xhx', name: '西河乡', kind: 'region', staff: 5 },
  { code: 'nlz', name: '南岭镇', kind: 'region', staff: 6 },
  { code: 'bbx', name: '北坝乡', kind: 'region', staff: 5 },
  { code: 'qsz', name: '青石镇', kind: 'region', staff: 6 },
  { code: 'byx', name: '白云乡', kind: 'region', staff: 5 },
  { code: 'lqz', name: '龙泉镇', kind: 'region', staff: 6 },
  { code: 'tyx', name: '桃源乡', kind: 'region', staff: 5 },
  { code: 'slx', name: '松林乡', kind: 'region', staff: 5 },
];

interface DemoPerson {
  login: string;
  unit: string;
  title: string;
  rank: Rank;
  roles: Role[];
  name?: string;
}

const LEADERS: DemoPerson[] = [
  { login: 'admin', unit: 'xzfb', title: '系统管理员', rank: 'other', roles: ['admin'], name: '系统管理员' },
  { login: 'shuji', unit: 'xwb', title: '县委书记', rank: 'county', roles: ['leader'] },
  { login: 'xianzhang', unit: 'xzfb', title: '县长', rank: 'county', roles: ['leader'] },
  { login: 'changwu', unit: 'xzfb', title: '常务副县长', rank: 'county', roles: ['leader'] },
  { login: 'fuxianzhang1', unit: 'xzfb', title: '副县长（分管教育、卫健）', rank: 'county', roles: ['leader'] },
  { login: 'fuxianzhang2', unit: 'xzfb', title: '副县长（分管农业农村、水务）', rank: 'county', roles: ['leader'] },
  { login: 'fuxianzhang3', unit: 'xzfb', title: '副县长（分管住建、交通、自然资源）', rank: 'county', roles: ['leader'] },
  { login: 'duchashi', unit: 'dcs', title: '县政府督查室主任', rank: 'township', roles: ['supervisor', 'unit_head'] },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文海波晓燕鹏飞宇辉斌俊峰琳丹玲雪梅莉慧颖婷浩然佳欣晨阳思远振兴昌盛永福德顺';

function unitTitles(u: DemoUnit): { head: string; deputy: string } {
  if (u.kind === 'region') return u.name.endsWith('镇') ? { head: '镇长', deputy: '副镇长' } : { head: '乡长', deputy: '副乡长' };
  if (u.code === 'dcs') return { head: '督查室副主任', deputy: '督查专员' };
  if (u.name.endsWith('办公室')) return { head: '常务副主任', deputy: '副主任' };
  if (u.name.endsWith('部')) return { head: '常务副部长', deputy: '副部长' };
  return { head: '局长', deputy: '副局长' };
}

export interface DemoSummary {
  units: number;
  people: number;
  logins: { login: string; name: string; title: string; unit: string }[];
}

/** True when the database has no units yet (an empty install). */
export async function isEmpty(services: PlatformServices): Promise<boolean> {
  return !(await services.database.db.selectFrom('unit').select('id').limit(1).executeTakeFirst());
}

export async function seedDemo(services: PlatformServices): Promise<DemoSummary> {
  if (!(await isEmpty(services))) throw new Error('The database already has units; the demo county goes only into an empty database.');
  const random = rng(20261126);
  const pick = (s: string) => [...s][Math.floor(random() * [...s].length)]!;
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const n = pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  // One hash of the shared demo password: hashing 300 times would cost seconds at every fresh start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx: AuditContext = { actorId: null, actorLogin: 'system:seed', clientIp: null, now: services.clock.now() };
  const { db } = services.database;
  const summary: DemoSummary = { units: 0, people: 0, logins: [] };

  await db.transaction().execute(async (trx) => {
    const county = await services.org.createUnit(ctx, null, { parentId: null, code: COUNTY, name: '示范县', kind: 'region', level: 'county' }, trx);
    const ids = new Map<string, number>([[COUNTY, county.id]]);
    let order = 0;
    for (const u of UNITS) {
      const parentId = ids.get(u.parent ?? COUNTY)!;
      const unit = await services.org.createUnit(
        ctx,
        null,
        { parentId, code: u.code, name: u.name, kind: u.kind, level: u.kind === 'region' ? 'township' : undefined, sortOrder: (order += 10) },
        trx,
      );
      ids.set(u.code, unit.id);
    }
    summary.units = ids.size;
    const add = async (p: DemoPerson) => {
      const name = p.name ?? personName();
      await services.org.createPerson(ctx, null, { unitId: ids.get(p.unit)!, name, login: p.login, title: p.title, rank: p.rank, roles: p.roles }, trx, passwordHash);
      summary.people += 1;
      return name;
    };
    for (const p of LEADERS) {
      const name = await add(p);
      summary.logins.push({ login: p.login, name, title: p.title, unit: UNITS.find((u) => u.code === p.unit)!.name });
    }
    for (const u of UNITS) {
      const township = u.kind === 'region';
      const titles = unitTitles(u);
      const headTitle = titles.head;
      const headRoles: Role[] = u.code === 'dcs' ? ['supervisor', 'unit_head'] : ['unit_head'];
      const head = { login: `${u.code}.head`, unit: u.code, title: headTitle, rank: 'township' as const, roles: headRoles };
      const headName = await add(head);
      summary.logins.push({ login: head.login, name: headName, title: headTitle, unit: u.name });
      for (let i = 1; i <= u.staff; i++) {
        const senior = i <= 2;
        const staff: DemoPerson = {
          login: `${u.code}.staff${i}`,
          unit: u.code,
          title: senior ? titles.deputy : i === 3 ? (township ? '党政办主任' : '办公室主任') : '科员',
          rank: senior ? 'township' : 'other',
          roles: u.code === 'dcs' ? ['supervisor', 'staff'] : ['staff'],
        };
        const name = await add(staff);
        if (i === 1) summary.logins.push({ login: staff.login, name, title: staff.title, unit: u.name });
      }
    }
  });
  return summary;
}
