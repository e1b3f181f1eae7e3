import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * Issue #16, the task itself, in the browser: a co-unit (协办) signs for its part and reports its
 * own progress, which the lead unit sees on the task page with the overseeing leader; the assigner
 * edits a task and withdraws another before sign-for. Screenshots in test-results/e2e/.
 */
let e: E2E;
const people = { leader: 'c2e.leader', overseer: 'c2e.overseer', head: 'c2e.head', coHead: 'c2e.cohead', townHead: 'c2e.town' };
const CO = '城区老旧小区改造';
const DRAFT = '背街小巷提升（初稿）';
let coId = 0;
let draftId = 0;
let twoId = 0;
let parts: { id: number; name: string }[] = [];

beforeAll(async () => {
  e = await startE2E('2026-10-12T09:00:00+08:00');
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '协办县' });
  const office = await e.ctx.newUnit({ parent: county, name: '县政府办' });
  const lead = await e.ctx.newUnit({ parent: county, name: '县住建局' });
  const co = await e.ctx.newUnit({ parent: county, name: '县财政局' });
  const leader = await e.ctx.newPerson({ unit: office, roles: ['leader'], login: people.leader, name: '王县长', rank: 'county' });
  const overseer = await e.ctx.newPerson({ unit: office, roles: ['leader'], login: people.overseer, name: '李副县长', rank: 'county' });
  await e.ctx.newPerson({ unit: lead, roles: ['unit_head'], login: people.head, name: '陈局长' });
  await e.ctx.newPerson({ unit: co, roles: ['unit_head'], login: people.coHead, name: '赵局长' });
  coId = (await e.ctx.newTask({ by: leader, title: CO, level: 'key', leadUnitId: lead.id, coUnitIds: [co.id], leaderId: overseer.id, deadline: '2026-12-31' })).id;
  draftId = (await e.ctx.newTask({ by: leader, title: DRAFT, level: 'normal', leadUnitId: lead.id, deadline: '2026-12-31' })).id;
  // A town's head heads both of its offices: two parts of one task, one person to sign for them.
  const town = await e.ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '城关镇' });
  const a = await e.ctx.newUnit({ parent: town, name: '城关镇城建办' });
  const b = await e.ctx.newUnit({ parent: town, name: '城关镇社区办' });
  parts = [{ id: a.id, name: a.name }, { id: b.id, name: b.name }];
  await e.ctx.newPerson({ unit: town, roles: ['unit_head'], login: people.townHead, name: '周镇长' });
  twoId = (await e.ctx.newTask({ by: leader, title: '城关镇背街小巷雨污分流', level: 'normal', leadUnitId: lead.id, coUnitIds: [a.id, b.id], deadline: '2026-12-31' })).id;
});
afterAll(async () => {
  await e?.close();
});

const openTask = async (page: Page, id: number) => {
  await page.goto(`${e.base}/tasks/${id}`);
  await page.getByTestId('task-title').waitFor();
};
const startAction = async (page: Page, action: string) => {
  await page.locator(`[data-action="${action}"]`).click();
  // The modal's root carries the test id but is not itself visible: wait for the dialog.
  await page.getByRole('dialog').waitFor();
};
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const message = dialog.locator('[role="alert"], .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([dialog.waitFor({ state: 'detached' }).then(() => 'closed'), message.first().waitFor().then(() => 'refused')]);
  if (outcome === 'refused' && (await dialog.count())) throw new Error(`the dialog stayed open: ${(await message.allInnerTexts()).join(' / ')}`);
};
const offered = (page: Page) => page.locator('[data-testid="task-actions"] [data-action]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));

describe('co-units, editing and withdrawing in the web app', () => {
  it('1. the co-unit signs for its part and reports on it', async () => {
    const page = await e.signIn(people.coHead);
    await openTask(page, coId);
    expect(await offered(page)).toEqual(['co_sign']);
    await startAction(page, 'co_sign');
    await confirm(page);
    await expect.poll(() => offered(page)).toEqual(['co_progress']);
    await startAction(page, 'co_progress');
    await page.locator('#text').fill('改造补助资金 1200 万元已拨付到位。');
    await e.shot(page, 'cotask-01-co-progress-dialog');
    await confirm(page);
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('县财政局（协办）赵局长 报送协办进展');
    await page.context().close();
  });

  it('2. the lead unit sees the co-unit’s part and the overseeing leader on the task page', async () => {
    const page = await e.signIn(people.head);
    await openTask(page, coId);
    const parts = page.getByTestId('co-units');
    await parts.waitFor();
    expect(await parts.innerText()).toContain('县财政局');
    expect(await parts.innerText()).toContain('已签收');
    expect(await parts.innerText()).toContain('改造补助资金 1200 万元已拨付到位。');
    expect(await page.getByTestId('task-leader').innerText()).toBe('李副县长');
    await e.shot(page, 'cotask-02-lead-sees-part');
    await page.context().close();
  });

  it('2b. a head of two co-units picks the part to sign for and the part to report on', async () => {
    const page = await e.signIn(people.townHead);
    await openTask(page, twoId);
    await startAction(page, 'co_sign');
    const choice = page.getByTestId('co-part-choice');
    await choice.waitFor();
    expect(await choice.innerText()).toContain(parts[0]!.name);
    expect(await choice.innerText()).toContain(parts[1]!.name);
    await page.getByRole('radio', { name: parts[1]!.name }).check();
    await confirm(page);
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain(`${parts[1]!.name}`);
    // One part signed, one left: both actions offered; 报送 needs no choice (one signed part), 签收 none (one left).
    await expect.poll(() => offered(page)).toEqual(['co_sign', 'co_progress']);
    await startAction(page, 'co_progress');
    expect(await page.locator('[data-testid="co-part-choice"]').count()).toBe(0);
    await page.locator('#text').fill('社区办：排查点位 36 处，已完成 20 处。');
    await confirm(page);
    const part = page.locator(`[data-co-unit="${parts[1]!.id}"]`);
    await expect.poll(() => part.innerText()).toContain('社区办：排查点位 36 处');
    expect(await page.locator(`[data-co-unit="${parts[0]!.id}"]`).innerText()).not.toContain('排查点位');
    await startAction(page, 'co_sign');
    expect(await page.locator('[data-testid="co-part-choice"]').count()).toBe(0);
    await confirm(page);
    // Both signed: now 报送 asks which part.
    await expect.poll(() => offered(page)).toEqual(['co_progress']);
    await startAction(page, 'co_progress');
    await page.getByTestId('co-part-choice').waitFor();
    await page.getByRole('radio', { name: parts[0]!.name }).check();
    await page.locator('#text').fill('城建办：管网设计已完成。');
    await e.shot(page, 'cotask-02b-choose-part');
    await confirm(page);
    await expect.poll(() => page.locator(`[data-co-unit="${parts[0]!.id}"]`).innerText()).toContain('城建办：管网设计已完成。');
    await page.context().close();
  });

  it('3. the assigner edits the title before sign-for, then withdraws the task', async () => {
    const page = await e.signIn(people.leader);
    await openTask(page, draftId);
    expect(await offered(page)).toEqual(expect.arrayContaining(['edit', 'withdraw', 'attach']));
    await startAction(page, 'edit');
    await page.locator('#title').fill('背街小巷提升');
    await confirm(page);
    await expect.poll(() => page.getByTestId('task-title').innerText()).toBe('背街小巷提升');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('王县长 修改了标题');
    await startAction(page, 'withdraw');
    await page.locator('#reason').fill('与第 3 号事项重复');
    await confirm(page);
    await page.getByTestId('task-withdrawn').waitFor();
    expect(await page.getByTestId('task-status').innerText()).toBe('已撤回');
    expect(await offered(page)).toEqual([]);
    await e.shot(page, 'cotask-03-withdrawn');
    await page.goto(`${e.base}/tasks`);
    await page.getByText(CO).first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('背街小巷提升');
    await page.context().close();
  });
});
