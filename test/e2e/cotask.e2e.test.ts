import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * Issue #16, the task itself, in the browser: a co-unit (协办) signs for its part and reports its
 * own progress, which the lead unit sees on the task page with the overseeing leader; the assigner
 * edits a task and withdraws another before sign-for. Screenshots in test-results/e2e/.
 */
let e: E2E;
const people = { leader: 'c2e.leader', overseer: 'c2e.overseer', head: 'c2e.head', coHead: 'c2e.cohead' };
const CO = '城区老旧小区改造';
const DRAFT = '背街小巷提升（初稿）';
let coId = 0;
let draftId = 0;

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
