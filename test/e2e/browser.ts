import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../helpers/context.ts';

export const SHOTS = 'test-results/e2e';
/** Screenshots kept in the repository (README, issue #16), written only when MASHANG_SCREENSHOTS=1. */
export const KEPT_SHOTS = 'docs/screenshots';
const CHROMIUM = process.env.MASHANG_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export interface E2E {
  ctx: TestContext;
  base: string;
  browser: Browser;
  /** A fresh browser context signed in as this person, at the workbench (leaders and supervisors: the 驾驶舱). */
  signIn(login: string, opts?: { width?: number; height?: number }): Promise<Page>;
  /** Saves a full-page screenshot as test-results/e2e/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  /**
   * A screenshot kept in the repository: docs/screenshots/<name>.png, written only when
   * MASHANG_SCREENSHOTS=1 (so ordinary runs leave the tracked files alone); the viewport only
   * unless fullPage. Always also in test-results/e2e/.
   */
  keep(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
  /** Script errors and alert() dialogs seen on any page. */
  problems: string[];
  close(): Promise<void>;
}

/** The real app listening on loopback over a fresh database, and a headless Chromium. */
export async function startE2E(now: string): Promise<E2E> {
  mkdirSync(SHOTS, { recursive: true });
  const ctx = await createTestContext({ now });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  // launch() gives every run a fresh temporary profile (user-data dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
  };
  return {
    ctx,
    base,
    browser,
    problems,
    async signIn(login, opts = {}) {
      const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      watch(page);
      await page.goto(`${base}/login`);
      await page.locator('#login').fill(login);
      await page.locator('#password').fill(TEST_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.locator('[data-testid="wb-sign"], [data-testid="ov-decisions"]').first().waitFor();
      return page;
    },
    async shot(page, name) {
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    },
    async keep(page, name, opts = {}) {
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.waitForTimeout(400); // let the drawer's and the cards' transitions finish
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: opts.fullPage ?? false });
      if (process.env.MASHANG_SCREENSHOTS === '1') {
        mkdirSync(KEPT_SHOTS, { recursive: true });
        await page.screenshot({ path: `${KEPT_SHOTS}/${name}.png`, fullPage: opts.fullPage ?? false });
      }
    },
    async close() {
      await browser.close();
      await ctx.app.close().catch(() => {});
      await ctx.close();
    },
  };
}

/** axe-core's script, read once and injected into the pages that are checked. */
let axeSource: string | undefined;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) over the page as it is now and fails on any
 * critical or serious violation, naming each: its rule, the elements and axe's summary.
 * `context` says where the page was (route, width, language) in the failure message.
 */
export async function expectAccessible(page: Page, opts: { context: string; include?: string }): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated, not added as a <script>: the app's CSP (script-src 'self') refuses inline scripts.
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const r = await axe.run(include ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    },
    { tags: AXE_TAGS, include: opts.include },
  );
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  if (bad.length === 0) return;
  const lines = bad.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 6).map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
    ...(v.nodes.length > 6 ? [`    … and ${v.nodes.length - 6} more`] : []),
  ]);
  throw new Error(`accessibility violations at ${opts.context}:\n${lines.join('\n')}`);
}

/**
 * Chinese left in English mode: the interface's own words (headings, labels, buttons, column
 * heads, tabs, card titles, description labels, statistic titles, placeholders, accessible names)
 * that contain a CJK character or full-width punctuation. User data (table cells, description
 * values, timeline entries, inputs' values, links to records) is left out: it stays as written.
 * Returns "selector: text" for each leftover.
 */
export async function chineseLeftovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u4e00-\u9fff\uff1a\uff08\uff09\uff0c\u3001\u3002]/;
    const DATA = 'td, .ant-descriptions-item-content, .ant-timeline-item-content, .ant-list-item, .ant-select-selection-item, .ant-typography, a[href^="/tasks/"], a[href^="/meetings/"], a[href^="/documents/"], a[href^="/scoreboard/units/"], a[href^="/cases/"], a[href^="/accountability/"], [data-user-text], .ant-card-head-title a';
    const UI = 'h1, h2, h3, h4, h5, label, button, th, [role="tab"], .ant-card-head-title, .ant-descriptions-item-label, .ant-statistic-title, .ant-empty-description, .ant-form-item-explain, .ant-alert-message, .ant-modal-title';
    const out: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    for (const el of Array.from(document.querySelectorAll(UI))) {
      if (!visible(el)) continue;
      // Own text only: the text of the element without the parts that are user data.
      const clone = el.cloneNode(true) as Element;
      for (const d of Array.from(clone.querySelectorAll(DATA))) d.remove();
      const text = el.closest(DATA) ? '' : (clone.textContent ?? '').trim();
      if (text === '中文') continue; // the language switch names the other language in its own words
      if (CJK.test(text)) out.push(`${el.tagName.toLowerCase()}: ${text.slice(0, 80)}`);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]'))) {
      if (!visible(el) || el.closest(DATA) || el.closest('.ant-card-head-title a')) continue;
      for (const attr of ['aria-label', 'placeholder']) {
        const v = el.getAttribute(attr) ?? '';
        // A name made of a label and user data ("Edit: 关于…") is fine; the label part must not be Chinese.
        const label = v.split(/: /)[0] ?? '';
        if (CJK.test(label) || /\uff1a/.test(v)) out.push(`${el.tagName.toLowerCase()}[${attr}]: ${v.slice(0, 80)}`);
      }
    }
    return [...new Set(out)];
  });
}
