import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * The rest of the county office's day, as a walk through the web app found it: the 督查室 assigns a
 * task with two co-units and two milestones, each milestone box named by its row; a township head
 * refuses an extension with a labelled note; a citizen who sends the public form empty lands on the
 * first field to fix. Screenshots in test-results/e2e/countyday-*.png.
 */
let e: E2E;
const people = { supervisor: 'cd.duchashi', head: 'cd.head', staff: 'cd.staff' };
const TITLE = '推进城区停车秩序整治';
let extTaskId = 0;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00'); // a Monday
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const office = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  await e.ctx.newUnit({ parent: county, name: '县公安局' });
  await e.ctx.newUnit({ parent: county, name: '县交通运输局' });
  await e.ctx.newUnit({ parent: county, name: '县住建局' });
  const town = await e.ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '东山镇' });
  await e.ctx.newPerson({ unit: office, roles: ['supervisor'], login: people.supervisor, name: '赵督查' });
  const head = await e.ctx.newPerson({ unit: town, roles: ['unit_head'], login: people.head, name: '何镇长', rank: 'township' });
  const staff = await e.ctx.newPerson({ unit: town, roles: ['staff'], login: people.staff, name: '龙科员' });
  // A task the township head assigned to his own staff, who asks for more time.
  extTaskId = (await e.ctx.newTask({ by: head, title: '集贸市场占道经营', level: 'normal', leadUnitId: town.id, responsibleId: staff.id, deadline: '2026-11-30' })).id;
  const asStaff = await e.ctx.login(staff);
  const version = async () => (await asStaff.get(`/api/v1/tasks/${extTaskId}`)).json<{ version: number }>().version;
  const headApi = await e.ctx.login(head);
  const signed = await headApi.post(`/api/v1/tasks/${extTaskId}/sign`, { version: await version() });
  if (signed.statusCode !== 200) throw new Error(`sign: ${signed.statusCode} ${signed.body}`);
  const asked = await asStaff.post(`/api/v1/tasks/${extTaskId}/extensions`, { version: await version(), reason: '摊贩集中，需延后集中整治。', newDeadline: '2026-12-15' });
  if (asked.statusCode !== 200 && asked.statusCode !== 201) throw new Error(`extension: ${asked.statusCode} ${asked.body}`);
});
afterAll(async () => {
  await e?.close();
});

const pickTreeNode = async (page: Page, selector: string, name: string) => {
  await page.locator(selector).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: name }).last().click();
};
const pickDate = async (page: Page, field: ReturnType<Page['locator']>, date: string) => {
  await field.click();
  await field.fill(date);
  await page.keyboard.press('Tab');
  await expect.poll(() => field.inputValue()).toBe(date);
};

describe('the county office’s day in the web app', () => {
  it('the 督查室 assigns a task with two co-units and two milestones, each milestone box named by its row', async () => {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
      const page = await e.signIn(people.supervisor, viewport);
      await page.goto(`${e.base}/tasks/new`);
      await page.getByTestId('assign-submit').waitFor();
      await page.locator('#title').fill(`${TITLE}（${viewport.width}）`);
      await pickTreeNode(page, '#leadUnitId', '县公安局');
      await page.keyboard.press('Escape');
      await pickTreeNode(page, '#coUnitIds', '县交通运输局');
      await pickTreeNode(page, '#coUnitIds', '县住建局');
      await page.keyboard.press('Escape');
      await pickDate(page, page.locator('#deadlineDate'), '2026-12-31');
      await page.getByRole('button', { name: '添加节点' }).click();
      await page.getByRole('button', { name: '添加节点' }).click();
      // Two rows: the boxes say which milestone they belong to, not just "节点" / "请选择日期" twice.
      await page.getByRole('textbox', { name: '节点 1 名称' }).fill('摸排违停点位');
      await page.getByRole('textbox', { name: '节点 2 名称' }).fill('完成整治验收');
      await pickDate(page, page.getByRole('textbox', { name: '节点 1 日期' }), '2026-12-15');
      await pickDate(page, page.getByRole('textbox', { name: '节点 2 日期' }), '2026-12-29');
      expect(await page.getByRole('button', { name: '删除 节点 2' }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await e.shot(page, `countyday-assign-${viewport.width}`);
      await page.getByTestId('assign-submit').click();
      await page.waitForURL(/\/tasks\/\d+$/);
      await expect.poll(() => page.getByTestId('co-units').innerText()).toContain('县住建局');
      const text = await page.locator('main').innerText();
      expect(text).toContain('县交通运输局');
      expect(text).toMatch(/摸排违停点位\s+2026-12-15/);
      expect(text).toMatch(/完成整治验收\s+2026-12-29/);
      await page.context().close();
    }
  });

  it('the township head refuses an extension with a note the field is labelled for', async () => {
    const page = await e.signIn(people.head, { width: 390, height: 844 });
    await page.goto(`${e.base}/tasks/${extTaskId}`);
    await page.getByTestId('extensions').waitFor();
    // Found by its label, not its placeholder: the placeholder alone is no accessible name.
    await page.getByTestId('extensions').getByLabel('审批意见（选填）').fill('请按原时限完成，确有困难可分段验收。');
    await page.getByTestId('extensions').getByRole('button', { name: /驳\s*回/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('extensions').innerText()).toContain('已驳回');
    expect(await page.getByTestId('extensions').innerText()).toContain('请按原时限完成');
    await e.shot(page, 'countyday-extension-refused');
    await page.context().close();
  });

  it('a citizen who sends the public form empty lands on the first field to fix', async () => {
    const context = await e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e.base}/public`);
    await page.getByTestId('pub-submit').click();
    await page.getByText('请选择事项分类').waitFor();
    // The type has a default; the category is the first field in error, and the focus is on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ant-form-item')?.querySelector('label')?.textContent ?? document.activeElement?.tagName)).toBe('事项分类');
    await e.shot(page, 'countyday-public-empty');
    await context.close();
  });

  it('a citizen who mistypes the tracking code is told it was not found, not a parameter name', async () => {
    const context = await e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e.base}/public/track`);
    await page.getByLabel('查询码').fill('BADCODE1');
    await page.getByLabel('查询码').press('Enter');
    const error = page.getByTestId('pub-track-error');
    await expect.poll(() => error.innerText()).toContain('没有找到这个查询码');
    expect(await error.innerText()).not.toMatch(/params|code|请求参数/);
    await e.shot(page, 'countyday-track-mistyped');
    await context.close();
  });

  it('an unknown page and an admin-only page speak Chinese only to a Chinese reader', async () => {
    const page = await e.signIn(people.supervisor, { width: 390, height: 844 });
    await page.goto(`${e.base}/no-such-page`);
    await expect.poll(() => page.locator('.ant-result-subtitle').innerText()).toBe('页面不存在');
    await page.goto(`${e.base}/admin/people`);
    await expect.poll(() => page.locator('.ant-result-subtitle').innerText()).toBe('仅系统管理员可以访问');
    await page.context().close();
  });

  it('saw no script errors or alerts', () => {
    expect(e.problems).toEqual([]);
  });
});
