/**
 * How documents read on screen: names of kinds, statuses and verdicts, and the text of a checked
 * document cut into pieces to mark (formulaic phrases, the opening passage, repeated paragraphs).
 * Pure functions, unit tested.
 */
import type { Lang } from './i18n.ts';
import type { DocumentCheck, DocumentKind, DocumentStatus, DocumentVerdict } from './types.ts';

type NamesOf<K extends string> = Record<K, readonly [string, string]>;
const pick = <K extends string>(names: NamesOf<K>, key: K, lang: Lang) => names[key]?.[lang === 'zh' ? 0 : 1] ?? key;

export const DOC_KIND: NamesOf<DocumentKind> = {
  document: ['地方和部门文件', 'Local or departmental document'],
  single_topic: ['专项工作文件', 'Single-topic document'],
  brief: ['简报', 'Brief'],
  report: ['请示、报告', 'Request or report'],
  speech_major: ['全区域性会议讲话稿', 'Speech at a region-wide meeting'],
  speech: ['其他会议讲话稿', 'Speech at another meeting'],
};
export const DOC_STATUS: NamesOf<DocumentStatus> = { draft: ['草稿', 'Draft'], checked: ['已体检', 'Checked'], issued: ['已印发', 'Issued'] };
export const VERDICT: NamesOf<DocumentVerdict> = { pass: ['通过', 'Pass'], revise: ['建议修改', 'Revise'], over_limit: ['超字数', 'Over the limit'] };
export const VERDICT_COLOR: Record<DocumentVerdict, string> = { pass: 'success', revise: 'warning', over_limit: 'error' };

export const kindName = (k: DocumentKind, lang: Lang) => pick(DOC_KIND, k, lang);
export const docStatusName = (s: DocumentStatus, lang: Lang) => pick(DOC_STATUS, s, lang);
export const verdictName = (v: DocumentVerdict, lang: Lang) => pick(VERDICT, v, lang);

/** A piece of the text with what marks it: inside the opening passage, a formulaic phrase, a repeated paragraph. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  preamble: boolean;
  phrase: string | null;
  /** The index into `check.repeats`, or null. */
  repeat: number | null;
}

/**
 * The text cut at every boundary of a phrase, the opening passage and a repeated paragraph, in
 * order, so that each piece has one set of marks. Offsets out of range (a text changed since
 * its check) are clamped.
 */
export function segments(text: string, check: Pick<DocumentCheck, 'phrases' | 'preamble' | 'repeats'>): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length, clamp(check.preamble.end)]);
  for (const p of check.phrases) cuts.add(clamp(p.start)).add(clamp(p.end));
  for (const r of check.repeats) cuts.add(clamp(r.start)).add(clamp(r.end));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const phrase = check.phrases.find((p) => p.start <= start && end <= p.end);
    const repeat = check.repeats.findIndex((r) => r.start <= start && end <= r.end);
    out.push({ start, end, text: text.slice(start, end), preamble: end <= check.preamble.end, phrase: phrase ? phrase.phrase : null, repeat: repeat >= 0 ? repeat : null });
  }
  return out;
}
