import type { AuditContext } from '../../platform/audit/audit.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import type { RecordInput } from './service.ts';

type Services = PlatformServices & ModuleServices;

/**
 * The demo county's 问责 records: the drafts the job makes from the demo's 通报 and 问责建议 rungs,
 * and four by the 督查室 (duchashi) in every state — a 问责建议 draft, a 提醒 issued to a bureau
 * (its head, `jyj.head`, sees it and may explain), a 通报批评 explained by the bureau's head
 * (`czj.head`), an 诫勉 against a person that was explained and closed (`gaj.staff3`).
 */
export async function seedDemoAccountability(s: Services): Promise<Record<string, number>> {
  const db = s.database.db;
  const drafted = await s.accountability.draftFromRungs();
  const people = await db.selectFrom('person').select(['id', 'login']).where('login', 'in', ['duchashi', 'jyj.head', 'czj.head', 'gaj.staff3']).execute();
  const units = await db.selectFrom('unit').select(['id', 'code']).where('code', 'in', ['jyj', 'czj', 'gaj', 'mzj']).execute();
  const person = (login: string) => people.find((p) => p.login === login)?.id;
  const unit = (code: string) => units.find((u) => u.code === code)?.id;
  const supId = person('duchashi');
  if (!supId || units.length < 4) return { drafted: drafted.drafted, records: 0 };
  const actor = async (id: number) => (await s.auth.actorFor(id, 'session'))!;
  const sup = await actor(supId);
  const ctx = (): AuditContext => ({ actorId: supId, actorLogin: 'duchashi', clientIp: null, now: s.clock.now() });
  const red = await s.taskViews.list(sup, { light: 'red' }, { sort: 'deadline', limit: 20 });
  const redIn = (unitId: number) => red.items.filter((t) => t.task.leadUnitId === unitId).map((t) => ({ kind: 'task' as const, id: t.task.id }));
  const make = (input: RecordInput) => s.accountability.create(ctx(), sup, input);

  await make({ kind: 'recommendation', targetUnitId: unit('mzj')!, title: '关于县民政局养老服务补贴发放滞后的问责建议', reason: '养老服务补贴发放连续两个季度滞后，经督办仍未整改到位，建议按程序启动问责。', evidence: redIn(unit('mzj')!) });

  const reminder = await make({ kind: 'reminder', targetUnitId: unit('jyj')!, title: '关于县教育体育局校舍维修进度的提醒', reason: '校舍维修项目进度滞后于计划，请抓紧推进并按周报送进展。', evidence: redIn(unit('jyj')!) });
  await s.accountability.issue(ctx(), sup, reminder.id, reminder.version);

  const criticism = await make({ kind: 'criticism', targetUnitId: unit('czj')!, title: '关于县财政局资金拨付逾期的通报批评', reason: '多笔专项资金拨付超过督办时限，影响项目建设进度，予以通报批评。', evidence: redIn(unit('czj')!) });
  const c1 = await s.accountability.issue(ctx(), sup, criticism.id, criticism.version);
  const czjHead = person('czj.head');
  if (czjHead) await s.accountability.explain({ ...ctx(), actorId: czjHead, actorLogin: 'czj.head' }, await actor(czjHead), c1.id, c1.version, '逾期系上级资金到位晚所致，已建立拨付台账，本月底前全部拨付到位。');

  let records = 3;
  const staffId = person('gaj.staff3');
  if (staffId) {
    const adm = await make({ kind: 'admonition', targetUnitId: unit('gaj')!, targetPersonId: staffId, title: '关于对县公安局某同志的诫勉', reason: '承办的群众诉求多次超期未反馈，经提醒、催办仍未改正。' });
    const a1 = await s.accountability.issue(ctx(), sup, adm.id, adm.version);
    const a2 = await s.accountability.explain({ ...ctx(), actorId: staffId, actorLogin: 'gaj.staff3' }, await actor(staffId), a1.id, a1.version, '因警务任务繁重未能及时反馈，今后严格按时限办理。');
    await s.accountability.close(ctx(), sup, a2.id, a2.version, '本人认识到位，已整改，予以结案。');
    records += 1;
  }
  return { drafted: drafted.drafted, records };
}
