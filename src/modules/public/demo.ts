import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { OffsetClock, type Clock } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { rng } from '../../demo/rng.ts';
import type { RequestType } from './rules.ts';

type S = PlatformServices & ModuleServices;
const DAY = 86_400_000;

/** What happens to a demo request: where its story stops, and the citizen's rating. */
type Ending = 'submitted' | 'declined' | 'merged' | 'forwarded' | 'assigned' | 'answered' | 'rated' | 'defaulted' | 'reopened' | 'rectified' | 'called_back' | 'rerated';
const REQUESTS: [RequestType, string, string, string, Ending, number?][] = [
  ['complaint', 'roads', '幸福路与建设路口红绿灯故障，早晚高峰拥堵', 'jtj', 'rated', 5],
  ['help', 'water_power', '和平小区三号楼停水两天，老人用水困难', 'slj', 'rated', 4],
  ['consult', 'social_security', '灵活就业人员如何在县里参加职工医保？', 'ybj', 'rated', 5],
  ['complaint', 'environment', '城关镇农贸市场旁烧烤店油烟直排，影响居民', 'hbj', 'reopened', 2],
  ['report', 'market', '东门超市出售过期牛奶', 'scj', 'rated', 4],
  ['suggestion', 'education', '建议县一小门口上下学时段设置临时停车区', 'jyj', 'rated', 3],
  ['complaint', 'housing', '滨河花园物业不作为，电梯停运一周无人维修', 'zjj', 'rerated', 1],
  ['help', 'agriculture', '东山镇果园灌溉水渠堵塞，请求疏通', 'nyj', 'rated', 5],
  ['consult', 'government_service', '营业执照变更能否全程网办？', 'zwj', 'defaulted'],
  ['complaint', 'roads', '南岭镇通村公路塌方，车辆无法通行', 'jtj', 'rated', 4],
  ['complaint', 'environment', '西河乡养殖场粪污直排河道', 'hbj', 'rectified', 1],
  ['help', 'social_security', '公司拖欠三个月工资，求助追讨', 'rsj', 'rated', 5],
  ['report', 'health', '无证诊所在城关镇老街营业', 'wjj', 'called_back', 2],
  ['consult', 'education', '随迁子女入学需要哪些材料？', 'jyj', 'defaulted'],
  ['complaint', 'housing', '老旧小区改造施工扬尘大、夜间施工', 'zjj', 'rated', 2],
  ['suggestion', 'roads', '建议县城增设公共自行车站点', 'jtj', 'answered'],
  ['help', 'water_power', '青石镇村民家中电压不稳，电器无法使用', 'slj', 'answered'],
  ['complaint', 'market', '加油站加油数量不足', 'scj', 'assigned'],
  ['report', 'environment', '夜间有人往河里倾倒建筑垃圾', 'hbj', 'assigned'],
  ['consult', 'social_security', '城乡居民养老保险缴费档次怎么选？', 'rsj', 'assigned'],
  ['help', 'agriculture', '惠农补贴今年还未到账', 'nyj', 'assigned'],
  ['complaint', 'government_service', '不动产登记窗口排队时间太长', 'zwj', 'declined'],
  ['complaint', 'roads', '幸福路与建设路口红绿灯又坏了，拥堵严重', 'jtj', 'merged'],
  ['praise', 'government_service', '政务服务中心社保窗口工作人员耐心细致，为我们老人代办手续', 'zwj', 'forwarded'],
  ['praise', 'health', '县医院急诊科医生深夜抢救我父亲，特此表扬', 'wjj', 'forwarded'],
  ['help', 'water_power', '北坝乡集中供水点水管爆裂', 'slj', 'submitted'],
  ['complaint', 'environment', '龙泉镇砖厂粉尘污染', 'hbj', 'submitted'],
  ['consult', 'government_service', '新生儿落户需要哪些手续？', 'zwj', 'submitted'],
];

/**
 * The demo county's citizens' requests over the last month, replayed through the real services
 * on a moving clock: every state (in the queue, declined, merged, praise forwarded, in hand,
 * answered, rated, defaulted to 基本满意, reopened, rectified, called back, rated again), and a
 * month of window ratings (一次一评) at the 政务服务中心.
 */
export async function seedDemoPublic(services: S, withClock: (clock: Clock) => S): Promise<Record<string, number>> {
  const { db } = services.database;
  const now = services.clock.now().getTime();
  const clock = new OffsetClock(new Date(now - 30 * DAY));
  const s = withClock(clock);
  const random = rng(311);
  const unitByCode = new Map((await db.selectFrom('unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const deskPerson = await db.selectFrom('person').select('id').where('login', '=', 'duchashi').executeTakeFirst();
  if (!deskPerson) return {};
  const actorOf = async (id: number): Promise<Actor> => (await s.auth.actorFor(id, 'session'))!;
  const desk = await actorOf(deskPerson.id);
  const headOf = async (code: string) => {
    const [h] = await s.org.unitPeopleWithRole(unitByCode.get(code)!, 'unit_head');
    return actorOf(h!.id);
  };
  const ctx = (a: Actor | null): AuditContext => ({ actorId: a?.personId ?? null, actorLogin: a?.login ?? null, clientIp: '127.0.0.1', now: clock.now() });
  const step = (hours: number) => clock.set(new Date(Math.min(clock.now().getTime() + hours * 3600_000, now - 60_000)));
  const version = async (id: number) => (await db.selectFrom('citizenRequest').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const taskVersion = async (id: number) => (await s.tasks.state(id))!.task.version;

  let tasks = 0;
  const ids: number[] = [];
  for (const [i, [type, category, description, unit, ending, level]] of REQUESTS.entries()) {
    // Spread over the month; those still in the queue came in the last day.
    clock.set(new Date(ending === 'submitted' ? now - (3 - (i % 3)) * 3 * 3600_000 : now - 30 * DAY + i * DAY + Math.floor(random() * 8) * 3600_000));
    const phone = `13${Math.floor(100_000_000 + random() * 899_999_999)}`;
    const { id } = await s.publicRequests.submit(ctx(null), { type, category, description, address: `${['城关镇', '东山镇', '南岭镇', '西河乡'][i % 4]}`, contactName: '群众', contactPhone: phone });
    ids.push(id);
    if (ending === 'submitted') continue;
    step(3);
    if (ending === 'declined') {
      await s.publicRequests.decline(ctx(desk), desk, id, await version(id), '该事项属于司法程序，请通过人民法院依法解决');
      continue;
    }
    if (ending === 'merged') {
      await s.publicRequests.merge(ctx(desk), desk, id, await version(id), ids[0]!);
      continue;
    }
    if (ending === 'forwarded') {
      await s.publicRequests.forward(ctx(desk), desk, id, await version(id), unitByCode.get(unit)!);
      continue;
    }
    const head = await headOf(unit);
    const d = await s.publicRequests.assign(ctx(desk), desk, id, await version(id), { unitId: unitByCode.get(unit)! });
    tasks += 1;
    if (ending === 'assigned') continue;
    const taskId = d.r.taskId!;
    step(5);
    await s.tasks.sign(ctx(head), head, taskId, await taskVersion(taskId));
    step(20);
    await s.publicRequests.reply(ctx(head), head, id, await version(id), `您反映的“${description.slice(0, 12)}…”问题已核实处理，感谢监督。`);
    await s.tasks.submit(ctx(head), head, taskId, await taskVersion(taskId), { text: '已按群众诉求处理完毕' }, { done: '现场核实并处理', result: '问题已解决', lessons: '加强日常巡查' });
    step(4);
    await s.tasks.verify(ctx(desk), desk, taskId, await taskVersion(taskId));
    if (ending === 'answered' || ending === 'defaulted') continue;
    step(10);
    const code = (await db.selectFrom('citizenRequest').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    await s.publicRequests.rate(ctx(null), code, level!, level! <= 2 ? '问题没有真正解决' : '处理及时');
    if (ending === 'rated' || ending === 'reopened') continue;
    step(30);
    await s.publicRequests.rectify(ctx(head), head, id, await version(id), '已再次现场整改，建立长效监管机制');
    if (ending === 'rectified') continue;
    step(6);
    await s.publicRequests.callback(ctx(desk), desk, id, await version(id), { said: '群众表示问题已解决，基本满意' });
    if (ending === 'called_back') continue;
    step(8);
    await s.publicRequests.rate(ctx(null), code, 4, '整改后满意');
  }

  // 一次一评: a month of visits at three windows of the 政务服务中心.
  const zwj = unitByCode.get('zwj');
  let ratings = 0;
  if (zwj) {
    const head = await headOf('zwj');
    clock.set(new Date(now - 30 * DAY));
    const windows = [];
    for (const name of ['综合受理窗口', '社保医保窗口', '不动产登记窗口']) windows.push(await s.publicRequests.createWindow(ctx(head), head, { unitId: zwj, name }));
    for (let day = 0; day < 30; day++) {
      for (const w of windows) {
        for (let k = 0; k < 1; k++) {
          clock.set(new Date(now - (30 - day) * DAY + (9 + k * 3) * 3600_000));
          const v = await s.publicRequests.issueVisit(ctx(head), head, w.id);
          if (random() < 0.8) {
            const r = random();
            await s.publicRequests.rateWindow(ctx(null), w.code, v.code, r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.95 ? 3 : 2, undefined);
            ratings += 1;
          }
        }
      }
    }
  }
  return { requests: REQUESTS.length, tasks, windowRatings: ratings };
}
