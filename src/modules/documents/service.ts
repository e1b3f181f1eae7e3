import mammoth from 'mammoth';
import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, notFound, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { acceptUpload } from '../../platform/files/upload.ts';
import type { UploadRule } from '../../platform/files/upload.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import { DOCUMENT_ERRORS } from './errors.ts';
import { DEFAULT_PHRASES } from './phrases.ts';
import { allowedActions, canDraftFor, canEdit, canIssue, canSeeDocument, documentSight, type DocumentFacts } from './policy.ts';
import { checkText, countChars, limitFor, needsExplanation, normalizePhraseList, parseDocNumber, PhraseMatcher, yearlyAllowance, type CheckResult, type DocumentKind, type DocumentStatus } from './rules.ts';
import type { DocumentStore, DocumentWithNames } from './store.ts';
import { documentFactRecords, documentFacts, type FactsRange as DocumentFactsRange } from './facts-store.ts';

export type { DocumentWithNames } from './store.ts';

/** The longest text the check and the registry take (UTF-16 code units): 40 long documents' worth. */
export const TEXT_MAX = 200_000;
/** A .docx to read a body from: Word files only (judged by content), at most 10 MB. */
export const DOCX_RULE: UploadRule = { kinds: ['word'], maxBytes: 10 * 1024 * 1024 };

export interface DocumentInput {
  title: string;
  unitId: number;
  kind: DocumentKind;
  body?: string | undefined;
}

export interface DocumentPatch {
  title?: string | undefined;
  kind?: DocumentKind | undefined;
  body?: string | undefined;
}

export interface DocumentListFilter {
  unitId?: number | undefined;
  kind?: DocumentKind | undefined;
  status?: DocumentStatus | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

/** Where a unit stands against its yearly count (发文数量只减不增). */
export interface Quota {
  year: number;
  issuedThisYear: number;
  issuedLastYear: number;
  reductionPercent: number;
  allowed: number;
  /** Issuing one more now needs a written explanation. */
  explanationRequired: boolean;
}

const facts = (d: DocumentWithNames): DocumentFacts => ({ unitPath: d.unitPath, authorId: d.authorId, status: d.status });

function tooLong(text: string): AppError {
  return new AppError(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, `正文过长：最多 ${TEXT_MAX.toLocaleString('en-US')} 个字符 (the text is longer than ${TEXT_MAX} characters).`, { max: TEXT_MAX, length: text.length });
}

/**
 * 发文: the documents registry (草稿 → 已体检 → 已印发), the writing-style check (文风体检) of a
 * document or of any text, the yearly count, statistics and the admins' phrase list. One
 * transaction per write, with its audit entry.
 */
export class DocumentService {
  /** The compiled list and the stored version it came from (0: the shipped list). */
  private compiled: { version: number; matcher: PhraseMatcher } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly org: OrgService,
    private readonly store: DocumentStore,
  ) {}

  private year(now = this.clock.now()): number {
    return Number(shanghaiDate(now).slice(0, 4));
  }

  /**
   * For the scoreboard (比学赶超): per issuing unit, the documents issued in the span, those whose
   * check passed, and the count of the same days a year earlier. One grouped query.
   */
  unitFacts(range: DocumentFactsRange, db: Executor = this.db) {
    return documentFacts(db, range);
  }

  /** The documents of one unit behind those facts: a page by id. */
  unitFactDocuments(range: DocumentFactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }, db: Executor = this.db) {
    return documentFactRecords(db, range, unitId, page);
  }

  /** The matcher of the list in force: rebuilt only when the stored list's version changed (one small read per check). */
  async matcher(db: Executor = this.db): Promise<PhraseMatcher> {
    const version = await this.store.phraseListVersion(db);
    if (this.compiled?.version === version) return this.compiled.matcher;
    const row = version === 0 ? undefined : await this.store.phraseList(db);
    const matcher = new PhraseMatcher(row ? row.phrases : DEFAULT_PHRASES);
    this.compiled = { version, matcher };
    return matcher;
  }

  private async runCheck(kind: DocumentKind, text: string, unitPath: string, db: Executor, excludeId?: number): Promise<CheckResult> {
    if (text.length > TEXT_MAX) throw tooLong(text);
    const policy = await this.policy.forUnitPath(unitPath, db);
    const region = await this.store.regionPathOf(db, unitPath);
    const corpus = await this.store.corpus(db, region, this.year() - 1, excludeId);
    return checkText(kind, text, limitFor(kind, policy), await this.matcher(db), corpus);
  }

  /** 文风体检 of any text, saving nothing: the limit of the actor's region, repeats against its issued documents. */
  check(actor: Actor, kind: DocumentKind, text: string): Promise<CheckResult> {
    return this.runCheck(kind, text, actor.unitPath, this.db);
  }

  /** A document the actor may see: 404 when missing, 403 when out of sight. */
  async get(actor: Actor, id: number, db: Executor = this.db): Promise<DocumentWithNames> {
    const d = await this.store.byId(db, id);
    if (!d) throw notFound(DOCUMENT_ERRORS.DOCUMENT_NOT_FOUND, id);
    if (!canSeeDocument(actor, facts(d))) throw forbidden('该文件不在您的可见范围内 (this document is outside what you may see).');
    return d;
  }

  /** The document with what the page needs: the actions the actor may take and the unit's yearly count. */
  async detail(actor: Actor, id: number) {
    const d = await this.get(actor, id);
    return { document: d, allowedActions: allowedActions(actor, facts(d)), quota: d.status === 'issued' ? null : await this.quota(d.unitId, d.unitPath, this.db) };
  }

  /** Where the unit stands against last year's count, this year. */
  async quota(unitId: number, unitPath: string, db: Executor): Promise<Quota> {
    const year = this.year();
    const policy = await this.policy.forUnitPath(unitPath, db);
    const [issuedThisYear, issuedLastYear] = await Promise.all([this.store.issuedCount(db, unitId, year), this.store.issuedCount(db, unitId, year - 1)]);
    const reductionPercent = policy.documents.yearlyReductionPercent;
    return {
      year,
      issuedThisYear,
      issuedLastYear,
      reductionPercent,
      allowed: yearlyAllowance(issuedLastYear, reductionPercent),
      explanationRequired: needsExplanation(issuedThisYear, issuedLastYear, reductionPercent),
    };
  }

  /** A page of the documents the actor may see, newest first. */
  async list(actor: Actor, f: DocumentListFilter, page: { afterId?: number | undefined; limit: number }) {
    const unitPath = f.unitId ? (await this.org.getUnit(actor, f.unitId)).path : undefined;
    return this.store.list(
      this.db,
      { sight: documentSight(actor), ...(unitPath ? { unitPath } : {}), ...(f.kind ? { kind: f.kind } : {}), ...(f.status ? { status: f.status } : {}), ...(f.year ? { year: f.year } : {}), ...(f.q ? { q: f.q } : {}) },
      { ...(page.afterId ? { afterId: page.afterId } : {}), limit: page.limit },
    );
  }

  /** 起草: a draft for a unit the actor may draft for. */
  async create(ctx: AuditContext, actor: Actor, input: DocumentInput): Promise<DocumentWithNames> {
    const body = input.body ?? '';
    if (body.length > TEXT_MAX) throw tooLong(body);
    return this.db.transaction().execute(async (trx) => {
      const [unit] = await this.org.unitsByIds([input.unitId], trx);
      if (!unit?.active) throw badRequest(`发文单位 ${input.unitId} 不存在或已撤销 (issuing unit not found).`, { field: 'unitId' });
      if (!canDraftFor(actor, unit.path)) throw forbidden('只能为本单位（或您负责的单位）起草文件 (you may draft only for your own unit, or units you head).');
      const id = await this.store.insert(trx, {
        title: input.title,
        unitId: unit.id,
        kind: input.kind,
        status: 'draft',
        body,
        characters: countChars(body),
        authorId: actor.personId,
        year: this.year(ctx.now),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await appendAudit(trx, ctx, { action: 'document.create', objectType: 'document', objectId: id, after: { title: input.title, unitId: unit.id, kind: input.kind, characters: countChars(body) } });
      return (await this.store.byId(trx, id))!;
    });
  }

  /** Loads the row locked for a write, checks that it is editable by the actor and at `version`. */
  private async editable(actor: Actor, id: number, version: number, trx: Executor): Promise<DocumentWithNames> {
    const d = await this.store.lockById(trx, id);
    if (!d) throw notFound(DOCUMENT_ERRORS.DOCUMENT_NOT_FOUND, id);
    if (!canSeeDocument(actor, facts(d))) throw forbidden('该文件不在您的可见范围内 (this document is outside what you may see).');
    if (d.status === 'issued') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, '文件已印发，不能再修改 (an issued document cannot be changed).', { status: d.status });
    if (!canEdit(actor, facts(d))) throw forbidden('只有本单位人员或单位负责人可以修改文件 (only the unit’s staff and heads may change it).');
    if (d.version !== version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, '文件已被他人修改，请刷新后重试 (the document changed since you read it).', { version: d.version });
    return d;
  }

  /** Changes a draft's title, kind or body; a changed body or kind returns a checked document to draft (its check no longer holds). */
  async update(ctx: AuditContext, actor: Actor, id: number, version: number, patch: DocumentPatch): Promise<DocumentWithNames> {
    if (patch.body !== undefined && patch.body.length > TEXT_MAX) throw tooLong(patch.body);
    return this.db.transaction().execute(async (trx) => {
      const d = await this.editable(actor, id, version, trx);
      const bodyChanged = patch.body !== undefined && patch.body !== d.body;
      const kindChanged = patch.kind !== undefined && patch.kind !== d.kind;
      await this.store.update(trx, id, version, {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(bodyChanged ? { body: patch.body!, bodySource: 'text', fileName: null, characters: countChars(patch.body!) } : {}),
        ...(bodyChanged || kindChanged ? { status: 'draft', verdict: null, findings: null, phrasesPer1000: null, checkedAt: null, checkedBy: null } : {}),
        updatedAt: ctx.now,
      });
      await appendAudit(trx, ctx, {
        action: 'document.update',
        objectType: 'document',
        objectId: id,
        before: { title: d.title, kind: d.kind, status: d.status, characters: d.characters },
        after: { ...(patch.title !== undefined ? { title: patch.title } : {}), ...(patch.kind !== undefined ? { kind: patch.kind } : {}), ...(bodyChanged ? { characters: countChars(patch.body!) } : {}), status: bodyChanged || kindChanged ? 'draft' : d.status },
      });
      return (await this.store.byId(trx, id))!;
    });
  }

  /**
   * Replaces the body with the text of a .docx (read with mammoth): Word files only, judged by
   * their bytes (415 otherwise), at most DOCX_RULE.maxBytes (413). The document returns to draft.
   */
  async uploadDocx(ctx: AuditContext, actor: Actor, id: number, version: number, fileName: string, bytes: Buffer): Promise<DocumentWithNames> {
    // Who may is settled before the file is read.
    const before = await this.get(actor, id);
    if (!canEdit(actor, facts(before))) {
      if (before.status === 'issued') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, '文件已印发，不能再修改 (an issued document cannot be changed).', { status: before.status });
      throw forbidden('只有本单位人员或单位负责人可以修改文件 (only the unit’s staff and heads may change it).');
    }
    const file = acceptUpload(DOCX_RULE, fileName, bytes);
    const body = await readDocx(bytes);
    if (body.length > TEXT_MAX) throw tooLong(body);
    return this.db.transaction().execute(async (trx) => {
      await this.editable(actor, id, version, trx);
      await this.store.update(trx, id, version, { body, bodySource: 'docx', fileName: file.fileName, characters: countChars(body), status: 'draft', verdict: null, findings: null, phrasesPer1000: null, checkedAt: null, checkedBy: null, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'document.upload', objectType: 'document', objectId: id, after: { fileName: file.fileName, size: file.size, sha256: file.sha256, characters: countChars(body) } });
      return (await this.store.byId(trx, id))!;
    });
  }

  /** 文风体检 of a document: the result is stored with it and it becomes 已体检. */
  async checkDocument(ctx: AuditContext, actor: Actor, id: number, version: number): Promise<DocumentWithNames> {
    return this.db.transaction().execute(async (trx) => {
      const d = await this.editable(actor, id, version, trx);
      const result = await this.runCheck(d.kind, d.body, d.unitPath, trx, d.id);
      await this.store.update(trx, id, version, {
        status: 'checked',
        verdict: result.verdict,
        findings: JSON.stringify(result),
        phrasesPer1000: result.phrasesPer1000,
        characters: result.characters,
        checkedAt: ctx.now,
        checkedBy: actor.personId,
        updatedAt: ctx.now,
      });
      await appendAudit(trx, ctx, {
        action: 'document.check',
        objectType: 'document',
        objectId: id,
        after: { verdict: result.verdict, characters: result.characters, limit: result.limit, phrases: result.phrases.length, preambleRatio: result.preambleRatio, repeats: result.repeats.map((r) => r.documentId) },
      });
      return (await this.store.byId(trx, id))!;
    });
  }

  /**
   * 印发 with a 文号: only a checked document within its length limit; the 文号 unique for the unit
   * and year (409 DOCUMENT_NUMBER_TAKEN); past last year's count less the reduction, only with a
   * written explanation (409 DOCUMENT_QUOTA_EXPLANATION_REQUIRED with the counts), which is audited.
   */
  async issue(ctx: AuditContext, actor: Actor, id: number, input: { version: number; number: string; explanation?: string | undefined }): Promise<DocumentWithNames> {
    const parsed = parseDocNumber(input.number);
    if (!parsed) throw badRequest('文号格式应为“机关代字〔年份〕序号号”，如 示政办发〔2026〕12号 (a document number like 示政办发〔2026〕12号).', { field: 'number' });
    const year = this.year(ctx.now);
    if (parsed.year !== year) throw badRequest(`文号中的年份应为 ${year} (the year in the number must be the year of issue, ${year}).`, { field: 'number', year });
    return this.db.transaction().execute(async (trx) => {
      const d = await this.store.lockById(trx, id);
      if (!d) throw notFound(DOCUMENT_ERRORS.DOCUMENT_NOT_FOUND, id);
      if (!canSeeDocument(actor, facts(d))) throw forbidden('该文件不在您的可见范围内 (this document is outside what you may see).');
      if (!canIssue(actor, facts(d))) throw forbidden('只有发文单位负责人、本地区领导或管理员可以印发 (only the issuing unit’s head, a leader of its region or an admin may issue).');
      if (d.version !== input.version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, '文件已被他人修改，请刷新后重试 (the document changed since you read it).', { version: d.version });
      if (d.status === 'issued') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, '文件已印发 (already issued).', { status: d.status });
      if (d.status !== 'checked') throw conflict(DOCUMENT_ERRORS.DOCUMENT_NOT_CHECKED, '请先进行文风体检再印发 (check the current text before issuing it).', { status: d.status });
      if (d.verdict === 'over_limit') {
        const f = d.findings;
        throw conflict(DOCUMENT_ERRORS.DOCUMENT_OVER_LIMIT, `字数 ${f?.characters ?? d.characters} 超过 ${f?.limit ?? ''} 字的限额，须压减后再印发 (over the length limit: shorten it first).`, { characters: f?.characters ?? d.characters, limit: f?.limit ?? null });
      }
      // One issue at a time per unit: the count and the 文号 are decided under the unit's lock.
      await trx.selectFrom('unit').select('id').where('id', '=', d.unitId).forUpdate().execute();
      if (await this.store.numberTaken(trx, d.unitId, year, parsed.number)) {
        throw conflict(DOCUMENT_ERRORS.DOCUMENT_NUMBER_TAKEN, `文号 ${parsed.number} 在本单位 ${year} 年已使用 (this number is already used by the unit this year).`, { number: parsed.number, year });
      }
      const quota = await this.quota(d.unitId, d.unitPath, trx);
      const explanation = input.explanation?.trim() || null;
      if (quota.explanationRequired && !explanation) {
        throw conflict(
          DOCUMENT_ERRORS.DOCUMENT_QUOTA_EXPLANATION_REQUIRED,
          `${d.unitName} ${year} 年已印发 ${quota.issuedThisYear} 件，上年 ${quota.issuedLastYear} 件${quota.reductionPercent ? `，按压减 ${quota.reductionPercent}% 今年最多 ${quota.allowed} 件` : ''}；再印发须书面说明理由 (past last year’s count: a written explanation is needed).`,
          quota,
        );
      }
      await this.store.update(trx, id, input.version, { status: 'issued', number: parsed.number, year, issuedAt: ctx.now, issuedBy: actor.personId, explanation: quota.explanationRequired ? explanation : null, updatedAt: ctx.now });
      await appendAudit(trx, ctx, {
        action: 'document.issue',
        objectType: 'document',
        objectId: id,
        after: { number: parsed.number, year, unitId: d.unitId, issuedThisYear: quota.issuedThisYear + 1, issuedLastYear: quota.issuedLastYear, allowed: quota.allowed, ...(quota.explanationRequired ? { explanation } : {}) },
      });
      return (await this.store.byId(trx, id))!;
    });
  }

  /** Statistics of the documents the actor may see (optionally of one unit's subtree), this year against last. */
  async stats(actor: Actor, opts: { unitId?: number | undefined; year?: number | undefined }) {
    const year = opts.year ?? this.year();
    const unitPath = opts.unitId ? (await this.org.getUnit(actor, opts.unitId)).path : undefined;
    const rows = await this.store.stats(this.db, { sight: documentSight(actor), ...(unitPath ? { unitPath } : {}) }, year);
    return { year, rows };
  }

  /** The phrase list in force: the stored one, else the shipped one. */
  async phrases(): Promise<{ phrases: string[]; version: number; isDefault: boolean; updatedAt: Date | null }> {
    const row = await this.store.phraseList(this.db);
    return row ? { phrases: row.phrases, version: row.version, isDefault: false, updatedAt: row.updatedAt } : { phrases: [...DEFAULT_PHRASES], version: 0, isDefault: true, updatedAt: null };
  }

  /** Replaces the phrase list (admins): trimmed, de-duplicated, bounded; audited with the phrases added and removed. */
  async setPhrases(ctx: AuditContext, phrases: readonly string[]) {
    const n = normalizePhraseList(phrases);
    if (!n.ok) throw badRequest(n.message, n.index !== undefined ? { field: `phrases.${n.index}` } : { field: 'phrases' });
    await this.db.transaction().execute(async (trx) => {
      const before = (await this.store.phraseList(trx))?.phrases ?? [...DEFAULT_PHRASES];
      await this.store.savePhraseList(trx, n.phrases, ctx.actorId, ctx.now);
      await appendAudit(trx, ctx, {
        action: 'document.phrases',
        objectType: 'document_phrase_list',
        objectId: 1,
        before: { count: before.length },
        after: { count: n.phrases.length, added: n.phrases.filter((p) => !before.includes(p)), removed: before.filter((p) => !n.phrases.includes(p)) },
      });
    });
    return this.phrases();
  }
}

/** The text of a .docx, paragraphs on their own lines; 400 DOCUMENT_UNREADABLE when it cannot be read. */
export async function readDocx(bytes: Buffer): Promise<string> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw new AppError(DOCUMENT_ERRORS.DOCUMENT_UNREADABLE, '无法读取该 Word 文件，请另存为 .docx 后重试 (the .docx could not be read).');
  }
  // mammoth ends every paragraph with a blank line; one line break per paragraph is what the check reads.
  // eslint-disable-next-line no-control-regex -- control characters PostgreSQL or the page cannot take
  return raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\n{2,}/g, '\n').trim();
}
