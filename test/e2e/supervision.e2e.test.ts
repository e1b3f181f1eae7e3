import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/platform/db/schema.ts';
import { runEscalationJob } from '../../src/modules/tasks/jobs.ts';
import { startE2E, type E2E } from './browser.ts';

/**
 * One task's whole life, clicked through the web app by the people who do it: a leader assigns
 * it to a unit; the head signs for it and names the responsible person; staff report progress;
 * the deadline passes and the supervision office sees it red and escalated; an extension is
 * asked for and approved; completion is submitted, verified and closed with its summary; the
 * assigner gets the feedback. Screenshots of every step go to test-results/e2e/.
 */
let e: E2E;
let dept: Unit;
const people = { leader: 'e2e.leader', overseer: 'e2e.overseer', supervisor: 'e2e.duchashi', head: 'e2e.head', staff: 'e2e.staff' };
const TITLE = '推进城区老旧管网改造';
let taskId = 0;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00'); // a Monday
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const office = await e.ctx.newUnit({ parent: county, name: '县政府办' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  dept = await e.ctx.newUnit({ parent: county, name: '县住建局' });
  await e.ctx.newUnit({ parent: county, name: '县交通局' });
  await e.ctx.newPerson({ unit: office, roles: ['leader'], login: people.leader, name: '王县长', rank: 'county' });
  await e.ctx.newPerson({ unit: office, roles: ['leader'], login: people.overseer, name: '李副县长', rank: 'county' });
  await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: people.supervisor, name: '赵督查' });
  await e.ctx.newPerson({ unit: dept, roles: ['unit_head'], login: people.head, name: '陈局长', rank: 'township' });
  await e.ctx.newPerson({ unit: dept, roles: ['staff'], login: people.staff, name: '周科员' });
});
afterAll(async () => {
  await e?.close();
});

const openTask = async (page: Page, id: number) => {
  await page.goto(`${e.base}/tasks/${id}`);
  await page.getByTestId('task-title').waitFor();
};
const ACTION_TITLES: Record<string, string> = { sign: '签收', dispatch: '交办到人', progress: '报送进展', request_extension: '申请延期', submit: '申请办结', verify: '审核办结', close: '销号' };
/** Opens an action's dialog and waits until it is the one on screen. */
const startAction = async (page: Page, action: string) => {
  await page.locator(`[data-action="${action}"]`).click();
  await page.locator('.ant-modal-title', { hasText: `${ACTION_TITLES[action]} · ` }).waitFor();
};
/** Submits the open dialog; if the server refuses, fails with its words instead of a timeout. */
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  // A refusal is a message: while a form clears its errors, Ant Design can leave an empty error
  // element on screen for a frame, and that is not one (it made this step fail now and then).
  const message = dialog.locator('[role="alert"], .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'detached' }).then(() => 'closed'),
    message.first().waitFor().then(() => 'refused'),
  ]);
  if (outcome === 'refused' && (await dialog.count())) {
    throw new Error(`the dialog stayed open: ${(await message.allInnerTexts()).join(" / ")}`);
  }
};
const status = (page: Page) => page.getByTestId('task-status').innerText();
const pickDate = async (page: Page, selector: string, date: string) => {
  await page.locator(selector).click();
  await page.locator(selector).fill(date);
  // Enter would also submit the form; leaving the field keeps the typed date.
  await page.keyboard.press('Tab');
  await expect.poll(() => page.locator(selector).inputValue()).toBe(date);
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

describe('a task through the web app', () => {
  it('shows the login errors in plain words', async () => {
    const page = await (await e.browser.newContext()).newPage();
    await page.goto(`${e.base}/tasks`);
    await page.waitForURL(/\/login\?next=/);
    await page.locator('#login').fill(people.staff);
    await page.locator('#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('密码');
    await e.shot(page, '00-login-wrong-password');
    await page.context().close();
  });

  it('1. the leader assigns a task to a unit, with an overseeing leader', async () => {
    const page = await e.signIn(people.leader);
    await e.shot(page, '01-leader-workbench');
    await page.goto(`${e.base}/tasks/new`);
    await page.locator('#title').fill(TITLE);
    await page.locator('#description').fill('12 个小区雨污分流，汛期前完工。');
    await pickTreeNode(page, '#leadUnitId', '县住建局');
    await pickOption(page, '#leaderId', '李副县长');
    await pickDate(page, '#deadlineDate', '2026-11-06');
    await page.locator('#sourceRef').fill('县长批示〔2026〕18号');
    await e.shot(page, '02-assign-form');
    await page.getByTestId('assign-submit').click();
    await page.waitForURL(/\/tasks\/\d+$/);
    taskId = Number(page.url().split('/').pop());
    await expect.poll(() => status(page)).toBe('已交办');
    expect(await page.getByTestId('task-deadline').innerText()).toContain('2026-11-06');
    await e.shot(page, '03-task-assigned');
    await page.context().close();
  });

  it('2. the unit head signs for it from the workbench and names the responsible person', async () => {
    const page = await e.signIn(people.head);
    await expect.poll(() => page.getByTestId('wb-sign').innerText()).toContain(TITLE);
    await e.shot(page, '04-head-workbench');
    await page.getByTestId('wb-sign').getByText(TITLE).click();
    await page.getByTestId('task-title').waitFor();
    // Only what the head may do is offered.
    const offered = await page.locator('[data-testid="task-actions"] [data-action]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));
    expect(offered).toEqual(['sign', 'return', 'attach']);
    await startAction(page, 'sign');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('已签收');
    await startAction(page, 'dispatch');
    await pickOption(page, '#responsibleId', '周科员');
    await e.shot(page, '05-dispatch-dialog');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('办理中');
    await page.context().close();
  });

  it('3. staff report progress', async () => {
    const page = await e.signIn(people.staff);
    await expect.poll(() => page.getByTestId('wb-report').innerText()).toContain(TITLE);
    await openTask(page, taskId);
    await startAction(page, 'progress');
    await page.locator('#text').fill('已完成 5 个小区的管网勘察，施工队已进场。');
    await confirm(page);
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('已完成 5 个小区的管网勘察');
    await e.shot(page, '06-progress-reported');
    await page.context().close();
  });

  it('4. past the deadline, the supervision office sees it red and escalated', async () => {
    e.ctx.clock.set(new Date('2026-11-12T09:00:00+08:00')); // 4 工作日 after 6 November
    await runEscalationJob(e.ctx.handle.db, e.ctx.services.escalation);
    const page = await e.signIn(people.supervisor);
    await expect.poll(() => page.getByTestId('ov-red').innerText()).toContain(TITLE); // the 驾驶舱's red list
    await page.goto(`${e.base}/tasks?light=red`);
    const row = page.getByTestId('ledger-table').locator('tr', { hasText: TITLE });
    await expect.poll(() => row.locator('[data-light]').getAttribute('data-light')).toBe('red');
    expect(await row.innerText()).toContain('逾期 4 个工作日');
    await e.shot(page, '07-supervisor-ledger-red');
    await openTask(page, taskId);
    await page.getByTestId('escalation-remind').waitFor();
    await page.getByTestId('escalation-urge').waitFor();
    expect(await page.getByTestId('timeline').innerText()).toContain('催办');
    await e.shot(page, '08-supervisor-task-escalated');
    await page.goto(`${e.base}/dashboard`);
    await page.getByTestId('chart-lights').locator('canvas').waitFor();
    await e.shot(page, '09-dashboard');
    await page.context().close();
  });

  it('5. staff ask for an extension and the assigner approves it', async () => {
    let page = await e.signIn(people.staff);
    await openTask(page, taskId);
    await startAction(page, 'request_extension');
    await pickDate(page, '#newDeadline', '2026-11-30');
    await page.locator('#reason').fill('管材供货延迟两周');
    await confirm(page);
    await page.getByTestId('extensions').getByText('管材供货延迟两周').waitFor();
    await page.context().close();

    page = await e.signIn(people.leader);
    await page.goto(`${e.base}/workbench`); // a leader opens on the 驾驶舱; the to-dos are one link away
    await expect.poll(() => page.getByTestId('wb-extension').innerText()).toContain(TITLE);
    await openTask(page, taskId);
    await e.shot(page, '10-extension-to-decide');
    await page.locator('[data-action="approve-extension"]').click();
    await expect.poll(() => page.getByTestId('task-deadline').innerText()).toContain('2026-11-30');
    await page.context().close();
  });

  it('6. completion, verification by the overseeing leader, feedback to the assigner, close-out', async () => {
    let page = await e.signIn(people.staff);
    await openTask(page, taskId);
    await startAction(page, 'submit');
    await page.locator('#completionText').fill('12 个小区管网改造全部完工，通过验收。');
    await page.locator('#done').fill('完成 12 个小区雨污分流改造');
    await page.locator('#result').fill('惠及 4,100 户居民，汛期无内涝');
    await page.locator('#lessons').fill('先勘察后施工，分片推进');
    await e.shot(page, '11-submit-dialog');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('申请办结');
    await page.context().close();

    page = await e.signIn(people.overseer);
    await page.goto(`${e.base}/workbench`);
    await expect.poll(() => page.getByTestId('wb-verify').innerText()).toContain(TITLE);
    await openTask(page, taskId);
    await startAction(page, 'verify');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('已办结');
    await page.context().close();

    page = await e.signIn(people.leader);
    await page.goto(`${e.base}/notifications`);
    const feedback = page.getByTestId('inbox').locator('[data-kind="tasks.feedback"]');
    await expect.poll(() => feedback.innerText()).toContain('惠及 4,100 户居民');
    await e.shot(page, '12-assigner-feedback');
    await openTask(page, taskId);
    await startAction(page, 'close');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('已销号');
    expect(await page.getByTestId('task-summary').innerText()).toContain('分片推进');
    expect(await page.locator('[data-testid="task-actions"] [data-action]').count()).toBe(0);
    await e.shot(page, '13-closed-with-summary');
    await page.context().close();
  });

  it('shows user text as text: a title made of HTML runs nothing', async () => {
    const leader = await e.ctx.login({ login: people.leader });
    const res = await leader.post('/api/v1/tasks', { title: '<img src=x onerror=alert(1)><script>alert(2)</script>', level: 'normal', leadUnitId: dept.id, deadline: '2026-12-31' });
    expect(res.statusCode).toBe(201);
    const page = await e.signIn(people.head);
    await openTask(page, res.json().id);
    expect(await page.getByTestId('task-title').innerText()).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(await page.locator('[data-testid="task-title"] img, [data-testid="task-title"] script').count()).toBe(0);
    await page.goto(`${e.base}/tasks`);
    await page.getByTestId('ledger-table').getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
    await e.shot(page, '14-html-title-as-text');
    await page.context().close();
  });

  it('works at phone width (375 px) without sideways scrolling', async () => {
    const page = await e.signIn(people.head, { width: 375, height: 740 });
    await e.shot(page, '15-phone-workbench');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await openTask(page, taskId);
    await e.shot(page, '16-phone-task');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('switches to English and back', async () => {
    const page = await e.signIn(people.supervisor);
    await page.getByRole('button', { name: 'English' }).click();
    // The supervisor lands on the 驾驶舱; its name is the page's h1.
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '驾驶舱' }).waitFor();
    await page.context().close();
  });

  it('raised no script errors and no alert on any page', () => {
    expect(e.problems).toEqual([]);
  });
});
