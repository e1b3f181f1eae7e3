import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * Issue #22 in the browser: an admin configures the county office's DingTalk robot pointing at a
 * local receiver, sends 发送测试消息 and sees it arrive signed; a person sets a mobile and SMS
 * for a kind in 通知设置. Screenshots in test-results/e2e/.
 */
let e: E2E;
let receiver: Server;
let robotUrl = '';
const SECRET = 'SEC-e2e-robot-secret-42';
const received: { ok: boolean; body: string }[] = [];
const people = { admin: 'ch2e.admin', staff: 'ch2e.staff' };

beforeAll(async () => {
  e = await startE2E('2026-12-01T10:00:00+08:00');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const ts = u.searchParams.get('timestamp') ?? '';
      const ok = u.searchParams.get('sign') === createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64') && u.searchParams.get('access_token') === 'E2E';
      received.push({ ok, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  robotUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/robot/send?access_token=E2E`;
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '渠道县' });
  const office = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  await e.ctx.newPerson({ unit: office, roles: ['admin'], login: people.admin, name: '管理员' });
  await e.ctx.newPerson({ unit: office, roles: ['staff'], login: people.staff, name: '周科员' });
  await e.ctx.services.channels.saveGateway(e.ctx.system(), await e.ctx.actorOf({ id: (await e.ctx.handle.db.selectFrom('person').select('id').where('login', '=', people.admin).executeTakeFirstOrThrow()).id }), {
    kind: 'log',
    url: null,
    method: 'POST',
    headers: {},
    bodyTemplate: '',
  });
});
afterAll(async () => {
  await e?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

/** Visible controls without an accessible name inside `root` (the same check as the portal's): the dialogs and the page this issue adds. */
const unnamedControls = (page: Page, root: string) =>
  page.evaluate((root) => {
    const sel = 'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=combobox], [role=switch], [role=checkbox]';
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll(root)).flatMap((r) => Array.from(r.querySelectorAll<HTMLElement>(sel)))) {
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
  }, root);

describe('group robots and 通知设置 in the web app', () => {
  it('1. an admin adds the county office’s DingTalk robot, sends a test message, and it arrives signed', async () => {
    const page = await e.signIn(people.admin);
    await page.goto(`${e.base}/admin/channels`);
    await page.getByTestId('robot-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '所属单位' }).click();
    await page.keyboard.type('县委督查室');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '县委督查室' }).first().click();
    await dialog.locator('#robot_name').fill('县督查室工作群');
    await dialog.locator('#robot_url').fill(robotUrl);
    await dialog.locator('#robot_secret').fill(SECRET);
    expect(await unnamedControls(page, '.ant-modal')).toEqual([]);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('robot-list').locator('tr', { hasText: '县督查室工作群' });
    await row.waitFor();
    // The token is masked and the secret is nowhere on the page.
    expect(await row.innerText()).toContain('access_token=***');
    expect(await page.content()).not.toContain(SECRET);
    await row.getByRole('button', { name: /发送测试消息/ }).click();
    const result = page.getByTestId('robot-test-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('测试消息已送达');
    expect(received).toHaveLength(1);
    expect(received[0]!.ok).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('测试消息') } });
    expect(await unnamedControls(page, '.ant-layout-content')).toEqual([]);
    await e.shot(page, 'channels-robots');
  });

  it('2. a person sets a mobile and SMS for 新交办 in 通知设置', async () => {
    const page = await e.signIn(people.staff);
    await page.getByTestId('user-menu').hover();
    await page.getByTestId('notify-settings').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('notify-mobile').fill('13812345678');
    await dialog.getByRole('checkbox', { name: '新交办 短信' }).check();
    expect(await unnamedControls(page, '.ant-modal')).toEqual([]);
    await e.shot(page, 'channels-settings');
    await dialog.getByTestId('notify-save').click();
    await dialog.waitFor({ state: 'detached' });
    const me = await e.ctx.handle.db.selectFrom('person').select(['id', 'phone']).where('login', '=', people.staff).executeTakeFirstOrThrow();
    expect(me.phone).toBe('13812345678');
    const s = await e.ctx.handle.db.selectFrom('channelSetting').select('choices').where('personId', '=', me.id).executeTakeFirstOrThrow();
    expect(s.choices['tasks.assigned']).toEqual(['email', 'sms']);
    expect(e.problems).toEqual([]);
  });
});
