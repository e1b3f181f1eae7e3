import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed.ts';
import { seedModuleDemos } from '../../src/server.ts';
import { expectAccessible, startE2E, type E2E } from './browser.ts';

/**
 * Issue #23 (GB/T 37668-2019 / WCAG 2.x AA, 适老化) in the browser: axe-core over every page of
 * the app with the demo county's data, every dialog, at 1440 px and 390 px, in Chinese and in
 * English, and the citizens' portal; each page has one h1 and its own document title, and the
 * page's lang follows the chosen language after a reload. Keyboard-only: sign-in, 交办, 签收 in
 * a dialog and the inbox's 标为已读.
 */
let e: E2E;
const ids: Record<string, number> = {};

beforeAll(async () => {
  e = await startE2E('2026-12-01T09:00:00+08:00');
  await seedDemo(e.ctx.services);
  await seedModuleDemos(e.ctx.services);
  const db = e.ctx.handle.db;
  // The supervision office's head also administers the system here, so one sign-in sees every page.
  await sql`update person set roles = array_append(roles, 'admin') where login = 'duchashi'`.execute(db);
  const first = async (table: string, where = sql`true`) => {
    const r = await sql<{ id: number }>`select id from ${sql.table(table)} where ${where} order by id limit 1`.execute(db);
    return r.rows[0]?.id ?? 0;
  };
  ids.task = await first('task', sql`status = 'assigned'`);
  ids.meeting = await first('meeting');
  ids.document = await first('document');
  ids.request = await first('citizen_request');
  ids.case = await first('model_case');
  ids.accountability = await first('accountability_record');
  ids.report = await first('report');
  ids.unit = await first('unit', sql`code = 'zjj'`);
}, 600_000);
afterAll(async () => {
  await e?.close();
});

/** Every route of web/src/App.tsx, with a real object where the route names one. */
const routes = () => [
  '/',
  '/workbench',
  '/tasks',
  '/tasks/new',
  `/tasks/${ids.task}`,
  '/meetings',
  '/meetings/new',
  `/meetings/${ids.meeting}`,
  `/meetings/${ids.meeting}/edit`,
  '/field-work',
  '/field-work/new',
  '/dashboard',
  '/notifications',
  '/documents',
  `/documents/${ids.document}`,
  '/admin/units',
  '/admin/people',
  '/admin/calendar',
  '/admin/policy',
  '/admin/open311',
  '/admin/channels',
  '/desk',
  `/desk/${ids.request}`,
  '/scoreboard',
  `/scoreboard/units/${ids.unit}`,
  '/cases',
  `/cases/${ids.case}`,
  '/accountability',
  `/accountability/${ids.accountability}`,
  '/reports',
  `/reports/${ids.report}`,
  '/summary',
  `/tasks/${ids.task}/notice`,
  `/meetings/${ids.meeting}/timer`,
  // The citizens' portal (no sign-in needed; its own layout and titles).
  '/public',
  '/public/track',
  '/public/stats',
];

type Lang = 'zh' | 'en';
const newContext = (browser: Browser, width: number, lang: Lang): Promise<BrowserContext> =>
  browser
    .newContext({ viewport: { width, height: width < 800 ? 844 : 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US', timezoneId: 'Asia/Shanghai' })
    .then(async (c) => {
      await c.addInitScript((l) => localStorage.setItem('mashang.lang', l), lang);
      return c;
    });

const signIn = async (context: BrowserContext, login: string): Promise<Page> => {
  const page = await context.newPage();
  track(page);
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => e.problems.push(`pageerror: ${err.message}`));
  await page.goto(`${e.base}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  // Leaders and supervisors land on the 驾驶舱, everyone else on the workbench.
  await page.locator('[data-testid="wb-sign"], [data-testid="ov-decisions"]').first().waitFor();
  return page;
};

/** Requests in flight per page, to know when a page has its data. */
const inflight = new WeakMap<Page, number>();
const track = (page: Page) => {
  inflight.set(page, 0);
  page.on('request', () => inflight.set(page, (inflight.get(page) ?? 0) + 1));
  const done = () => inflight.set(page, (inflight.get(page) ?? 1) - 1);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
};

/**
 * Loaded: no request in flight for 150 ms, no spinner left and no transition running (a button
 * enabled by the data that just came is still fading from its disabled grey: axe would read that).
 */
const settle = async (page: Page) => {
  for (let quiet = 0, i = 0; quiet < 3 && i < 200; i++) {
    await page.waitForTimeout(50);
    quiet = (inflight.get(page) ?? 0) <= 0 ? quiet + 1 : 0;
  }
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 10_000 })
    .catch(() => {});
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 3_000 })
    .catch(() => {});
};

/** Client-side navigation (as the menu does): no reload of the app for each page. */
const go = async (page: Page, route: string) => {
  // The old page's content is marked, then we wait until it has been replaced (React keeps the
  // old page on screen while the new one's code loads).
  await page.evaluate((r) => {
    document.querySelector('#main > *')?.setAttribute('data-stale', '1');
    history.pushState(null, '', r);
    dispatchEvent(new PopStateEvent('popstate'));
  }, route);
  await page.waitForFunction(() => !document.querySelector('[data-stale]'), undefined, { timeout: 5_000 }).catch(() => {});
  await settle(page);
};

/** One h1, a document title naming the page ("督办台账 · 马上") and the chosen language on <html>. */
const checkStructure = async (page: Page, where: string, lang: Lang) => {
  const s = await page.evaluate(() => ({
    h1: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent?.trim() ?? ''),
    title: document.title,
    lang: document.documentElement.lang,
  }));
  const problems: string[] = [];
  if (s.h1.length !== 1 || !s.h1[0]) problems.push(`${s.h1.length} h1 (${s.h1.join(' | ')})`);
  if (!/ · (马上|Mashang)$/.test(s.title) || s.title.startsWith(' ')) problems.push(`title "${s.title}"`);
  if (s.lang !== (lang === 'zh' ? 'zh-CN' : 'en')) problems.push(`lang "${s.lang}"`);
  if (problems.length) throw new Error(`structure at ${where}: ${problems.join('; ')}`);
};

/** Runs a check and keeps its failure, so one run reports every page's violations at once. */
const collect = async (failures: string[], check: () => Promise<void>) => {
  try {
    await check();
  } catch (err) {
    failures.push((err as Error).message);
  }
};

describe('accessibility (issue #23)', () => {
  // Both widths and both languages, in two passes (desktop in Chinese, phone in English): the
  // four combinations would take the browser suite past its time budget.
  for (const [width, lang] of [[1440, 'zh'], [390, 'en']] as const)
      it(`every page passes axe at ${width} px in ${lang}`, async () => {
        const context = await newContext(e.browser, width, lang);
        const page = await signIn(context, 'duchashi');
        const failures: string[] = [];
        for (const route of routes()) {
          await go(page, route);
          const where = `${route} ${width}px ${lang}`;
          await collect(failures, () => expectAccessible(page, { context: where }));
          if (!/\/(notice|timer)$|^\/public/.test(route)) await collect(failures, () => checkStructure(page, where, lang));
        }
        await context.close();
        if (failures.length) throw new Error(failures.join('\n\n'));
      }, 300_000);
});

/** Opens a dialog with `open`, runs axe over the page with it, closes it with Escape. */
const checkDialog = async (page: Page, where: string, open: () => Promise<void>, failures: string[]) => {
  await open();
  const dialog = page.locator('.ant-modal-wrap:visible, .ant-drawer-open').first();
  await dialog.waitFor();
  await settle(page);
  await collect(failures, () => expectAccessible(page, { context: where }));
  await page.keyboard.press('Escape');
  await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' }).catch(() => {});
  await page.waitForTimeout(300);
};

describe('dialogs (issue #23)', () => {
  for (const [width, lang] of [[1440, 'zh'], [390, 'en']] as const)
    it(`every task action's dialog, 通知设置 and the people and unit dialogs pass axe at ${width} px in ${lang}`, async () => {
      const context = await newContext(e.browser, width, lang);
      const page = await signIn(context, 'duchashi');
      const failures: string[] = [];
      const r = await sql<{ id: number }>`select id from task where status = 'in_progress' order by id limit 1`.execute(e.ctx.handle.db);
      for (const id of [ids.task, r.rows[0]?.id ?? ids.task]) {
        await go(page, `/tasks/${id}`);
        const actions = await page.locator('[data-testid="task-actions"] [data-action]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action')!));
        for (const a of actions) await checkDialog(page, `/tasks/${id} ${a} ${width}px ${lang}`, () => page.locator(`[data-action="${a}"]`).click(), failures);
      }
      await checkDialog(page, `通知设置 ${width}px ${lang}`, async () => {
        await page.getByTestId('user-menu').click();
        await page.getByTestId('notify-settings').click();
        // The user menu fades out as the dialog opens: axe would read its half-transparent words.
        await page.waitForFunction(() => !document.querySelector('.ant-dropdown:not(.ant-dropdown-hidden)'), undefined, { timeout: 5_000 }).catch(() => {});
      }, failures);
      if (width < 800) await checkDialog(page, `menu drawer ${width}px ${lang}`, () => page.getByTestId('menu-button').click(), failures);
      await go(page, '/admin/people');
      await checkDialog(page, `people dialog ${width}px ${lang}`, () => page.locator('.ant-card-extra button').first().click(), failures);
      await go(page, '/admin/units');
      await checkDialog(page, `unit dialog ${width}px ${lang}`, () => page.locator('.ant-card-extra button').first().click(), failures);
      await context.close();
      if (failures.length) throw new Error(failures.join('\n\n'));
    }, 300_000);
});

/**
 * 200 % zoom (WCAG 1.4.4 / 1.4.10): a 1440 px window at 200 % is a 720 px viewport at twice the
 * pixels. Nothing is lost: the page never scrolls sideways (wide tables scroll inside their own
 * region), the menu button does not cover the heading, and text cut short with an ellipsis
 * carries its full text in a title (a tooltip).
 */
const checkZoom = async (page: Page, where: string) => {
  const r = await page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth + 1) problems.push(`the page scrolls sideways (${doc.scrollWidth} px in ${innerWidth} px)`);
    const h1 = document.querySelector('h1')?.getBoundingClientRect();
    const menu = document.querySelector('[data-testid="menu-button"]')?.getBoundingClientRect();
    if (h1 && menu && menu.right > h1.left && menu.left < h1.right && menu.bottom > h1.top && menu.top < h1.bottom) problems.push('the menu button covers the h1');
    for (const el of document.querySelectorAll<HTMLElement>('#main *')) {
      if (getComputedStyle(el).textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth + 1 || !el.textContent?.trim()) continue;
      if (!el.closest('[title]') && !el.closest('[aria-describedby]')) problems.push(`"${el.textContent.trim().slice(0, 40)}" is cut short with no title`);
    }
    return problems;
  });
  if (r.length) throw new Error(`200 % zoom at ${where}: ${r.join('; ')}`);
};

describe('200 % zoom (issue #23)', () => {
  it('the main pages reflow at 720 px with twice the pixels: nothing cut off or covered', async () => {
    const context = await e.browser.newContext({ viewport: { width: 720, height: 450 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await signIn(context, 'duchashi');
    const failures: string[] = [];
    for (const route of ['/', '/tasks', `/tasks/${ids.task}`, '/meetings', '/notifications', '/dashboard']) {
      await go(page, route);
      await collect(failures, () => checkZoom(page, route));
    }
    await context.close();
    if (failures.length) throw new Error(failures.join('\n'));
  }, 120_000);
});

/** Presses Tab (at most 80 times) until the focused element matches; fails if it never does. */
const tabTo = async (page: Page, selector: string) => {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
};
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', cls: String(document.activeElement?.className ?? '') }));

describe('keyboard only (issue #23)', () => {
  let page: Page;
  it('signs in: a wrong password puts focus back on the password, then Enter signs in; the skip link comes first', async () => {
    const context = await newContext(e.browser, 1280, 'zh');
    page = await context.newPage();
    track(page);
    page.setDefaultTimeout(15_000);
    await page.goto(`${e.base}/login`);
    await page.waitForFunction(() => document.activeElement?.id === 'login');
    await page.keyboard.type('duchashi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.getByTestId('login-error').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('ov-decisions').waitFor();
    expect(await page.title()).toBe('驾驶舱 · 马上');
    await page.keyboard.press('Tab');
    expect((await focused(page)).cls).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');
  });

  it('交办: the form is filled and sent with the keyboard alone', async () => {
    await go(page, '/tasks/new');
    await tabTo(page, '#title');
    await page.keyboard.type('键盘交办：整治背街小巷照明');
    await tabTo(page, '#leadUnitId');
    await page.keyboard.type('县住房和城乡建设局');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '县住房和城乡建设局' }).first().waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page, '#deadlineDate');
    await page.keyboard.type('2026-12-31');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await tabTo(page, '[data-testid="assign-submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByTestId('task-title').waitFor();
    expect(await page.getByTestId('task-title').innerText()).toContain('整治背街小巷照明');
  });

  it('签收 in a dialog with the keyboard; focus comes back to the task’s actions', async () => {
    const db = e.ctx.handle.db;
    const r = await sql<{ id: number; login: string }>`select t.id, p.login from task t join person p on p.unit_id = t.lead_unit_id
      where t.status = 'assigned' and 'unit_head' = any(p.roles) and p.active order by t.id limit 1`.execute(db);
    const { id, login } = r.rows[0]!;
    const context = await newContext(e.browser, 1280, 'zh');
    const head = await signIn(context, login);
    await go(head, `/tasks/${id}`);
    await tabTo(head, '[data-action="sign"]');
    await head.keyboard.press('Enter');
    await head.getByRole('dialog').waitFor();
    await tabTo(head, '.ant-modal-footer .ant-btn-primary');
    await head.keyboard.press('Enter');
    await head.getByRole('dialog').waitFor({ state: 'detached' });
    await head.waitForFunction(() => !!document.activeElement?.closest('[data-testid="task-actions"]'));
    await context.close();
  });

  it('at phone width a table too wide for the screen is a named Tab stop scrolled by the arrow keys; tab lists hold their tabs', async () => {
    const context = await newContext(e.browser, 390, 'zh');
    const phone = await signIn(context, 'duchashi');
    await go(phone, '/admin/policy');
    await phone.locator('#main').focus();
    await tabTo(phone, '[data-a11y-scroll]');
    const region = await phone.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), name: document.activeElement?.getAttribute('aria-label') ?? '' }));
    expect(region.role).toBe('group');
    expect(region.name).toContain('表格，可滚动');
    await phone.keyboard.press('ArrowRight');
    await phone.keyboard.press('ArrowRight');
    await expect.poll(() => phone.evaluate(() => document.activeElement?.scrollLeft ?? 0)).toBeGreaterThan(0);
    await go(phone, '/notifications');
    expect(await phone.getByRole('tablist').first().getByRole('tab').count()).toBeGreaterThan(1);
    await context.close();
  });

  it('the inbox: 标为已读 with Tab and Enter', async () => {
    await go(page, '/notifications');
    const marks = page.getByRole('button', { name: '标为已读', exact: true });
    const before = await marks.count();
    expect(before).toBeGreaterThan(0);
    await tabTo(page, '.ant-list-item button.ant-btn-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => marks.count()).toBe(before - 1);
  });
});
