import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * 一线工作法 in the web app: a county-level leader, behind on the 90-day quota, logs a two-day
 * unannounced visit with a finding; the quota moves; the finding becomes a supervised task from
 * its row and shows the task's light, which turns red once the deadline has passed. The
 * supervision office sees the leader behind on its workbench, the county's coverage (the village
 * nobody visited) and adds a place. Everything again at phone width. Screenshots go to
 * test-results/e2e/research-*.png.
 */
let e: E2E;
const people = { leader: 'e2e.r.leader', supervisor: 'e2e.r.duchashi', staff: 'e2e.r.staff' };
const PROBLEM = '村道损毁严重，雨季群众出行困难';
let leaderId = 0;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00'); // a Monday
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const town = await e.ctx.newUnit({ parent: county, kind: 'region', name: '青山镇' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  const dept = await e.ctx.newUnit({ parent: county, name: '县交通运输局' });
  const sup = await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: people.supervisor, name: '赵督查' });
  leaderId = (await e.ctx.newPerson({ unit: county, roles: ['leader'], rank: 'county', login: people.leader, name: '李副县长' })).id;
  await e.ctx.newPerson({ unit: dept, roles: ['staff'], login: people.staff, name: '周科员' });
  const supervisor = await e.ctx.login(sup);
  for (const [name, tags] of [
    ['青山村', ['后进']],
    ['绿水村', ['先进']],
  ] as const) {
    const res = await supervisor.post('/api/v1/field-visits/places', { townshipId: town.id, name, kind: 'village', tags });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});
afterAll(async () => {
  await e?.close();
});

/** Submits the open dialog; if the server refuses, fails with its words instead of a timeout. */
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const message = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([dialog.waitFor({ state: 'detached' }).then(() => 'closed'), message.first().waitFor().then(() => 'refused'), dialog.getByTestId('fw-task-created').waitFor().then(() => 'created')]);
  if (outcome === 'refused' && (await message.count())) throw new Error(`the dialog refused: ${(await message.allInnerTexts()).join(' / ')}`);
};
const pickTreeNode = async (page: Page, selector: string, name: string) => {
  await page.locator(selector).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: name }).first().click();
};
const pickOption = async (page: Page, selector: string, text: string, type?: string) => {
  await page.locator(selector).click();
  if (type) await page.keyboard.type(type);
  await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
};
const pickDate = async (page: Page, selector: string, date: string) => {
  await page.locator(selector).click();
  await page.locator(selector).fill(date);
  await page.keyboard.press('Tab');
  await expect.poll(() => page.locator(selector).inputValue()).toBe(date);
};
const quotaDays = (page: Page) => page.getByTestId('fw-days').locator('.ant-statistic-content').innerText();
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
const findingLight = (page: Page) => page.locator('[data-testid^="finding-task-"] [data-light]').first().getAttribute('data-light');

describe('field work through the web app', () => {
  it('1. the leader sees the quota behind, logs a visit with a finding, and the days move', async () => {
    const page = await e.signIn(people.leader);
    await page.getByRole('link', { name: '一线工作' }).click();
    await page.waitForURL(/\/field-work$/);
    await expect.poll(() => quotaDays(page), { timeout: 10_000 }).toBe('0');
    expect(await page.getByTestId('fw-target').innerText()).toContain('90');
    expect(await page.getByTestId('fw-quota').getAttribute('data-state')).toBe('behind');
    expect(await page.getByTestId('fw-behind').innerText()).toContain('进度滞后');
    await e.shot(page, 'research-01-quota-behind');

    await page.getByTestId('fw-log').click();
    await page.waitForURL(/\/field-work\/new/);
    // The leader is on the visit already; the dates, kind and places.
    await expect.poll(() => page.locator('.ant-select-selection-item', { hasText: '李副县长' }).count()).toBe(1);
    await page.locator('#fv_startDate').fill('2026-10-28');
    await page.locator('#fv_endDate').fill('2026-10-29');
    await page.getByRole('radio', { name: '调研' }).check();
    await pickOption(page, '#fv_places', '青山村', '青山');
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: /四不两直/ }).check();
    await page.locator('#fv_purpose').fill('了解青山村道路和雨季出行情况');
    await page.locator('#fv_seen').fill('村道多处塌方，校车绕行');
    await page.locator('#fv_met').fill('村支书、校车司机、村民代表');
    await page.getByTestId('finding-add').click();
    await page.locator('#fv_findings_0_problem').fill(PROBLEM);
    await pickOption(page, '#fv_findings_0_placeId', '青山村');
    await page.locator('#fv_findings_0_category').fill('交通');
    await pickOption(page, '#fv_findings_0_severity', '严重');
    await e.shot(page, 'research-02-log-visit');
    await page.getByTestId('fv-submit').click();
    await page.waitForURL(/\/field-work\?personId=\d+&year=2026$/);

    await expect.poll(() => quotaDays(page), { timeout: 10_000 }).toBe('2');
    const visits = await page.getByTestId('fw-visits').innerText();
    expect(visits).toContain('2026-10-28 – 2026-10-29（2 天）');
    expect(visits).toContain('青山村');
    expect(await page.getByTestId('fw-findings').innerText()).toContain(PROBLEM);
    expect(await page.getByRole('button', { name: `转为督办事项：${PROBLEM}` }).count()).toBe(1);
    await page.context().close();
  });

  it('2. the finding becomes a supervised task; its light shows, and turns red past the deadline', async () => {
    let page = await e.signIn(people.leader);
    await page.goto(`${e.base}/field-work`);
    await page.getByRole('button', { name: `转为督办事项：${PROBLEM}` }).click();
    expect(await page.locator('#task_title').inputValue()).toBe(PROBLEM);
    await pickTreeNode(page, '#task_leadUnitId', '县交通运输局');
    await pickOption(page, '#task_responsibleId', '周科员');
    await pickDate(page, '#task_deadline', '2026-11-20');
    await pickOption(page, '#task_level', '重点');
    await confirm(page);
    const created = page.getByTestId('fw-task-created');
    await created.waitFor();
    expect(await created.locator('[data-light]').getAttribute('data-light')).toBe('green');
    await e.shot(page, 'research-03-task-created');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).first().click();
    await expect.poll(() => findingLight(page), { timeout: 10_000 }).toBe('green');
    expect(await page.locator('[data-testid^="finding-task-"]').innerText()).toContain('已交办');
    expect(await page.getByRole('button', { name: `转为督办事项：${PROBLEM}` }).count()).toBe(0);

    await page.context().close();

    // Three weeks on (a new session: the old one has timed out), the deadline has passed: the finding's light is red.
    e.ctx.clock.set(new Date('2026-11-24T09:00:00+08:00'));
    page = await e.signIn(people.leader);
    await page.goto(`${e.base}/field-work`);
    await expect.poll(() => findingLight(page), { timeout: 10_000 }).toBe('red');
    await e.shot(page, 'research-04-finding-red');
    // The task page links back to it.
    await page.locator('[data-testid^="finding-task-"] a').first().click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(PROBLEM);
    await page.context().close();
  });

  it('3. the supervision office: the leader behind on the workbench, coverage and the annual table, a new place', async () => {
    const page = await e.signIn(people.supervisor);
    const behind = page.getByTestId('wb-behind');
    await expect.poll(() => behind.innerText(), { timeout: 10_000 }).toContain('李副县长');
    await behind.getByRole('link', { name: '李副县长' }).click();
    await page.waitForURL(new RegExp(`personId=${leaderId}`));
    await expect.poll(() => quotaDays(page), { timeout: 10_000 }).toBe('2');

    await page.goto(`${e.base}/field-work?tab=coverage`);
    await expect.poll(() => page.getByTestId('cov-unvisited').innerText(), { timeout: 10_000 }).toContain('1 / 2');
    expect(await page.getByTestId('fw-cov-unvisited').innerText()).toContain('绿水村');
    expect(await page.getByTestId('cov-unannounced').innerText()).toContain('100%');
    expect(await page.getByTestId('cov-task-share').innerText()).toContain('100%');
    await expect.poll(() => page.getByTestId('fw-annual').innerText(), { timeout: 10_000 }).toContain('李副县长');
    const xlsx = await page.request.get(`${e.base}/api/v1/field-visits/annual.xlsx?year=2026`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await e.shot(page, 'research-05-coverage');

    await page.getByRole('tab', { name: '村居点位' }).click();
    await expect.poll(() => page.getByTestId('fw-places').innerText(), { timeout: 10_000 }).toContain('绿水村');
    await page.getByTestId('place-add').click();
    await pickTreeNode(page, '#place_unitId', '青山镇');
    await page.locator('#place_name').fill('青山镇中心小学');
    await pickOption(page, '#place_kind', '学校');
    await confirm(page);
    await expect.poll(() => page.getByTestId('fw-places').innerText(), { timeout: 10_000 }).toContain('青山镇中心小学');
    await e.shot(page, 'research-06-places');
    await page.context().close();
  });

  it('4. named controls, reachable by keyboard, and usable at phone width (375 px)', async () => {
    const page = await e.signIn(people.leader, { width: 375, height: 740 });
    await page.goto(`${e.base}/field-work`);
    await expect.poll(() => quotaDays(page), { timeout: 10_000 }).toBe('2');
    await noSidewaysScroll(page);
    expect(await page.getByRole('combobox', { name: '人员' }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: '年度' }).count()).toBe(1);
    // The log button is reached with Tab and works with Enter.
    await page.getByRole('spinbutton', { name: '年度' }).focus();
    let reached = false;
    for (let i = 0; i < 5 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.getByTestId('fw-log').evaluate((b) => b === document.activeElement);
    }
    expect(reached).toBe(true);
    await e.shot(page, 'research-07-phone');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/field-work\/new/);
    await page.locator('#fv_purpose').waitFor();
    await noSidewaysScroll(page);
    for (const name of ['开始日期', '结束日期', '调研目的', '所见情况', '走访对象']) expect(await page.getByLabel(name, { exact: true }).count(), name).toBe(1);
    expect(await page.getByRole('switch', { name: '半天' }).count()).toBe(1);
    // A half day is one date.
    await page.getByRole('switch', { name: '半天' }).click();
    expect(await page.locator('#fv_endDate').count()).toBe(0);
    await e.shot(page, 'research-08-phone-form');
    await page.context().close();

    const sup = await e.signIn(people.supervisor, { width: 375, height: 740 });
    await sup.goto(`${e.base}/field-work?tab=coverage`);
    await expect.poll(() => sup.getByTestId('cov-unvisited').innerText(), { timeout: 10_000 }).toContain('1 / 2');
    await noSidewaysScroll(sup);
    await e.shot(sup, 'research-09-phone-coverage');
    await sup.context().close();
    expect(e.problems).toEqual([]);
  });
});
