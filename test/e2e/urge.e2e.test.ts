import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEscalationJob } from '../../src/modules/tasks/jobs.ts';
import { startE2E, type E2E } from './browser.ts';

/**
 * Issue #16 in the browser: on a red task 21 工作日 overdue the supervision office 催办s by hand;
 * the unit head answers with a 情况说明; a leader writes a 批示 with a new milestone on another
 * task; the 督办单 is printed and its DOCX downloads and reads back. Screenshots in test-results/e2e/.
 */
let e: E2E;
const people = { leader: 'u2e.leader', supervisor: 'u2e.duchashi', head: 'u2e.head', staff: 'u2e.staff' };
const RED = '整治城区占道经营';
const GREEN = '编制背街小巷提升方案';
let redId = 0;
let greenId = 0;

beforeAll(async () => {
  e = await startE2E('2026-10-09T09:00:00+08:00');
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const office = await e.ctx.newUnit({ parent: county, name: '县政府办' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  const dept = await e.ctx.newUnit({ parent: county, name: '县城管局' });
  const leader = await e.ctx.newPerson({ unit: office, roles: ['leader'], login: people.leader, name: '王县长', rank: 'county' });
  await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: people.supervisor, name: '赵督查' });
  await e.ctx.newPerson({ unit: dept, roles: ['unit_head'], login: people.head, name: '陈局长', rank: 'township' });
  const staff = await e.ctx.newPerson({ unit: dept, roles: ['staff'], login: people.staff, name: '周科员' });
  redId = (await e.ctx.newTask({ by: leader, title: RED, level: 'key', leadUnitId: dept.id, responsibleId: staff.id, deadline: '2026-10-30', standard: '主干道占道经营清零' })).id;
  greenId = (await e.ctx.newTask({ by: leader, title: GREEN, level: 'normal', leadUnitId: dept.id, deadline: '2026-12-31' })).id;
  // Monday 30 November is 21 工作日 past 30 October: the scan has run the whole ladder.
  e.ctx.clock.set(new Date('2026-11-30T09:00:00+08:00'));
  await runEscalationJob(e.ctx.handle.db, e.ctx.services.escalation);
});
afterAll(async () => {
  await e?.close();
});

const openTask = async (page: Page, id: number) => {
  await page.goto(`${e.base}/tasks/${id}`);
  await page.getByTestId('task-title').waitFor();
};
const startAction = async (page: Page, action: string, name: string) => {
  await page.locator(`[data-action="${action}"]`).click();
  await page.locator('.ant-modal-title', { hasText: `${name} · ` }).waitFor();
};
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const message = dialog.locator('[role="alert"], .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([dialog.waitFor({ state: 'detached' }).then(() => 'closed'), message.first().waitFor().then(() => 'refused')]);
  if (outcome === 'refused' && (await dialog.count())) throw new Error(`the dialog stayed open: ${(await message.allInnerTexts()).join(' / ')}`);
};
const offered = (page: Page) => page.locator('[data-testid="task-actions"] [data-action]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));

describe('催办, 情况说明, 批示 and the 督办单 in the web app', () => {
  it('1. the supervision office 催办s a red task by hand', async () => {
    const page = await e.signIn(people.supervisor);
    await openTask(page, redId);
    expect(await page.getByTestId('task-deadline').innerText()).toContain('逾期 21 个工作日');
    // The ladder has reached 问责建议 already: 升级督办 has nothing left to raise, 催办 stays.
    expect(await offered(page)).toEqual(['urge']);
    await startAction(page, 'urge', '催办');
    await page.locator('#text').fill('请于 3 个工作日内报送占道经营整治滞后的原因和整改计划。');
    await e.shot(page, 'urge-01-dialog');
    await confirm(page);
    await page.getByTestId('urgings').getByText('整治滞后的原因').waitFor();
    expect(await page.getByTestId('urgings').innerText()).toContain('待答复');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('赵督查 催办（请于 2026-12-03 前报送情况说明）');
    await e.shot(page, 'urge-02-urged');
    await page.context().close();
  });

  it('2. the unit head answers with a 情况说明, and the supervisor reads it', async () => {
    let page = await e.signIn(people.head);
    await openTask(page, redId);
    expect(await offered(page)).toContain('answer_urging');
    await startAction(page, 'answer_urging', '填报情况说明');
    await page.locator('#text').fill('因夜市搬迁选址未定导致滞后；已确定新址，12 月 15 日前完成整治。');
    await e.shot(page, 'urge-03-answer-dialog');
    await confirm(page);
    await expect.poll(() => page.getByTestId('urgings').innerText()).toContain('已答复');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('陈局长 报送情况说明：因夜市搬迁选址未定导致滞后');
    expect(await offered(page)).not.toContain('answer_urging');
    await page.context().close();

    page = await e.signIn(people.supervisor);
    await page.goto(`${e.base}/notifications`);
    await page.getByText(`情况说明：${RED}`).first().waitFor();
    await e.shot(page, 'urge-04-supervisor-inbox');
    await page.context().close();
  });

  it('3. a leader writes a 批示 with a new milestone', async () => {
    const page = await e.signIn(people.leader);
    await openTask(page, greenId);
    await startAction(page, 'instruct', '批示');
    await page.locator('#text').fill('请城管局牵头，12 月 20 日前报方案初稿。');
    await page.locator('#milestoneTitle').fill('报送方案初稿');
    await page.locator('#milestoneDue').click();
    await page.locator('#milestoneDue').fill('2026-12-20');
    await page.keyboard.press('Tab');
    await e.shot(page, 'urge-05-instruct-dialog');
    await confirm(page);
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('王县长 批示：请城管局牵头，12 月 20 日前报方案初稿。');
    expect(await page.locator('body').innerText()).toContain('报送方案初稿');
    await e.shot(page, 'urge-06-instructed');
    await page.context().close();
  });

  it('4. the 督办单 prints and its DOCX downloads and reads back', async () => {
    const page = await e.signIn(people.supervisor);
    await openTask(page, redId);
    await page.getByTestId('print-notice').click();
    const sheet = page.getByTestId('notice-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const s of ['督办通知单', `督〔2026〕第 ${redId} 号`, RED, '王县长', '县城管局', '2026年10月30日', '县委督查室', '2026年11月30日']) expect(text).toContain(s);
    await e.shot(page, 'urge-07-print-page');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.notice-toolbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notice-docx').click()]);
    const docx = (await mammoth.extractRawText({ buffer: await readFile(await download.path()) })).value;
    for (const s of ['督办通知单', '编号', RED, '交办领导', '王县长', '主办单位', '县城管局', '完成时限', '办理要求', '反馈要求', '县委督查室']) expect(docx).toContain(s);
    await page.context().close();
    expect(e.problems).toEqual([]);
  });
});
