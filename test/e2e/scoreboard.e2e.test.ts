import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseLeftovers, startE2E, type E2E } from './browser.ts';

/**
 * 比学赶超 and 问责 in the web app. Two townships of a county get tasks; one signs for them on
 * time, the other does not, and both let them run overdue. After the scoreboard is computed the
 * supervision office opens the ranking, drills from the second-placed township's rank to its
 * components and from 按期办结 to the very task behind it, and opens that task. Then a 问责 record
 * against that township goes 草稿 → 印发 in the supervisor's hands, its head submits the 申辩, and
 * the office closes it. A 通报 is drafted from data, edited, issued with its 文号, and its DOCX read
 * back (the title and a table in word/document.xml). Everything again at phone width.
 * Screenshots: test-results/e2e/score-*.png.
 */
let e: E2E;
const people = { supervisor: 'e2e.s.duchashi', headA: 'e2e.s.head.a', headB: 'e2e.s.head.b', staffA: 'e2e.s.staff.a' };
const LATE_TASK = '绿水镇河道清淤整治';
let lateTaskId = 0;
const MEETING = '绿水镇汛期工作部署会';
const DOCUMENT = '关于加强河道管理的通知';
let meetingId = 0;
let documentId = 0;
let townBId = 0;

beforeAll(async () => {
  e = await startE2E('2026-11-02T09:00:00+08:00'); // a Monday
  const county = await e.ctx.newUnit({ kind: 'region', level: 'county', name: '马上县' });
  const duchashi = await e.ctx.newUnit({ parent: county, name: '县委督查室' });
  const townA = await e.ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '青山镇' });
  const townB = await e.ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '绿水镇' });
  townBId = townB.id;
  const sup = await e.ctx.newPerson({ unit: duchashi, roles: ['supervisor'], login: people.supervisor, name: '赵督查' });
  const headA = await e.ctx.newPerson({ unit: townA, roles: ['unit_head'], login: people.headA, name: '青山镇钱镇长', rank: 'township' });
  await e.ctx.newPerson({ unit: townB, roles: ['unit_head'], login: people.headB, name: '绿水镇孙镇长', rank: 'township' });
  // A staff member of 青山镇 carries the first task: they are scored on it as a person.
  const staffA = await e.ctx.newPerson({ unit: townA, roles: ['staff'], login: people.staffA, name: '青山镇李干事' });
  // 青山镇 signs for its two tasks at once; 绿水镇 never signs for its one. All run past their deadlines.
  const a1 = await e.ctx.newTask({ leadUnit: townA, by: sup, title: '青山镇村道修复', deadline: { workdays: 3 }, responsibleId: staffA.id });
  const a2 = await e.ctx.newTask({ leadUnit: townA, by: sup, title: '青山镇垃圾清运', deadline: { workdays: 3 } });
  lateTaskId = (await e.ctx.newTask({ leadUnit: townB, by: sup, title: LATE_TASK, deadline: { workdays: 3 } })).id;
  const head = await e.ctx.login(headA);
  for (const t of [a1, a2]) {
    const res = await head.post(`/api/v1/tasks/${t.id}/sign`, { version: t.version });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  // 绿水镇 held a meeting that overrode a blocking rule, and issued a document over its length limit.
  const at = new Date('2026-11-05T09:00:00+08:00');
  meetingId = (
    await e.ctx.handle.db
      .insertInto('meeting')
      .values({ title: MEETING, kind: 'topic', scope: 'internal', organizerUnitId: townB.id, regionId: townB.id, year: 2026, startsAt: at, endsAt: new Date(at.getTime() + 3 * 3600_000), headcount: 40, status: 'held', findings: JSON.stringify([{ rule: 'total_length', severity: 'block', message: '会议时长超过 90 分钟' }]), overrideReason: '汛期工作部署需要延长会议时间', plannedBy: sup.id, createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  documentId = (
    await e.ctx.handle.db
      .insertInto('document')
      .values({ title: DOCUMENT, unitId: townB.id, kind: 'document', status: 'issued', body: '正文', characters: 2, authorId: sup.id, year: 2026, verdict: 'over_limit', number: '绿政发〔2026〕9号', issuedAt: at, issuedBy: sup.id, createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  e.ctx.clock.set(new Date('2026-11-16T09:00:00+08:00'));
  const office = await e.ctx.login(sup);
  const res = await office.post('/api/v1/scoreboard/recompute', { periods: ['2026-11'] });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => {
  await e?.close();
});

/** Submits the open dialog; if the server refuses, fails with its words instead of a timeout. */
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const message = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').filter({ hasText: /\S/ });
  const outcome = await Promise.race([dialog.waitFor({ state: 'detached' }).then(() => 'closed'), message.first().waitFor().then(() => 'refused')]);
  if (outcome === 'refused' && (await message.count())) throw new Error(`the dialog refused: ${(await message.allInnerTexts()).join(' / ')}`);
};
const pickTreeNode = async (page: Page, selector: string, name: string) => {
  await page.locator(selector).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: name }).first().click();
};
const popconfirm = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
const noSidewaysScroll = async (page: Page, width: number) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
/** One file out of a zip (a .docx is one): the central directory names it, the local header leads to its bytes. */
function unzipEntry(zip: Buffer, name: string): Buffer | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return null;
  let at = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}
const rankRows = (page: Page) => page.getByTestId('sb-table').locator('tbody tr.ant-table-row');

describe('比学赶超 and 问责 through the web app', () => {
  it('1. the office drills from a rank to the components and from 按期办结 to the task behind it', async () => {
    const page = await e.signIn(people.supervisor);
    await page.getByRole('link', { name: '比学赶超' }).click();
    await page.waitForURL(/\/scoreboard$/);
    await expect.poll(() => rankRows(page).count(), { timeout: 10_000 }).toBe(2);
    // 青山镇 signed on time: first; 绿水镇 second. The red list names the first (two units are too few for a black list).
    expect(await rankRows(page).nth(0).innerText()).toContain('青山镇');
    expect(await rankRows(page).nth(1).innerText()).toContain('绿水镇');
    expect(await page.getByTestId('sb-red').innerText()).toContain('青山镇');
    expect(await page.getByTestId('sb-red').innerText()).not.toContain('绿水镇');
    // The component bars have names a screen reader can read.
    expect(await rankRows(page).nth(0).getByRole('listitem', { name: /签收/ }).count()).toBe(1);
    await e.shot(page, 'score-01-ranking');

    await rankRows(page).nth(1).getByRole('link', { name: '绿水镇' }).click();
    await page.waitForURL(/\/scoreboard\/units\/\d+\?period=2026-11/);
    expect(await page.getByTestId('su-unit').innerText()).toBe('绿水镇');
    await expect.poll(() => page.getByTestId('su-formula').innerText()).toMatch(/\d/);
    const components = page.getByTestId('su-components');
    // Every component says how it is computed, in words and numbers.
    expect(await components.innerText()).toContain('按期办结');
    expect(await components.innerText()).toMatch(/得分 = 100 × 0 ÷ 1/);
    expect(await page.getByRole('img', { name: /各项指标得分/ }).count()).toBe(1);
    await page.getByRole('button', { name: /查看依据：按期办结/ }).click();
    const records = page.getByTestId('su-records');
    await expect.poll(() => records.innerText(), { timeout: 10_000 }).toContain(LATE_TASK);
    expect(await records.getByRole('link', { name: '在督办台账中查看' }).getAttribute('href')).toMatch(/^\/tasks\?.*unitId=\d+/);
    await e.shot(page, 'score-02-drilldown');
    await records.getByRole('link', { name: LATE_TASK }).click();
    await page.waitForURL(new RegExp(`/tasks/${lateTaskId}$`));
    expect(await page.getByTestId('task-title').innerText()).toBe(LATE_TASK);
    // Back in the history is the drill-down, the component still open.
    await page.goBack();
    await expect.poll(() => page.getByTestId('su-records').innerText(), { timeout: 10_000 }).toContain(LATE_TASK);
    await page.context().close();
  });

  it('1c. the office drills into 会议精简合规 and 发文精简合规 to the meeting and the document behind them', async () => {
    const page = await e.signIn(people.supervisor);
    await page.getByRole('link', { name: '比学赶超' }).click();
    await expect.poll(() => rankRows(page).count(), { timeout: 10_000 }).toBe(2);
    await rankRows(page).nth(1).getByRole('link', { name: '绿水镇' }).click();
    await page.waitForURL(/\/scoreboard\/units\/\d+\?period=2026-11/);
    const components = page.getByTestId('su-components');
    await expect.poll(() => components.innerText(), { timeout: 10_000 }).toContain('会议精简合规');
    // The formula in words and numbers: one meeting, none within the rules; no meetings last year.
    expect(await components.innerText()).toMatch(/合规：期内召开会议 1 件，未触发需说明理由的规则 0 件/);
    await page.getByRole('button', { name: /查看依据：会议精简合规/ }).click();
    const records = page.getByTestId('su-records');
    await expect.poll(() => records.innerText(), { timeout: 10_000 }).toContain(MEETING);
    await records.getByRole('link', { name: MEETING }).click();
    await page.waitForURL(new RegExp(`/meetings/${meetingId}$`));
    await expect.poll(() => page.getByTestId('mtg-title').innerText(), { timeout: 10_000 }).toBe(MEETING);
    await page.goBack();
    await page.getByRole('button', { name: /查看依据：发文精简合规/ }).click();
    await expect.poll(() => page.getByTestId('su-records').innerText(), { timeout: 10_000 }).toContain(DOCUMENT);
    await e.shot(page, 'score-02b-documents');
    await page.getByTestId('su-records').getByRole('link', { name: DOCUMENT }).click();
    await page.waitForURL(new RegExp(`/documents/${documentId}$`));
    await expect.poll(() => page.getByTestId('doc-title').innerText(), { timeout: 10_000 }).toBe(DOCUMENT);
    await page.context().close();
  });

  it('1b. a task nominated as a model case from its page (推荐为典型), selected, found in the library', async () => {
    const page = await e.signIn(people.supervisor);
    await page.goto(`${e.base}/tasks/${lateTaskId}`);
    await page.getByTestId('nominate-case').click();
    expect(await page.locator('#case_title').inputValue()).toBe(LATE_TASK);
    await page.locator('#case_summary').fill('汛前集中清淤，群众参与，整治后河道畅通。');
    await page.locator('#case_body').fill('一、基本情况。二、主要做法。三、取得成效。');
    await confirm(page);
    await page.waitForURL(/\/cases\/\d+$/);
    expect(await page.getByTestId('case-status').innerText()).toBe('推荐');
    expect(await page.getByTestId('case-task').getAttribute('href')).toBe(`/tasks/${lateTaskId}`);
    await page.locator('[data-action="select"]').click();
    await expect.poll(() => page.getByTestId('case-status').innerText(), { timeout: 10_000 }).toBe('入选');
    await page.getByRole('link', { name: '典型案例' }).first().click();
    await page.waitForURL(/\/cases$/);
    await page.getByLabel('搜索标题、摘要、正文', { exact: true }).fill('清淤');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-list').innerText(), { timeout: 10_000 }).toContain(LATE_TASK);
    await e.shot(page, 'score-02b-cases');
    await page.context().close();
  });

  it('2. a 问责 record: drafted, edited and issued by the office, explained (申辩) by the township, closed', async () => {
    let page = await e.signIn(people.supervisor);
    await page.getByRole('link', { name: '问责记录' }).click();
    await page.waitForURL(/\/accountability$/);
    await page.getByTestId('acc-new').click();
    await page.locator('#acc_kind').waitFor();
    await page.locator('#acc_kind').click();
    await page.locator('.ant-select-item-option:visible', { hasText: '约谈' }).first().click();
    await pickTreeNode(page, '#acc_targetUnitId', '绿水镇');
    await page.locator('#acc_title').fill('关于绿水镇督办事项逾期的约谈');
    await page.locator('#acc_reason').fill('河道清淤整治逾期未签收、未办结。');
    await page.locator('#acc_taskIds').fill(String(lateTaskId));
    await confirm(page);
    await page.waitForURL(/\/accountability\/\d+$/);
    const recordUrl = page.url();
    expect(await page.getByTestId('acc-status').innerText()).toBe('草稿');
    expect(await page.getByTestId('acc-evidence').getByRole('link').first().getAttribute('href')).toBe(`/tasks/${lateTaskId}`);

    // Edit the draft: the reason gains a sentence.
    await page.locator('[data-action="edit"]').click();
    await page.locator('#acc_reason').fill('河道清淤整治逾期未签收、未办结，汛期前须完成。');
    await confirm(page);
    await expect.poll(() => page.getByTestId('acc-reason').innerText()).toContain('汛期前须完成');
    await e.shot(page, 'score-03-record-draft');

    await page.locator('[data-action="issue"]').click();
    await popconfirm(page);
    await expect.poll(() => page.getByTestId('acc-status').innerText(), { timeout: 10_000 }).toBe('印发');
    expect(await page.locator('[data-action="edit"]').count()).toBe(0);
    await page.context().close();

    // The township's head: the record is on the list; the 申辩 form takes the explanation once.
    page = await e.signIn(people.headB);
    await page.goto(`${e.base}/accountability`);
    const listed = await Promise.race([page.getByTestId('acc-table').getByText('关于绿水镇督办事项逾期的约谈').waitFor().then(() => 'listed'), page.locator('[role=alert]').waitFor().then(() => 'alert')]);
    if (listed !== 'listed') throw new Error(`the list failed: ${await page.locator('body').innerText()}`);
    await page.goto(recordUrl);
    await page.getByLabel('情况说明', { exact: true }).fill('汛期已过，清淤于11月10日完成，已补签收。');
    await e.shot(page, 'score-04-explain');
    await page.locator('[data-action="explain"]').click();
    await expect.poll(() => page.getByTestId('acc-status').innerText(), { timeout: 10_000 }).toBe('已说明');
    expect(await page.getByTestId('acc-explanation').innerText()).toContain('清淤于11月10日完成');
    expect(await page.locator('[data-action="explain"]').count()).toBe(0);
    await page.context().close();

    page = await e.signIn(people.supervisor);
    await page.goto(recordUrl);
    await page.locator('[data-action="close"]').click();
    await page.locator('#accClose_conclusion').fill('说明属实，予以结案。');
    await confirm(page);
    await expect.poll(() => page.getByTestId('acc-status').innerText(), { timeout: 10_000 }).toBe('结案');
    expect(await page.getByTestId('acc-conclusion').innerText()).toContain('予以结案');
    await e.shot(page, 'score-05-record-closed');
    await page.context().close();
  });

  it('3. a 通报 drafted from data, edited and issued with its 文号; its DOCX has the title and a table', async () => {
    const page = await e.signIn(people.supervisor);
    await page.getByRole('link', { name: '报告通报' }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByTestId('rep-new').click();
    await page.locator('#rep_kind').waitFor();
    // 通报 is the kind offered first; the period is this month.
    await confirm(page);
    await page.waitForURL(/\/reports\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.getByTestId('rep-status').innerText()).toBe('草稿');
    await expect.poll(() => page.getByTestId('rep-sections').innerText(), { timeout: 10_000 }).toMatch(/\S/);
    await e.shot(page, 'score-06-notice-draft');

    const TITLE = '关于十一月份督办事项落实情况的通报';
    await page.locator('[data-action="edit"]').click();
    await page.locator('#rep_edit_title').fill(TITLE);
    const first = page.locator('[data-section-input]').first();
    await first.fill('经督查，绿水镇河道清淤整治逾期未签收，予以通报。');
    await page.locator('[data-action="save"]').click();
    await expect.poll(() => page.getByTestId('rep-title').innerText(), { timeout: 10_000 }).toBe(TITLE);
    expect(await page.getByTestId('rep-sections').innerText()).toContain('予以通报');

    await page.locator('[data-action="issue"]').click();
    await popconfirm(page);
    await expect.poll(() => page.getByTestId('rep-status').innerText(), { timeout: 15_000 }).toBe('已印发');
    expect(await page.getByTestId('rep-number').innerText()).toMatch(/2026/);
    expect(await page.locator('[data-action="edit"]').count()).toBe(0);
    expect(await page.getByTestId('rep-docx').getAttribute('href')).toBe(`/api/v1/reports/${id}.docx`);
    await e.shot(page, 'score-07-notice-issued');

    const res = await page.request.get(`${e.base}/api/v1/reports/${id}.docx`);
    expect(res.status()).toBe(200);
    const xml = unzipEntry(await res.body(), 'word/document.xml')?.toString('utf8') ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(TITLE);
    expect(xml).toContain('<w:tbl>');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('予以通报');
    const xlsx = await page.request.get(`${e.base}/api/v1/reports/${id}.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await page.context().close();
  });

  it('1d. a staff member opens 比学赶超 from the menu and sees their own score, not an error nor the units\' ranking', async () => {
    for (const size of [{}, { width: 390, height: 844 }]) {
      const page = await e.signIn(people.staffA, size);
      if (size.width) await page.getByTestId('menu-button').click();
      await page.getByRole('link', { name: '比学赶超' }).click();
      await page.waitForURL(/\/scoreboard$/);
      await page.getByTestId('sb-my').waitFor();
      expect(await page.getByRole('heading', { level: 4 }).innerText()).toContain('我的得分');
      expect(await page.getByTestId('sb-my').innerText()).toContain('青山镇');
      expect(await page.getByTestId('sb-my-score').innerText()).toMatch(/^\d+\.\d$/);
      expect(await page.getByTestId('sb-my').innerText()).toContain('按期办结');
      // Nothing meant for those who oversee units: no ranking, no 红榜, no refusal.
      expect(await page.getByTestId('sb-table').count()).toBe(0);
      expect(await page.getByTestId('sb-red').count()).toBe(0);
      expect(await page.locator('.ant-alert-error, .ant-result-error').count()).toBe(0);
      if (size.width) await noSidewaysScroll(page, 390);
      await e.shot(page, size.width ? 'score-09-staff-phone' : 'score-09-staff');
      await page.context().close();
    }
  });

  it('4. named controls, reachable by keyboard, and usable at phone width (390 px)', async () => {
    const page = await e.signIn(people.supervisor, { width: 390, height: 844 });
    await page.goto(`${e.base}/scoreboard?period=2026-11`);
    await expect.poll(() => rankRows(page).count(), { timeout: 10_000 }).toBe(2);
    await noSidewaysScroll(page, 390);
    expect(await page.getByRole('combobox', { name: '周期' }).count()).toBe(1);
    expect(await page.getByRole('radiogroup', { name: '周期类型' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: '县直部门' }).count()).toBe(1);
    // The first unit link is reached with Tab and opens the drill-down with Enter.
    await page.getByRole('combobox', { name: '周期' }).focus();
    const link = page.getByRole('link', { name: '青山镇' }).first();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((a) => a === document.activeElement);
    }
    expect(reached).toBe(true);
    await e.shot(page, 'score-06-phone-ranking');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/scoreboard\/units\/\d+/);
    await page.getByTestId('su-components').waitFor();
    await noSidewaysScroll(page, 390);
    await e.shot(page, 'score-07-phone-drilldown');
    await page.goto(`${e.base}/accountability`);
    await page.getByTestId('acc-table').waitFor();
    await noSidewaysScroll(page, 390);
    for (const name of ['对象单位', '类别', '状态', '搜索标题、事由']) expect(await page.getByLabel(name, { exact: true }).count(), name).toBeGreaterThanOrEqual(1);
    await page.context().close();

    // 我的总结 opens (made the first time) with its form, at phone width too.
    const head = await e.signIn(people.headA, { width: 390, height: 844 });
    await head.goto(`${e.base}/summary`);
    await head.getByTestId('sum-text').waitFor();
    expect(await head.getByLabel('总结内容', { exact: true }).count()).toBe(1);
    await noSidewaysScroll(head, 390);
    await e.shot(head, 'score-09-phone-summary');
    await head.context().close();
    expect(e.problems).toEqual([]);
  });

  it('5. in English the pages name everything in English: no Chinese or full-width colon outside user data', async () => {
    const leftovers: string[] = [];
    const scan = async (page: Page, where: string, ready: string) => {
      await page.goto(`${e.base}${where}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle').catch(() => {});
      for (const l of await chineseLeftovers(page)) leftovers.push(`${where} ${l}`);
    };
    const page = await e.signIn(people.supervisor);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '中文' }).waitFor();
    await scan(page, `/tasks/${lateTaskId}`, '[data-testid="task-title"]');
    await page.getByTestId('nominate-case').click();
    await page.getByRole('dialog').waitFor();
    for (const l of await chineseLeftovers(page)) leftovers.push(`NominateCase ${l}`);
    await page.keyboard.press('Escape');
    await scan(page, '/accountability', '[data-testid="acc-table"]');
    await scan(page, `/scoreboard/units/${townBId}?period=2026-11`, '[data-testid="su-components"]');
    await scan(page, `/meetings/${meetingId}`, '[data-testid="mtg-title"]');
    await scan(page, `/documents/${documentId}`, '[data-testid="doc-title"]');
    await scan(page, '/field-work', '#fw-person');
    await e.shot(page, 'score-10-english-fieldwork');
    await page.context().close();
    const head = await e.signIn(people.headA);
    await head.getByRole('button', { name: 'English' }).click();
    await head.getByRole('button', { name: '中文' }).waitFor();
    await scan(head, '/summary', '[data-testid="sum-text"]');
    await head.context().close();
    expect(leftovers).toEqual([]);
  });
});
