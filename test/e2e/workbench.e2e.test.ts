import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * The supervision office's workbench in a county where many leaders are behind on field days:
 * the card lists the furthest behind and links to the rest instead of growing the page by a
 * screen per ten people; and the header at phone width stays one line.
 * Screenshots: test-results/e2e/workbench-*.png.
 */
let e: E2E;
const SUPERVISOR = 'e2e.wb.duchashi';
const LEADERS = 11;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00');
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: SUPERVISOR, name: '赵督查' });
  // County-level leaders with no field day logged by November: all behind on the yearly quota.
  for (let i = 1; i <= LEADERS; i++) await e.ctx.newPerson({ unit: county, roles: ['leader'], rank: 'county', login: `e2e.wb.leader${i}`, name: `第${i}副县长` });
});
afterAll(async () => {
  await e?.close();
});

describe('the workbench as the supervision office uses it', () => {
  it('lists the first eight people behind on field days, counts them all and links to the rest', async () => {
    const page = await e.signIn(SUPERVISOR);
    await page.goto(`${e.base}/workbench`);
    const behind = page.getByTestId('wb-behind');
    await expect.poll(() => behind.locator('.ant-list-item').count(), { timeout: 10_000 }).toBe(8);
    expect(await page.getByTestId('wb-behind-count').innerText()).toBe(String(LEADERS));
    const more = page.getByTestId('wb-behind-more');
    expect(await more.innerText()).toBe(`共 ${LEADERS} 人，查看全部`);
    await e.shot(page, 'workbench-01-behind');
    await more.click();
    await page.waitForURL(/\/field-work\?tab=coverage$/);
    await page.context().close();
  });

  it('at phone width the header is one line: its buttons are icons with their names for the screen reader', async () => {
    const page = await e.signIn(SUPERVISOR, { width: 390, height: 844 });
    await page.goto(`${e.base}/workbench`);
    await page.getByTestId('wb-behind').waitFor();
    const header = page.locator('header').first();
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    expect(await page.getByRole('button', { name: 'English' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '大字' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '赵督查' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e.shot(page, 'workbench-02-phone');
    await page.context().close();
  });
});
