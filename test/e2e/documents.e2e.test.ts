import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './browser.ts';

/**
 * A document through the web app: staff draft it by pasting the text, run the writing-style
 * check and see the formulaic phrases and the opening passage marked with the count against the
 * limit; the unit head issues it with a 文号 and, the unit having issued nothing last year, a
 * written explanation. The check of any text works without saving. Screenshots go to test-results/e2e/.
 */
let e: E2E;
const people = { staff: 'e2e.doc.staff', head: 'e2e.doc.head' };
const TITLE = '关于开展冬季道路交通安全隐患排查的通知';
const BODY = [
  '各乡镇、各部门：',
  '冬季道路交通安全工作十分重要，各单位要高度重视，统一思想，提高认识，切实加强组织领导，形成工作合力。',
  '一、县交通运输局于12月20日前完成国道沿线隐患排查，建立问题台账。',
  '二、县公安局交警大队每周五报送整改进展。',
].join('\n');
let docId = 0;

beforeAll(async () => {
  e = await startE2E('2026-12-01T09:00:00+08:00');
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '发文县' });
  const dept = await e.ctx.newUnit({ parent: county, name: '县交通运输局' });
  await e.ctx.newPerson({ unit: dept, roles: ['staff'], login: people.staff, name: '孙科员' });
  await e.ctx.newPerson({ unit: dept, roles: ['unit_head'], login: people.head, name: '钱局长', rank: 'township' });
});
afterAll(async () => {
  await e?.close();
});

describe('a document through the web app', () => {
  it('1. staff draft it, run the check and see the phrases and the opening passage marked', async () => {
    const page = await e.signIn(people.staff);
    await page.getByRole('menuitem', { name: '发文' }).click();
    await page.waitForURL(/\/documents$/);
    await page.getByTestId('doc-new').click();
    await page.locator('#doc-title').fill(TITLE);
    await page.locator('#doc-body').fill(BODY);
    await page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/documents\/\d+$/);
    docId = Number(page.url().split('/').pop());
    await expect.poll(() => page.getByTestId('doc-status').innerText()).toBe('草稿');
    await page.locator('[data-action="check"]').click();
    await expect.poll(() => page.getByTestId('doc-status').innerText()).toBe('已体检');

    // The count against the kind's limit, and the verdict with its reasons.
    await expect.poll(() => page.getByTestId('doc-characters').innerText()).toMatch(/^\d+ \/ 5,000$/);
    expect(await page.getByTestId('doc-verdict').innerText()).toBe('建议修改');
    expect(await page.getByTestId('doc-reasons').innerText()).toContain('套话');
    // Each formulaic phrase a <mark> with an accessible name; the opening passage marked.
    const marks = page.locator('[data-testid="doc-marked"] mark.doc-phrase');
    expect(await marks.count()).toBeGreaterThanOrEqual(5);
    expect(await marks.first().getAttribute('aria-label')).toMatch(/^套话：/);
    expect(await marks.evaluateAll((els) => els.map((el) => el.textContent))).toEqual(expect.arrayContaining(['高度重视', '统一思想', '形成工作合力']));
    const preamble = page.getByTestId('doc-preamble');
    expect(await preamble.getAttribute('aria-label')).toBe('开头铺垫（穿靴戴帽）');
    expect(await preamble.innerText()).toContain('十分重要');
    expect(await preamble.innerText()).not.toContain('12月20日');
    // The head issues, staff do not.
    expect(await page.locator('[data-action="issue"]').count()).toBe(0);
    await e.shot(page, 'doc-01-checked');
    await page.context().close();
  });

  it('2. the unit head issues it with a 文号 and the written explanation the yearly count asks for', async () => {
    const page = await e.signIn(people.head);
    await page.goto(`${e.base}/documents/${docId}`);
    await page.getByTestId('doc-title').waitFor();
    await page.locator('[data-action="issue"]').click();
    const dialog = page.getByRole('dialog');
    await page.locator('#issue-number').fill('发交〔2026〕1号');
    // Last year's count was 0: the explanation is asked for at once.
    await page.locator('#issue-explanation').fill('落实全省冬季道路交通安全专项整治部署，确需单独发文。');
    await e.shot(page, 'doc-02-issue-dialog');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('doc-status').innerText()).toBe('已印发');
    expect(await page.getByTestId('doc-number').innerText()).toBe('发交〔2026〕1号');
    await e.shot(page, 'doc-03-issued');
    await page.context().close();
  });

  it('3. any text can be checked without saving', async () => {
    const page = await e.signIn(people.staff);
    await page.goto(`${e.base}/documents?tab=check`);
    await page.getByTestId('check-text').fill('要高度重视，狠抓落实，常抓不懈。');
    await page.getByTestId('check-run').click();
    await expect.poll(() => page.locator('[data-testid="doc-marked"] mark.doc-phrase').count()).toBe(3);
    expect(await page.getByTestId('doc-characters').innerText()).toBe('16 / 5,000');
    await e.shot(page, 'doc-04-check-tool');
    expect(e.problems).toEqual([]);
    await page.context().close();
  });
});
