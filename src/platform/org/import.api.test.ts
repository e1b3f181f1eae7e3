import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { verifyAudit } from '../audit/audit.ts';
import { ImportError, importOrg } from './import.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const run = (name: string, content: string | Buffer) => importOrg(ctx.handle.db, ctx.services.org, ctx.system(), name, Buffer.isBuffer(content) ? content : Buffer.from(content));
const count = async () => {
  const u = await ctx.handle.db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const p = await ctx.handle.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { units: Number(u.n), people: Number(p.n) };
};

describe('mashang import org', () => {
  it('imports units (children before parents are fine) and people from CSV', async () => {
    const units = '代码,名称,类别,层级,上级代码\nimp-jyj,教育局,部门,,imp-x\nimp-x,导入县,区划,县,\nimp-town,城关镇,区划,乡镇,imp-x\n';
    expect(await run('units.csv', units)).toEqual({ units: 3, people: 0 });
    const people = '登录名,姓名,单位代码,职级,角色,职务,邮箱\nimp.zhang,张伟,imp-jyj,乡科级,单位负责人、工作人员,局长,zw@example.gov.cn\nimp.li,李娜,imp-town,其他,staff,科员,\n';
    expect(await run('people.csv', people)).toEqual({ units: 0, people: 2 });
    const zhang = await ctx.handle.db.selectFrom('person').selectAll().where('login', '=', 'imp.zhang').executeTakeFirstOrThrow();
    expect(zhang).toMatchObject({ name: '张伟', rank: 'township', roles: ['unit_head', 'staff'], title: '局长', email: 'zw@example.gov.cn', passwordHash: null });
    const jyj = await ctx.handle.db.selectFrom('unit').selectAll().where('code', '=', 'imp-jyj').executeTakeFirstOrThrow();
    expect(jyj.level).toBe('county');
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('imports nothing when any row is wrong, and reports every bad row by number', async () => {
    const before = await count();
    const csv = [
      '登录名,姓名,单位代码,职级,角色',
      'ok.one,好人,imp-jyj,其他,工作人员',
      'Bad Login,坏人,imp-jyj,其他,工作人员',
      'ok.two,,imp-jyj,局级,工作人员',
      'ok.three,三,no-such-unit,其他,皇帝',
      'ok.one,重复,imp-jyj,其他,工作人员',
    ].join('\n');
    const err = await run('people.csv', csv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const rows = (err as ImportError).rowErrors.join('\n');
    expect(rows).toMatch(/row 3\).*登录名/);
    expect(rows).toMatch(/row 4\).*缺少姓名/);
    expect(rows).toMatch(/row 4\).*职级/);
    expect(rows).toMatch(/row 5\).*角色/);
    expect(rows).toMatch(/row 6\).*重复/);
    expect(await count()).toEqual(before);
  });

  it('checks people and unit names, e-mail and phone as the create routes do', async () => {
    const before = await count();
    const people = ['登录名,姓名,单位代码,职级,角色,职务,邮箱,电话', 'imp.bad1,张三,imp-jyj,其他,staff,科员,not-an-email,', 'imp.bad2,李四,imp-jyj,其他,staff,科员,,@SUM(A1)', `imp.bad3,${'长'.repeat(51)},imp-jyj,其他,staff,,,`].join('\n');
    const err = await run('people.csv', people).catch((e: unknown) => e as { details: { errors: string[] } });
    const errors = (err as { details: { errors: string[] } }).details.errors.join('\n');
    expect(errors).toMatch(/row 2\).*邮箱/);
    expect(errors).toMatch(/row 3\).*电话/);
    expect(errors).toMatch(/row 4\).*姓名/);
    expect(await count()).toEqual(before);
  });

  it('rolls back units already created when a later row fails in the database', async () => {
    const before = await count();
    const csv = '代码,名称,类别,层级,上级代码\nimp-new1,新局,部门,,imp-x\nimp-jyj,重复代码,部门,,imp-x\nimp-new2,新镇,区划,乡镇,imp-missing\n';
    const err = (await run('units.csv', csv).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.rowErrors.join('\n')).toMatch(/row 3\).*imp-jyj/);
    expect(err.rowErrors.join('\n')).toMatch(/row 4\).*imp-missing/);
    expect(await count()).toEqual(before);
    expect(await ctx.handle.db.selectFrom('unit').select('id').where('code', '=', 'imp-new1').executeTakeFirst()).toBeUndefined();
  });

  it('reads an XLSX workbook with 单位 and 人员 sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const u = wb.addWorksheet('单位');
    u.addRow(['代码', '名称', '类别', '层级', '上级代码']);
    u.addRow(['xl-county', 'Excel 县', '区划', '县', '']);
    u.addRow(['xl-ga', '公安局', '部门', '', 'xl-county']);
    const p = wb.addWorksheet('人员');
    p.addRow(['登录名', '姓名', '单位代码', '职级', '角色']);
    p.addRow(['xl.wang', '王强', 'xl-ga', '乡科级', '单位负责人']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await run('org.xlsx', buf)).toEqual({ units: 2, people: 1 });
  });

  it('reads cells as the ledger does: rich text, hyperlinks, formula results and numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const u = wb.addWorksheet('单位');
    u.addRow([{ richText: [{ text: '代' }, { text: '码' }] }, '名称', '类别', '层级', '上级代码', '排序']);
    u.addRow(['xl2-county', { richText: [{ text: '富文本' }, { text: '县', font: { bold: true } }] }, '区划', '县', '', { formula: '1+1', result: 2 }]);
    const p = wb.addWorksheet('人员');
    p.addRow(['登录名', '姓名', '单位代码', '职级', '角色', '邮箱', '电话']);
    p.addRow(['xl2.li', '李明', 'xl2-county', '乡科级', '工作人员', { text: 'li@example.gov.cn', hyperlink: 'mailto:li@example.gov.cn' }, 13800138000]);
    expect(await run('org2.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).toEqual({ units: 1, people: 1 });
    const unit = await ctx.handle.db.selectFrom('unit').selectAll().where('code', '=', 'xl2-county').executeTakeFirstOrThrow();
    expect({ name: unit.name, sortOrder: unit.sortOrder }).toEqual({ name: '富文本县', sortOrder: 2 });
    const person = await ctx.handle.db.selectFrom('person').selectAll().where('login', '=', 'xl2.li').executeTakeFirstOrThrow();
    expect({ email: person.email, phone: person.phone }).toEqual({ email: 'li@example.gov.cn', phone: '13800138000' });
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    await expect(run('org.xlsx', Buffer.from('not a zip'))).rejects.toMatchObject({ status: 400, code: 'VALIDATION' });
  });

  it('refuses an empty file and other file types', async () => {
    await expect(run('empty.csv', '代码,名称,类别,层级,上级代码\n')).rejects.toThrow(/没有数据行/);
    await expect(run('org.txt', 'x')).rejects.toThrow(/xlsx or .csv/);
  });
});
