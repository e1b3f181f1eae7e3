import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * 群众口碑 in the web app: a citizen reports a problem from a phone (375 px, no login) and keeps
 * the tracking code; the 12345 desk takes it in from the intake queue and assigns it to a unit;
 * the unit replies, signs for the task and submits it; the desk verifies it and the citizen sees
 * the reply at once; the citizen rates 不满意, which reopens it; the unit records its
 * rectification, the desk records the call-back, and the citizen rates again. Screenshots go to
 * test-results/e2e/public-*.png.
 */
let e: E2E;
const people = { desk: 'e2e.p.duchashi', head: 'e2e.p.head', admin: 'e2e.p.admin' };
const DESCRIPTION = '人民路与建设路交叉口的人行道砖松动塌陷，已有老人绊倒，请尽快修复。';
const PHONE = '13812341234';
let code = '';
let requestId = 0;
let taskId = 0;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00'); // a Monday
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  const dept = await e.ctx.newUnit({ parent: county, name: '县住建局' });
  await e.ctx.newUnit({ parent: county, name: '县交通局' });
  await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: people.desk, name: '赵督查' });
  await e.ctx.newPerson({ unit: dept, roles: ['unit_head'], login: people.head, name: '陈局长', rank: 'township' });
  await e.ctx.newPerson({ unit: duchashi, roles: ['admin'], login: people.admin, name: '系统管理员' });
});
afterAll(async () => {
  await e?.close();
});

/** A citizen's phone: 375 × 812, Chinese, no session. */
const phone = async (): Promise<Page> => {
  const context = await e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => e.problems.push(`pageerror: ${err.message}`));
  return page;
};
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

/**
 * Every visible control on the page can be reached and has an accessible name (a label, its
 * text, aria-label or aria-labelledby, a title). Returns the ones that do not, described.
 */
const unnamedControls = (page: Page) =>
  page.evaluate(() => {
    const sel = 'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=combobox], [role=radio], [role=switch], [tabindex]:not([tabindex="-1"])';
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (el.closest('[aria-hidden="true"]')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if ((r.width === 0 && r.height === 0 && el.tagName !== 'INPUT') || style.visibility === 'hidden' || style.display === 'none') continue;
      const labelled = el.getAttribute('aria-labelledby')?.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('') ?? '';
      const forLabel = el.id ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '') : '';
      const wrapping = el.closest('label')?.textContent ?? '';
      const name = [el.getAttribute('aria-label'), labelled, forLabel, wrapping, el.getAttribute('title'), el.getAttribute('placeholder'), el.textContent].map((s) => (s ?? '').trim()).find(Boolean);
      if (!name) bad.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).slice(0, 40)}`);
    }
    return bad;
  });

/** Submits the open dialog; if the server refuses, fails with its words instead of a timeout. */
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const message = dialog.locator('[role="alert"], .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([dialog.waitFor({ state: 'detached' }).then(() => 'closed'), message.first().waitFor().then(() => 'refused')]);
  if (outcome === 'refused' && (await dialog.count())) throw new Error(`the dialog stayed open: ${(await message.allInnerTexts()).join(' / ')}`);
};
const openRequest = async (page: Page) => {
  await page.goto(`${e.base}/desk/${requestId}`);
  await page.getByTestId('req-title').waitFor();
};
const reqStatus = (page: Page) => page.getByTestId('req-status').getAttribute('data-status');
const track = async (page: Page) => {
  await page.goto(`${e.base}/public/track/${code}`);
  await page.getByTestId('pub-request').waitFor();
};
const pubStatus = (page: Page) => page.getByTestId('pub-status').getAttribute('data-status');
/** Rates on the portal: the level's button, a comment, submit. */
const rate = async (page: Page, level: string, comment: string) => {
  await page.getByTestId('pub-rate').getByText(level, { exact: true }).click();
  await page.locator('#pub-rate_comment').fill(comment);
  await page.getByTestId('pub-rate-submit').click();
};
// A 1×1 PNG: the server judges a photo by its bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('a citizen’s request through the portal and the desk', () => {
  it('1. a citizen reports from a phone (no login), with place, contact and a photo, and gets the tracking code', async () => {
    const page = await phone();
    await page.goto(`${e.base}/public`);
    await page.locator('#pub_description').waitFor();
    expect(await page.locator('[data-testid="wb-sign"]').count()).toBe(0); // no staff layout
    await noSidewaysScroll(page);
    expect(await unnamedControls(page)).toEqual([]);

    // Keyboard: Tab from the top reaches the submit button, and never the hidden honeypot.
    const seen: string[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < 60 && !seen.includes('pub-submit'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.id ?? ''));
    }
    expect(seen).toContain('pub-submit');
    expect(seen).not.toContain('pub_website');

    await page.locator('label.ant-radio-button-wrapper', { hasText: '投诉' }).click();
    await page.locator('#pub_category').click();
    await page.keyboard.type('道路');
    await page.locator('.ant-select-item-option', { hasText: '道路交通' }).first().click();
    await page.locator('#pub_description').fill(DESCRIPTION);
    await page.locator('#pub_address').fill('马上县城关镇人民路与建设路交叉口');
    await page.locator('#pub_contactName').fill('张先生');
    await page.locator('#pub_contactPhone').fill(PHONE);
    await page.locator('input[type=file]').setInputFiles({ name: '路面.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.locator('.ant-upload-list-item').count()).toBe(1);
    await e.shot(page, 'public-01-phone-form');
    await page.getByTestId('pub-submit').click();
    const shown = page.getByTestId('pub-code');
    await shown.waitFor();
    code = (await shown.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12,}$/);
    await noSidewaysScroll(page);
    await e.shot(page, 'public-02-phone-code');

    await page.getByTestId('pub-track-link').click();
    await page.getByTestId('pub-request').waitFor();
    expect(await pubStatus(page)).toBe('submitted');
    expect(await page.getByTestId('pub-request').innerText()).toContain('1 张');
    await noSidewaysScroll(page);

    // The same text and place again within a day: refused, and the page says why in Chinese.
    await page.goto(`${e.base}/public`);
    await page.locator('label.ant-radio-button-wrapper', { hasText: '投诉' }).click();
    await page.locator('#pub_category').click();
    await page.locator('.ant-select-item-option', { hasText: '道路交通' }).first().click();
    await page.locator('#pub_description').fill(DESCRIPTION);
    await page.locator('#pub_address').fill('马上县城关镇人民路与建设路交叉口');
    await page.getByTestId('pub-submit').click();
    await page.getByTestId('pub-submit-error').waitFor();
    expect(await page.getByTestId('pub-submit-error').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await e.shot(page, 'public-03-phone-duplicate');
    await page.context().close();
  });

  it('2. the desk sees it in the intake queue with its light and full contact, and assigns it to a unit', async () => {
    const page = await e.signIn(people.desk);
    // The supervisor's workbench carries the card of units last in satisfaction two months running.
    await expect.poll(() => page.getByTestId('wb-flagged').innerText()).toContain('没有连续两月末位的单位');
    await page.goto(`${e.base}/desk`);
    const queue = page.getByTestId('desk-queue');
    const row = queue.getByRole('link', { name: DESCRIPTION.slice(0, 10) });
    await row.waitFor();
    requestId = Number((await row.getAttribute('href'))!.split('/').pop());
    expect(await page.getByTestId(`desk-ack-${requestId}`).locator('[data-light]').getAttribute('data-light')).toMatch(/green|yellow/);
    await e.shot(page, 'public-04-desk-queue');
    await row.click();
    await page.getByTestId('req-title').waitFor();
    expect(await page.getByTestId('req-contact').innerText()).toContain(PHONE);
    await page.locator('[data-action="assign"]').click();
    await page.locator('#req_unitId').click();
    await page.keyboard.type('住建');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '县住建局' }).first().click();
    await confirm(page);
    await expect.poll(() => reqStatus(page)).toBe('assigned');
    const link = page.getByTestId('req-task-link');
    taskId = Number((await link.getAttribute('href'))!.split('/').pop());
    expect(taskId).toBeGreaterThan(0);
    expect(await page.getByTestId('req-handling').innerText()).toContain('县住建局');
    await e.shot(page, 'public-05-desk-assigned');
    await page.context().close();
  });

  it('3. the unit sees the contact masked, replies, and submits its task; the desk verifies it', async () => {
    let page = await e.signIn(people.head);
    await openRequest(page);
    expect(await page.getByTestId('req-contact').innerText()).toContain('138****1234');
    await page.locator('[data-action="reply"]').click();
    await page.locator('#req_text').fill('经现场查看，已于 11 月 2 日重新铺设人行道砖 35 平方米，并设置警示标志。感谢您的反映。');
    await confirm(page);
    await expect.poll(() => page.getByTestId('req-reply').innerText()).toContain('重新铺设');
    await e.shot(page, 'public-06-unit-reply');

    await page.getByTestId('req-task-link').click();
    await page.getByTestId('task-title').waitFor();
    await page.locator('[data-action="sign"]').click();
    await confirm(page);
    await page.locator('[data-action="submit"]').click();
    await page.locator('#completionText').fill('已修复人行道并答复群众。');
    await page.locator('#done').fill('重新铺设人行道砖 35 平方米');
    await page.locator('#result').fill('通行恢复');
    await page.locator('#lessons').fill('加强日常巡查');
    await confirm(page);
    await expect.poll(() => page.getByTestId('task-status').innerText()).toBe('申请办结');
    await page.context().close();

    page = await e.signIn(people.desk);
    await page.goto(`${e.base}/tasks/${taskId}`);
    await page.getByTestId('task-title').waitFor();
    await page.locator('[data-action="verify"]').click();
    await confirm(page);
    await expect.poll(() => page.getByTestId('task-status').innerText()).toBe('已办结');
    await openRequest(page);
    await expect.poll(() => reqStatus(page)).toBe('answered');
    await page.context().close();
  });

  it('4. the citizen sees the reply at once and rates 不满意, which reopens the request', async () => {
    const page = await phone();
    await track(page);
    expect(await pubStatus(page)).toBe('answered');
    expect(await page.getByTestId('pub-reply').innerText()).toContain('重新铺设');
    await noSidewaysScroll(page);
    expect(await unnamedControls(page)).toEqual([]);
    await e.shot(page, 'public-07-phone-reply');
    await rate(page, '不满意', '砖是铺了，但旁边的井盖还是松的，晚上走很危险。');
    await expect.poll(() => pubStatus(page)).toBe('reopened');
    expect(await page.getByTestId('pub-ratings').innerText()).toContain('不满意');
    await noSidewaysScroll(page);
    await e.shot(page, 'public-08-phone-dissatisfied');
    await page.context().close();
  });

  it('5. the unit records its rectification; the desk records the call-back', async () => {
    let page = await e.signIn(people.head);
    await openRequest(page);
    expect(await reqStatus(page)).toBe('reopened');
    expect(await page.getByTestId('req-ratings').innerText()).toContain('井盖');
    await page.locator('[data-action="rectify"]').click();
    await page.locator('#req_text').fill('已更换松动井盖 2 处并加固，夜间增设照明。');
    await confirm(page);
    await expect.poll(() => reqStatus(page)).toBe('rectified');
    await page.context().close();

    page = await e.signIn(people.desk);
    await openRequest(page);
    await page.locator('[data-action="callback"]').click();
    await page.locator('#req_said').fill('张先生表示井盖已修好，晚上走路放心了。');
    await confirm(page);
    await expect.poll(() => reqStatus(page)).toBe('called_back');
    const calls = await page.getByTestId('req-callbacks').innerText();
    expect(calls).toContain('赵督查');
    expect(calls).toContain('井盖已修好');
    await e.shot(page, 'public-09-desk-callback');
    await page.context().close();
  });

  it('6. after the call-back the citizen rates again, and the request is settled', async () => {
    const page = await phone();
    await track(page);
    expect(await pubStatus(page)).toBe('called_back');
    expect(await page.getByTestId('pub-rectify').innerText()).toContain('更换松动井盖');
    await rate(page, '满意', '修得很及时，谢谢。');
    await expect.poll(() => pubStatus(page)).toBe('rated');
    const ratings = page.getByTestId('pub-ratings').locator('[data-level]');
    await expect.poll(() => ratings.count()).toBe(2);
    expect(await page.getByTestId('pub-rate-submit').count()).toBe(0);
    await noSidewaysScroll(page);
    await e.shot(page, 'public-10-phone-rated-again');

    // Public statistics: the unit with its volume; no citizen's words (nothing was marked publishable).
    await page.goto(`${e.base}/public/stats`);
    const stats = page.getByTestId('pub-stats');
    await stats.waitFor();
    const text = await stats.innerText();
    expect(text).toContain('县住建局');
    expect(text).not.toContain('井盖');
    expect(text).not.toContain(PHONE);
    await noSidewaysScroll(page);
    await e.shot(page, 'public-11-phone-stats');
    await page.context().close();
  });

  it('7. the desk declines an out-of-scope request with a reason, and the citizen reads it', async () => {
    const res = await e.ctx.app.inject({ method: 'POST', url: '/api/v1/public/requests', payload: { type: 'consult', category: 'other', description: '请问邻市的公积金怎么提取？想了解一下流程。' } });
    expect(res.statusCode).toBe(201);
    const other = res.json<{ code: string }>().code;
    let page = await e.signIn(people.desk);
    await page.goto(`${e.base}/desk`);
    await page.getByTestId('desk-queue').getByRole('link', { name: '请问邻市的公积金' }).click();
    await page.getByTestId('req-title').waitFor();
    await page.locator('[data-action="decline"]').click();
    await page.locator('#req_reason').fill('该事项属邻市住房公积金中心办理，请拨打其服务热线咨询。');
    await confirm(page);
    await expect.poll(() => reqStatus(page)).toBe('declined');
    await page.context().close();

    page = await phone();
    await page.goto(`${e.base}/public/track`);
    await page.locator('#track_code').fill(other.toLowerCase().replace(/(.{4})/g, '$1 '));
    await page.getByTestId('pub-track-submit').click();
    await page.getByTestId('pub-decline').waitFor();
    expect(await page.getByTestId('pub-decline').innerText()).toContain('邻市住房公积金中心');
    expect(await pubStatus(page)).toBe('declined');
    await noSidewaysScroll(page);
    await page.context().close();
  });

  it('8. a service window: the desk sets it up and issues a visit code; the visitor rates once by the QR link', async () => {
    let page = await e.signIn(people.desk);
    await page.goto(`${e.base}/desk?tab=windows`);
    await page.getByTestId('win-new').click();
    await page.locator('#win_unitId').click();
    await page.keyboard.type('住建');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '县住建局' }).first().click();
    await page.locator('#win_name').fill('政务大厅 3 号窗口');
    await confirm(page);
    await page.getByRole('button', { name: '发放评价码：政务大厅 3 号窗口' }).click();
    const visit = (await page.getByTestId('win-visit-code').innerText()).trim();
    expect(visit.length).toBeGreaterThan(3);
    const link = await page.getByTestId('win-list').getByText('/public/windows/').innerText();
    await e.shot(page, 'public-12-window-qr');
    await page.context().close();

    page = await phone();
    await page.goto(`${e.base}${link.trim()}?visit=${encodeURIComponent(visit)}`);
    await page.getByTestId('window-name').waitFor();
    expect(await page.getByTestId('window-name').innerText()).toContain('政务大厅 3 号窗口');
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByTestId('window-rate').getByText('非常满意', { exact: true }).click();
    await page.getByTestId('window-rate-submit').click();
    await page.getByTestId('window-done').waitFor();
    await noSidewaysScroll(page);
    await e.shot(page, 'public-13-window-rated');
    // 一次一评: the same visit code again is refused, in Chinese.
    await page.goto(`${e.base}${link.trim()}?visit=${encodeURIComponent(visit)}`);
    await page.getByTestId('window-rate').getByText('满意', { exact: true }).click();
    await page.getByTestId('window-rate-submit').click();
    const refusal = page.getByTestId('window-rate').locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.context().close();
  });

  it('9. an administrator issues an Open311 client key (shown once) and revokes it', async () => {
    const page = await e.signIn(people.admin);
    await page.goto(`${e.base}/admin/open311`);
    await page.getByTestId('o311-issue').click();
    await page.locator('#o311_name').fill('12345 热线平台');
    // The issuing dialog closes as the key's dialog opens: wait for the key, not for "a" dialog to go.
    await page.getByRole('dialog', { name: '签发密钥' }).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('o311-key').waitFor();
    const key = (await page.getByTestId('o311-key').innerText()).trim();
    expect(key).toMatch(/^o311_/);
    await page.getByRole('button', { name: '我已妥善保存' }).click();
    const list = page.getByTestId('o311-list');
    await expect.poll(() => list.innerText()).toContain('12345 热线平台');
    expect(await list.innerText()).not.toContain(key);
    await page.getByRole('button', { name: '停用密钥：12345 热线平台' }).click();
    await page.locator('.ant-popconfirm-buttons button').last().click();
    await expect.poll(() => list.innerText()).toContain('已停用');
    await e.shot(page, 'public-14-open311-keys');
    await page.context().close();
  });

  it('10. deep links of the portal load the app on a fresh visit, and no script errors occurred', async () => {
    const page = await phone();
    const res = await page.goto(`${e.base}/public/track/${code}`);
    expect(res?.status()).toBe(200);
    await page.getByTestId('pub-request').waitFor();
    await page.context().close();
    expect(e.problems).toEqual([]);
  });
});
