import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { DEFAULT_PHRASES } from './phrases.ts';

let ctx: TestContext;
let county: Unit;
let dept: Unit;
let other: Unit;
let staff: Client;
let head: Client;
let admin: Client;

const docx = (paragraphs: string[]) => Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }));

const GOOD = '县交通运输局于2026年12月20日前完成国道G320沿线3.5公里路段的安全隐患排查，建立问题台账，逐项整改销号。\n县应急管理局负责督导，每周五报送进展。';
const FORMULAIC = '各乡镇、各部门要高度重视，统一思想，提高认识，切实加强组织领导，进一步加强协调配合，形成工作合力，狠抓落实，常抓不懈，确保取得明显成效。';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '文县' });
  dept = await ctx.newUnit({ parent: county, name: '文县交通局' });
  other = await ctx.newUnit({ parent: county, name: '文县水务局' });
  staff = await ctx.as(['staff'], dept);
  head = await ctx.as(['unit_head'], dept);
  admin = await ctx.as(['admin'], county);
});
afterAll(() => ctx.close());

async function draft(by: Client, body = GOOD, extra: Record<string, unknown> = {}) {
  const res = await by.post('/api/v1/documents', { title: '关于开展国道沿线安全隐患排查的通知', unitId: dept.id, kind: 'document', body, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number; status: string }>();
}
async function checked(by: Client, body = GOOD, extra: Record<string, unknown> = {}) {
  const d = await draft(by, body, extra);
  const res = await by.post(`/api/v1/documents/${d.id}/check`, { version: d.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: number; version: number; status: string; check: { verdict: string } }>();
}

describe('POST /api/v1/documents/check (the contract)', () => {
  it('answers characters, limit, overLimit, phrases with offsets, density, opening share, verdict and reasons', async () => {
    const text = `${FORMULAIC}\n${GOOD}`;
    const res = await staff.post('/api/v1/documents/check', { kind: 'document', text });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['characters', 'limit', 'overLimit', 'phrases', 'phrasesPer1000', 'preambleRatio', 'verdict', 'reasons']));
    expect(r.limit).toBe(5000);
    expect(r.overLimit).toBe(false);
    expect(r.phrases.length).toBeGreaterThanOrEqual(8);
    for (const h of r.phrases) expect(text.slice(h.start, h.end)).toBe(h.phrase);
    expect(r.phrasesPer1000).toBeGreaterThan(4);
    expect(r.preamble).toEqual({ start: 0, end: FORMULAIC.length + 1 });
    expect(r.preambleRatio).toBeGreaterThan(0.3);
    expect(r.verdict).toBe('revise');
    expect(r.reasons.map((x: { rule: string }) => x.rule)).toContain('phrases');
  });

  it('takes each kind’s limit from the region’s policy, overrides included', async () => {
    const text = '字'.repeat(600);
    const brief = (await staff.post('/api/v1/documents/check', { kind: 'brief', text })).json();
    expect(brief).toMatchObject({ characters: 600, limit: 500, overLimit: true, verdict: 'over_limit' });
    expect(brief.reasons[0].message).toContain('500');
    const limits = { document: 5000, single_topic: 4000, report: 3000, speech_major: 8000, speech: 5000 };
    for (const [kind, limit] of Object.entries(limits)) expect((await staff.post('/api/v1/documents/check', { kind, text })).json().limit, kind).toBe(limit);
    expect((await admin.put(`/api/v1/policy/overrides/${county.id}`, { documents: { maxChars: { brief: 800 } } })).statusCode).toBe(200);
    try {
      expect((await staff.post('/api/v1/documents/check', { kind: 'brief', text })).json()).toMatchObject({ limit: 800, overLimit: false });
    } finally {
      await admin.put(`/api/v1/policy/overrides/${county.id}`, {});
    }
  });

  it('refuses a text over 200,000 characters with 413, a bad kind with 400, and anonymous callers with 401', async () => {
    const big = await staff.post('/api/v1/documents/check', { kind: 'document', text: 'a'.repeat(200_001) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await staff.post('/api/v1/documents/check', { kind: 'memo', text: 'x' })).statusCode).toBe(400);
    expect((await staff.post('/api/v1/documents/check', { kind: 'brief', text: 'a\u0000b' })).statusCode).toBe(400);
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/documents/check', payload: { kind: 'brief', text: 'x' } })).statusCode).toBe(401);
    expect((await staff.post('/api/v1/documents/check', { kind: 'brief', text: '' })).json()).toMatchObject({ characters: 0, verdict: 'pass' });
  });
});

describe('the registry: draft → checked → issued', () => {
  it('drafts, checks (stored with the document), and returns to draft when the body changes', async () => {
    const d = await draft(staff);
    expect(d.status).toBe('draft');
    const c = await staff.post(`/api/v1/documents/${d.id}/check`, { version: d.version });
    expect(c.statusCode, c.body).toBe(200);
    const doc = c.json();
    expect(doc).toMatchObject({ status: 'checked', verdict: 'pass', check: { verdict: 'pass', limit: 5000 }, allowedActions: ['edit', 'check'] });
    expect((await staff.get(`/api/v1/documents/${d.id}`)).json().check.characters).toBe(doc.characters);
    // A title change keeps the check; a body change drops it.
    const t = (await staff.patch(`/api/v1/documents/${d.id}`, { version: doc.version, title: '新标题' })).json();
    expect(t).toMatchObject({ title: '新标题', status: 'checked' });
    const e = (await staff.patch(`/api/v1/documents/${d.id}`, { version: t.version, body: `${GOOD}\n补充一段。` })).json();
    expect(e).toMatchObject({ status: 'draft', check: null, verdict: null });
    // A stale version is refused.
    expect((await staff.patch(`/api/v1/documents/${d.id}`, { version: t.version, title: 'x' })).json().error.code).toBe('STALE_VERSION');
  });

  it('lets staff draft only for their own unit', async () => {
    expect((await staff.post('/api/v1/documents', { title: 't', unitId: other.id, kind: 'brief', body: 'x' })).statusCode).toBe(403);
    expect((await staff.post('/api/v1/documents', { title: 't', unitId: 99_999_999, kind: 'brief' })).statusCode).toBe(400);
  });

  it('issues a checked document with a 文号; the unit head issues, staff may not', async () => {
    const d = await checked(staff);
    expect((await staff.post(`/api/v1/documents/${d.id}/issue`, { version: d.version, number: '文交发〔2026〕1号', explanation: 'x' })).statusCode).toBe(403);
    // This unit issued none last year: the first one this year already needs an explanation.
    const refused = await head.post(`/api/v1/documents/${d.id}/issue`, { version: d.version, number: '文交发〔2026〕1号' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DOCUMENT_QUOTA_EXPLANATION_REQUIRED', details: { issuedThisYear: 0, issuedLastYear: 0, allowed: 0, explanationRequired: true } });
    const ok = await head.post(`/api/v1/documents/${d.id}/issue`, { version: d.version, number: '文交发[2026]1号', explanation: '落实省厅专项整治部署，确需单独发文。' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'issued', number: '文交发〔2026〕1号', explanation: '落实省厅专项整治部署，确需单独发文。', allowedActions: [] });
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['action', 'after']).where('action', '=', 'document.issue').where('objectId', '=', String(d.id)).executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ number: '文交发〔2026〕1号', explanation: '落实省厅专项整治部署，确需单独发文。' });
    // Issued: no more changes.
    expect((await staff.patch(`/api/v1/documents/${d.id}`, { version: ok.json().version, title: 'x' })).statusCode).toBe(409);
    expect((await head.post(`/api/v1/documents/${d.id}/issue`, { version: ok.json().version, number: '文交发〔2026〕2号', explanation: 'x' })).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a duplicate 文号 of the same unit and year with 409, a malformed one or another year with 400', async () => {
    const a = await checked(staff);
    await head.post(`/api/v1/documents/${a.id}/issue`, { version: a.version, number: '文交发〔2026〕7号', explanation: '确需' });
    const b = await checked(staff);
    const dup = await head.post(`/api/v1/documents/${b.id}/issue`, { version: b.version, number: '文交发〔2026〕7号', explanation: '确需' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    expect((await head.post(`/api/v1/documents/${b.id}/issue`, { version: b.version, number: '七号', explanation: '确需' })).statusCode).toBe(400);
    expect((await head.post(`/api/v1/documents/${b.id}/issue`, { version: b.version, number: '文交发〔2025〕8号', explanation: '确需' })).statusCode).toBe(400);
  });

  it('refuses to issue a draft (409 DOCUMENT_NOT_CHECKED) and a document over its limit (409 DOCUMENT_OVER_LIMIT)', async () => {
    const d = await draft(staff);
    expect((await head.post(`/api/v1/documents/${d.id}/issue`, { version: d.version, number: '文交发〔2026〕30号', explanation: '确需' })).json().error.code).toBe('DOCUMENT_NOT_CHECKED');
    const long = await checked(staff, '字'.repeat(600), { kind: 'brief' });
    expect(long.check.verdict).toBe('over_limit');
    const res = await head.post(`/api/v1/documents/${long.id}/issue`, { version: long.version, number: '文交发〔2026〕31号', explanation: '确需' });
    expect(res.json().error).toMatchObject({ code: 'DOCUMENT_OVER_LIMIT', details: { characters: 600, limit: 500 } });
  });

  it('allows last year’s count less the reduction without an explanation, and asks for one past it', async () => {
    const unit = await ctx.newUnit({ parent: county, name: '文县统计局' });
    const h = await ctx.as(['unit_head'], unit);
    const author = (await ctx.newPerson({ unit })).id;
    // Three issued last year.
    for (let i = 1; i <= 3; i++) {
      await ctx.handle.db
        .insertInto('document')
        .values({ title: `上年 ${i}`, unitId: unit.id, kind: 'brief', status: 'issued', body: '上年', characters: 2, authorId: author, year: 2025, number: `〔2025〕${i}号`, createdAt: new Date(), updatedAt: new Date() })
        .execute();
    }
    await admin.put(`/api/v1/policy/overrides/${county.id}`, { documents: { yearlyReductionPercent: 34 } });
    try {
      // 3 less 34 % → 1 allowed.
      const mk = async () => {
        const d = (await h.post('/api/v1/documents', { title: '统计简报', unitId: unit.id, kind: 'brief', body: '县统计局12月发布数据。' })).json();
        return (await h.post(`/api/v1/documents/${d.id}/check`, { version: d.version })).json();
      };
      const first = await mk();
      expect(first.quota).toMatchObject({ issuedLastYear: 3, allowed: 1, explanationRequired: false });
      expect((await h.post(`/api/v1/documents/${first.id}/issue`, { version: first.version, number: '文统〔2026〕1号' })).statusCode).toBe(200);
      const second = await mk();
      const refused = await h.post(`/api/v1/documents/${second.id}/issue`, { version: second.version, number: '文统〔2026〕2号' });
      expect(refused.json().error).toMatchObject({ code: 'DOCUMENT_QUOTA_EXPLANATION_REQUIRED', details: { issuedThisYear: 1, issuedLastYear: 3, reductionPercent: 34, allowed: 1 } });
      expect(refused.json().error.message).toContain('34%');
    } finally {
      await admin.put(`/api/v1/policy/overrides/${county.id}`, {});
    }
  });
});

describe('.docx upload', () => {
  it('reads the body of a .docx with mammoth and returns the document to draft', async () => {
    const d = await checked(staff);
    const bytes = await docx(['关于做好冬季安全生产工作的通知', '县应急管理局于12月20日前完成排查。']);
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/documents/${d.id}/docx?version=${d.version}`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('通知.docx') }, payload: bytes });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ body: '关于做好冬季安全生产工作的通知\n县应急管理局于12月20日前完成排查。', bodySource: 'docx', fileName: '通知.docx', status: 'draft' });
  });

  it('refuses what is not a .docx by its bytes (415), an unreadable one (400), and a stale version (409)', async () => {
    const d = await draft(staff);
    const send = (payload: Buffer, version = d.version) =>
      ctx.inject({ method: 'POST', url: `/api/v1/documents/${d.id}/docx?version=${version}`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': 'a.docx' }, payload });
    expect((await send(Buffer.from('%PDF-1.7 not a word file'))).statusCode).toBe(415);
    expect((await send(Buffer.from('纯文本改名为 docx'))).statusCode).toBe(415);
    expect((await send(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).statusCode).toBe(415);
    // A zip that names word/ but is no document.
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml garbage')]);
    const bad = await send(fake);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('DOCUMENT_UNREADABLE');
    expect((await send(await docx(['x']), d.version + 5)).statusCode).toBe(409);
    const json = await ctx.inject({ method: 'POST', url: `/api/v1/documents/${d.id}/docx?version=1`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, 'content-type': 'application/json', 'x-file-name': 'a.docx' }, payload: '{}' });
    expect(json.statusCode).toBe(415);
    const outsider = await ctx.as(['staff'], other);
    expect((await ctx.inject({ method: 'POST', url: `/api/v1/documents/${d.id}/docx?version=1`, headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': 'a.docx' }, payload: await docx(['x']) })).statusCode).toBe(403);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const d = await draft(staff);
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/documents/${d.id}/docx?version=${d.version}`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': 'a.docx' }, payload: Buffer.alloc(10 * 1024 * 1024 + 1) });
    expect(res.statusCode).toBe(413);
  });
});

describe('repetition against issued documents of the region', () => {
  it('names the issued document whose paragraph a text repeats', async () => {
    const para = '冬季是安全生产事故易发多发期，各单位要严格落实安全生产责任制，开展隐患排查治理，对排查出的问题建立台账、限期整改，确保不发生较大以上安全事故。';
    const d = await checked(staff, `各单位：\n${para}\n县应急管理局负责督导。`, { title: '冬季安全生产通知' });
    const issued = (await head.post(`/api/v1/documents/${d.id}/issue`, { version: d.version, number: '文交发〔2026〕50号', explanation: '确需' })).json();
    const r = (await (await ctx.as(['staff'], other)).post('/api/v1/documents/check', { kind: 'document', text: `县水务局12月通知：\n${para}` })).json();
    expect(r.repeats).toEqual([expect.objectContaining({ paragraph: 1, documentId: issued.id, documentTitle: '冬季安全生产通知', documentNumber: '文交发〔2026〕50号', similarity: 1 })]);
    expect(r.verdict).toBe('revise');
    expect(r.reasons.find((x: { rule: string }) => x.rule === 'repeat').message).toContain('《冬季安全生产通知》');
  });
});

describe('lists and statistics', () => {
  it('pages and filters the list', async () => {
    const mine = await draft(staff, GOOD, { title: '列表专用标题甲' });
    const q = (await staff.get(`/api/v1/documents?q=${encodeURIComponent('列表专用')}`)).json();
    expect(q.items.map((i: { id: number }) => i.id)).toEqual([mine.id]);
    expect((await staff.get(`/api/v1/documents?status=draft&kind=document&year=2026&unitId=${dept.id}&limit=1`)).json().nextCursor).not.toBeNull();
    const all: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (await staff.get(`/api/v1/documents?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(mine.id);
  });

  it('counts issued documents per unit and kind this year vs last, with averages and the share over the limit', async () => {
    const s = (await admin.get(`/api/v1/documents/stats?unitId=${county.id}`)).json();
    expect(s.year).toBe(2026);
    expect(s.totals.issuedThisYear).toBeGreaterThanOrEqual(3);
    expect(s.totals.issuedLastYear).toBe(3);
    expect(s.totals.overLimit).toBeGreaterThanOrEqual(1);
    expect(s.totals.overLimitShare).toBeGreaterThan(0);
    expect(s.totals.avgCharacters).toBeGreaterThan(0);
    expect(s.units.find((u: { unitName: string }) => u.unitName === '文县统计局')).toMatchObject({ issuedThisYear: 1, issuedLastYear: 3 });
    expect(s.kinds.find((k: { kind: string }) => k.kind === 'brief')).toBeTruthy();
    // Staff see only their unit's.
    const mine = (await staff.get('/api/v1/documents/stats')).json();
    expect(mine.units.every((u: { unitId: number }) => u.unitId === dept.id)).toBe(true);
  });
});

describe('the phrase list (admins)', () => {
  it('serves the shipped list until one is stored, validates, de-duplicates, applies at once and audits', async () => {
    expect((await staff.get('/api/v1/documents/phrases')).statusCode).toBe(403);
    const d = (await admin.get('/api/v1/documents/phrases')).json();
    expect(d).toMatchObject({ isDefault: true, version: 0 });
    expect(d.phrases).toEqual([...DEFAULT_PHRASES]);
    expect((await admin.put('/api/v1/documents/phrases', { phrases: [] })).statusCode).toBe(400);
    expect((await admin.put('/api/v1/documents/phrases', { phrases: ['好', ' '] })).json().error.details).toEqual({ field: 'phrases.1' });
    expect((await admin.put('/api/v1/documents/phrases', { phrases: ['字'.repeat(31)] })).statusCode).toBe(400);
    const saved = await admin.put('/api/v1/documents/phrases', { phrases: ['稳中求进', '稳中求进', '高度重视'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ phrases: ['稳中求进', '高度重视'], isDefault: false, version: 1 });
    const r = (await staff.post('/api/v1/documents/check', { kind: 'brief', text: '坚持稳中求进，狠抓落实。' })).json();
    expect(r.phrases).toEqual([{ phrase: '稳中求进', start: 2, end: 6 }]);
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['after']).where('action', '=', 'document.phrases').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ count: 2, added: ['稳中求进'] });
    await admin.put('/api/v1/documents/phrases', { phrases: [...DEFAULT_PHRASES] });
  });
});
