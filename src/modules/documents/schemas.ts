import { z } from 'zod';
import { IdCursor, pageQuery } from '../../platform/http/paging.ts';
import { Id, QueryId, QueryInt, QueryText, Text } from '../../platform/http/zod.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, VERDICTS } from './rules.ts';
import type { CheckResult } from './rules.ts';
import type { DocumentWithNames, Quota } from './service.ts';

/**
 * A body of text as pasted: bounded by the route's body limit and TEXT_MAX (checked by the service
 * for a 413 with the numbers); control characters other than tab and line breaks are refused.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BodyText = z.string().refine((s) => !CONTROL.test(s), '含有控制字符 (contains control characters)');
const Version = z.number().int().min(1).max(2_147_483_647);

export const CheckBody = z.strictObject({ kind: z.enum(DOCUMENT_KINDS), text: BodyText });

export const DocumentCreateBody = z.strictObject({ title: Text(200), unitId: Id, kind: z.enum(DOCUMENT_KINDS), body: BodyText.optional() });
export const DocumentUpdateBody = z.strictObject({ version: Version, title: Text(200).optional(), kind: z.enum(DOCUMENT_KINDS).optional(), body: BodyText.optional() });
export const VersionBody = z.strictObject({ version: Version });
export const IssueBody = z.strictObject({ version: Version, number: Text(60), explanation: z.string().trim().max(5000).refine((s) => !CONTROL.test(s), '含有控制字符 (contains control characters)').optional() });
export const PhrasesBody = z.strictObject({ phrases: z.array(z.string().max(200)).max(5000) });

export const DocumentListQuery = z.object({
  unitId: QueryId.optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  year: QueryInt(1900, 2999).optional(),
  q: QueryText(100).pipe(z.string().min(1)).optional(),
  ...pageQuery(IdCursor, 50),
});
export const DocumentStatsQuery = z.object({ unitId: QueryId.optional(), year: QueryInt(1900, 2999).optional() });

const Hit = z.object({ phrase: z.string(), start: z.number(), end: z.number() });
const Reason = z.object({ rule: z.enum(['length', 'phrases', 'preamble', 'repeat', 'pass']), message: z.string() });
const RepeatResponse = z.object({
  paragraph: z.number(),
  start: z.number(),
  end: z.number(),
  documentId: z.number(),
  documentTitle: z.string(),
  documentNumber: z.string().nullable(),
  otherParagraph: z.number(),
  similarity: z.number(),
});

/** The check's answer (the issue's contract, with the opening passage's offsets and the repeats added). */
export const CheckResponse = z
  .object({
    characters: z.number(),
    limit: z.number(),
    overLimit: z.boolean(),
    phrases: z.array(Hit),
    phrasesPer1000: z.number(),
    preambleRatio: z.number(),
    preamble: z.object({ start: z.number(), end: z.number() }),
    repeats: z.array(RepeatResponse),
    verdict: z.enum(VERDICTS),
    reasons: z.array(Reason),
  })
  .meta({ id: 'DocumentCheck' });

export const toCheckResponse = (r: CheckResult): z.infer<typeof CheckResponse> => ({
  characters: r.characters,
  limit: r.limit,
  overLimit: r.overLimit,
  phrases: r.phrases,
  phrasesPer1000: r.phrasesPer1000,
  preambleRatio: r.preambleRatio,
  preamble: r.preamble,
  repeats: r.repeats,
  verdict: r.verdict,
  reasons: r.reasons,
});

const Ref = z.object({ id: z.number(), name: z.string() });
/** A document in a list: no body. */
export const DocumentSummary = z
  .object({
    id: z.number(),
    version: z.number(),
    title: z.string(),
    unit: Ref,
    kind: z.enum(DOCUMENT_KINDS),
    status: z.enum(DOCUMENT_STATUSES),
    characters: z.number(),
    verdict: z.enum(VERDICTS).nullable(),
    phrasesPer1000: z.number().nullable(),
    number: z.string().nullable(),
    year: z.number(),
    author: Ref,
    issuedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DocumentSummary' });

const QuotaResponse = z.object({ year: z.number(), issuedThisYear: z.number(), issuedLastYear: z.number(), reductionPercent: z.number(), allowed: z.number(), explanationRequired: z.boolean() });

export const DocumentResponse = DocumentSummary.extend({
  body: z.string(),
  bodySource: z.enum(['text', 'docx']),
  fileName: z.string().nullable(),
  check: CheckResponse.nullable(),
  checkedAt: z.string().nullable(),
  explanation: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(['edit', 'check', 'issue'])),
  quota: QuotaResponse.nullable(),
}).meta({ id: 'Document' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDocumentSummary(d: DocumentWithNames): z.infer<typeof DocumentSummary> {
  return {
    id: d.id,
    version: d.version,
    title: d.title,
    unit: { id: d.unitId, name: d.unitName },
    kind: d.kind,
    status: d.status,
    characters: d.characters,
    verdict: d.verdict,
    phrasesPer1000: d.phrasesPer1000,
    number: d.number,
    year: d.year,
    author: { id: d.authorId, name: d.authorName },
    issuedAt: iso(d.issuedAt),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toDocumentResponse(d: DocumentWithNames, allowedActions: ('edit' | 'check' | 'issue')[], quota: Quota | null): z.infer<typeof DocumentResponse> {
  return {
    ...toDocumentSummary(d),
    body: d.body,
    bodySource: d.bodySource,
    fileName: d.fileName,
    check: d.findings ? toCheckResponse(d.findings) : null,
    checkedAt: iso(d.checkedAt),
    explanation: d.explanation,
    createdAt: d.createdAt.toISOString(),
    allowedActions,
    quota,
  };
}

const num = z.number();
export const StatsResponse = z.object({
  year: num,
  totals: z.object({ issuedThisYear: num, issuedLastYear: num, total: num, checked: num, overLimit: num, overLimitShare: num.nullable(), avgCharacters: num.nullable(), avgPhrasesPer1000: num.nullable() }),
  units: z.array(z.object({ unitId: num, unitName: z.string(), issuedThisYear: num, issuedLastYear: num })),
  kinds: z.array(z.object({ kind: z.enum(DOCUMENT_KINDS), issuedThisYear: num, issuedLastYear: num, total: num, overLimit: num, avgCharacters: num.nullable() })),
});

export const PhrasesResponse = z.object({ phrases: z.array(z.string()), version: z.number(), isDefault: z.boolean(), updatedAt: z.string().nullable() });
