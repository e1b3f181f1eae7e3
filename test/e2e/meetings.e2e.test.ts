import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * 精文减会 in the web app: the head of a bureau plans a five-hour meeting, sees the rule check
 * block it (live, and again on submit), submits it with a written reason; the supervision office
 * approves it; the speech timer records a speech; decisions are added, the conclusion is refused
 * while one lacks its responsible person and deadline, then concluded into supervised tasks whose
 * lights show on the meeting page. Screenshots go to test-results/e2e/meetings-*.png.
 */
let e: E2E;
const people = { supervisor: 'e2e.m.duchashi', head: 'e2e.m.head', staff: 'e2e.m.staff' };
const TITLE = '全县城乡建设工作推进会';
let meetingId = 0;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00'); // a Monday
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  const dept = await e.ctx.newUnit({ parent: county, name: '县住建局' });
  await e.ctx.newUnit({ parent: county, name: '县交通局' });
  await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: people.supervisor, name: '赵督查' });
  await e.ctx.newPerson({ unit: dept, roles: ['unit_head'], login: people.head, name: '陈局长', rank: 'township' });
  await e.ctx.newPerson({ unit: dept, roles: ['staff'], login: people.staff, name: '周科员' });
});
afterAll(async () => {
  await e?.close();
});

const openMeeting = async (page: Page) => {
  await page.goto(`${e.base}/meetings/${meetingId}`);
  await page.getByTestId('mtg-title').waitFor();
};
const status = (page: Page) => page.getByTestId('mtg-status').innerText();
/** Submits the open dialog; if the server refuses, fails with its words instead of a timeout. */
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const message = dialog.locator('[role="alert"], .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([dialog.waitFor({ state: 'detached' }).then(() => 'closed'), message.first().waitFor().then(() => 'refused')]);
  if (outcome === 'refused' && (await dialog.count())) throw new Error(`the dialog stayed open: ${(await message.allInnerTexts()).join(' / ')}`);
};
const pickTreeNode = async (page: Page, selector: string, name: string) => {
  await page.locator(selector).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
};
const pickOption = async (page: Page, selector: string, text: string) => {
  await page.locator(selector).click();
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
};
const pickDate = async (page: Page, selector: string, date: string) => {
  await page.locator(selector).click();
  await page.locator(selector).fill(date);
  await page.keyboard.press('Tab');
  await expect.poll(() => page.locator(selector).inputValue()).toBe(date);
};
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

describe('a meeting through the web app', () => {
  it('1. the head plans a five-hour meeting: the live check blocks it, naming the rule and the limit', async () => {
    const page = await e.signIn(people.head);
    await page.goto(`${e.base}/meetings`);
    await page.getByTestId('mtg-new').click();
    await page.waitForURL(/\/meetings\/new$/);
    await page.locator('#title').fill(TITLE);
    await page.locator('#startsAt').fill('2026-11-10T09:00');
    await page.locator('#endsAt').fill('2026-11-10T14:00');
    await page.locator('#place').fill('县政府第一会议室');
    await page.locator('#headcount').fill('80');
    await page.locator('#agenda-0-speaker').fill('陈局长');
    await page.locator('#agenda-0-topic').fill('部署城乡建设重点工作');
    await page.getByTestId('agenda-add').click();
    await page.locator('#agenda-1-speaker').fill('交通局负责人');
    // The live check: the 300-minute slot blocks (red, with the word 禁止 and the limit).
    const finding = page.locator('[data-testid="mtg-findings"] [data-rule="total_length"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('block');
    const text = await finding.innerText();
    expect(text).toContain('禁止');
    expect(text).toContain('上限 240 分钟');
    expect(text).toContain('300');
    expect(await page.getByTestId('mtg-outcome').innerText()).toContain('说明理由');
    await e.shot(page, 'meetings-01-plan-blocked-live');

    // Submitting without a reason: 409, the findings stay and the reason is asked for.
    await page.getByTestId('mtg-submit').click();
    await page.getByTestId('mtg-blocked').waitFor();
    expect(page.url()).toMatch(/\/meetings\/new$/);
    await page.locator('#overrideReason').fill('省委要求本季度召开全县城乡建设推进会，议程须覆盖各乡镇，时长确需五小时。');
    expect(await page.getByTestId('mtg-submit').innerText()).toContain('报批');
    await e.shot(page, 'meetings-02-plan-with-reason');
    await page.getByTestId('mtg-submit').click();
    await page.waitForURL(/\/meetings\/\d+$/);
    meetingId = Number(page.url().split('/').pop());
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('待审批');
    expect(await page.getByTestId('mtg-approval').innerText()).toContain('等待督查部门审批');
    await e.shot(page, 'meetings-03-pending');

    // Changing the plan before it is decided: the form comes back filled, the reason kept.
    await page.locator('[data-action="update"]').click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => page.locator('#title').inputValue()).toBe(TITLE);
    expect(await page.locator('#startsAt').inputValue()).toBe('2026-11-10T09:00');
    expect(await page.locator('#overrideReason').inputValue()).toContain('省委要求');
    await page.locator('#headcount').fill('90');
    await page.getByTestId('mtg-submit').click();
    await page.waitForURL(new RegExp(`/meetings/${meetingId}$`));
    await expect.poll(() => page.getByTestId('mtg-data').innerText(), { timeout: 10_000 }).toContain('90');
    expect(await status(page)).toBe('待审批');
    await page.context().close();
  });

  it('2. the supervision office approves it with a comment', async () => {
    const page = await e.signIn(people.supervisor);
    await page.goto(`${e.base}/meetings?status=pending_approval`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByTestId('mtg-title').waitFor();
    expect(await page.locator('[data-testid="mtg-findings"] [data-rule="total_length"]').count()).toBe(1);
    await page.locator('[data-action="approve"]').click();
    await page.locator('#decide-text').fill('同意，请严格控制各发言时间。');
    await confirm(page);
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('已计划');
    const approval = await page.getByTestId('mtg-approval').innerText();
    expect(approval).toContain('赵督查');
    expect(approval).toContain('同意');
    await e.shot(page, 'meetings-04-approved');
    await page.context().close();
  });

  it('3. the speech timer counts down, is keyboard operable and records the speech', async () => {
    const page = await e.signIn(people.head);
    await openMeeting(page);
    await page.getByTestId('mtg-timer-link').click();
    await page.getByTestId('timer').waitFor();
    expect(await page.getByTestId('timer-speaker').innerText()).toBe('陈局长');
    expect(await page.getByTestId('timer-digits').innerText()).toBe('30:00');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('timer-digits').innerText(), { timeout: 5000 }).toBe('29:58');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('timer-toggle').innerText()).toContain('继续');
    await e.shot(page, 'meetings-05-timer');
    // → goes to the next speaker and back with ←.
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('timer-speaker').innerText()).toBe('交通局负责人');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await page.waitForTimeout(1200);
    await page.getByTestId('timer-done').click();
    // Recorded: the timer moves to the next speaker.
    await expect.poll(() => page.getByTestId('timer-speaker').innerText(), { timeout: 10_000 }).toBe('交通局负责人');
    await openMeeting(page);
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('已召开');
    expect(await page.getByTestId('mtg-agenda').innerText()).toContain('未计时');
    await page.context().close();
  });

  it('4. decisions: conclusion refused while one lacks something, then concluded into tasks with lights', async () => {
    const page = await e.signIn(people.head);
    await openMeeting(page);
    await page.getByTestId('decision-add').click();
    await page.locator('#decision-text').fill('完成 12 个老旧小区改造');
    await pickTreeNode(page, '#decision-leadUnitId', '县住建局');
    await pickOption(page, '#decision-responsibleId', '周科员');
    await pickDate(page, '#decision-deadlineDate', '2026-11-20');
    await confirm(page);
    await page.getByTestId('decision-add').click();
    await page.locator('#decision-text').fill('拟定农村道路养护方案');
    await pickTreeNode(page, '#decision-leadUnitId', '县住建局');
    await confirm(page);
    await expect.poll(() => page.getByTestId('mtg-decisions').innerText()).toContain('拟定农村道路养护方案');

    await page.locator('[data-action="conclude"]').click();
    const refusal = page.getByTestId('conclude-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('拟定农村道路养护方案');
    expect(await refusal.innerText()).toContain('责任人');
    await e.shot(page, 'meetings-06-conclude-refused');

    await page.getByRole('button', { name: '修改议定事项：拟定农村道路养护方案' }).click();
    await pickOption(page, '#decision-responsibleId', '周科员');
    await page.getByRole('radio', { name: '办结后工作日数' }).check();
    await page.locator('#decision-deadlineWorkdays').fill('10');
    await confirm(page);

    await page.locator('[data-action="conclude"]').click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('已办结');
    const lights = page.locator('[data-testid^="decision-task-"] [data-light]');
    await expect.poll(() => lights.count()).toBe(2);
    expect(await lights.first().getAttribute('data-light')).toMatch(/green|yellow|red/);
    expect(await page.locator('[data-testid^="task-link-"]').count()).toBe(2);
    await e.shot(page, 'meetings-07-concluded');

    // The minutes are a Word document.
    const res = await page.request.get(`${e.base}/api/v1/meetings/${meetingId}/minutes.docx`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    await page.context().close();
  });

  it('5. the statistics show the decisions turned into tasks, with a table beside the chart', async () => {
    const page = await e.signIn(people.head);
    await page.goto(`${e.base}/meetings?tab=stats`);
    await expect.poll(() => page.getByTestId('stat-with-task').innerText(), { timeout: 10_000 }).toContain('100%');
    expect(await page.getByTestId('mtg-stats-kinds').innerText()).toContain('专题会议');
    await e.shot(page, 'meetings-08-stats');
    await page.context().close();
  });

  it('6. works at phone width (375 px) without sideways scrolling', async () => {
    const page = await e.signIn(people.head, { width: 375, height: 740 });
    await page.goto(`${e.base}/meetings`);
    await page.getByTestId('mtg-table').waitFor();
    await noSidewaysScroll(page);
    // The filters have accessible names.
    for (const name of ['主办单位', '会议类型', '状态']) expect(await page.getByRole('combobox', { name }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: '年度' }).count()).toBe(1);
    await openMeeting(page);
    await noSidewaysScroll(page);
    await e.shot(page, 'meetings-09-phone-meeting');
    await page.goto(`${e.base}/meetings/new`);
    await page.locator('#title').waitFor();
    await noSidewaysScroll(page);
    // Over time is said in words and with a +, not by colour alone (the page's clock runs fast here).
    await page.clock.install();
    await page.goto(`${e.base}/meetings/${meetingId}/timer`);
    await page.getByTestId('timer').waitFor();
    await noSidewaysScroll(page);
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('timer-digits').innerText()).toBe('10:00');
    await page.keyboard.press('Space');
    await page.clock.fastForward('11:05');
    await expect.poll(() => page.getByTestId('timer-state').innerText(), { timeout: 10_000 }).toContain('已超时');
    expect(await page.getByTestId('timer-digits').innerText()).toMatch(/^\+01:0\d$/);
    expect(await page.getByTestId('timer').getAttribute('data-over')).toBe('true');
    await noSidewaysScroll(page);
    await e.shot(page, 'meetings-10-phone-timer-over');
    await page.context().close();
    expect(e.problems).toEqual([]);
  });
});
