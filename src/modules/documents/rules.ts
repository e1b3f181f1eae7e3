import type { Policy } from '../../platform/policy.ts';

/**
 * 文风体检: the writing-style check of an official document, as pure functions. 字数 as Chinese
 * offices count it, against the limit of the document's kind; formulaic phrases (套话、空话) found
 * in one pass; the opening passage before the first concrete measure (穿靴戴帽); paragraphs that
 * repeat an issued document; and a verdict with its reasons in plain words.
 */

/** Kinds of document, each with its length limit in the policy object (DESIGN.md, "The rules, with numbers"). */
export const DOCUMENT_KINDS = ['document', 'single_topic', 'brief', 'report', 'speech_major', 'speech'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 草稿 → 已体检 → 已印发. Editing the body of a checked document returns it to draft. */
export const DOCUMENT_STATUSES = ['draft', 'checked', 'issued'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const VERDICTS = ['pass', 'revise', 'over_limit'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const KIND_NAMES: Record<DocumentKind, string> = {
  document: '地方和部门文件',
  single_topic: '专项工作文件',
  brief: '简报',
  report: '请示、报告',
  speech_major: '全区域性及以上会议讲话稿',
  speech: '其他会议讲话稿',
};

/** The most characters a document of this kind may have, from the region's policy. */
export function limitFor(kind: DocumentKind, policy: Policy): number {
  switch (kind) {
    case 'document':
      return policy.documents.maxChars.general;
    case 'single_topic':
      return policy.documents.maxChars.singleTopic;
    case 'brief':
      return policy.documents.maxChars.brief;
    case 'report':
      return policy.documents.maxChars.report;
    case 'speech_major':
      return policy.meetings.speechDraftMaxChars.major;
    case 'speech':
      return policy.meetings.speechDraftMaxChars.other;
  }
}

/*
 * The check's thresholds. They are judgments of style, not numbers of the regulation, so they are
 * constants here rather than policy keys (a region cannot be laxer about 套话 than another).
 */
/** More formulaic phrases than this per 1,000 counted characters asks for a revision. */
export const PHRASES_PER_1000_MAX = 4;
/** An opening passage (穿靴戴帽) longer than this share of the text asks for a revision. */
export const PREAMBLE_MAX_RATIO = 0.25;
/** Texts shorter than this (counted characters) are not judged on their opening: a brief may open with its point. */
export const PREAMBLE_MIN_CHARS = 200;
/** Shingle length for the repetition check: 5 characters (CJK words are 1–4 characters, so 5-grams span word boundaries). */
export const SHINGLE = 5;
/** A paragraph repeats another when at least this share of its shingles occurs in that one (containment). */
export const REPEAT_MIN_CONTAINMENT = 0.6;
/** A shingle found in more than this many paragraphs of the checked text is its own boilerplate and not compared. */
export const REPEAT_BOILERPLATE = 3;
/** Paragraphs with fewer letters than this are not compared (a heading, a salutation, a date line). */
export const REPEAT_MIN_PARAGRAPH = 30;

// ---------------------------------------------------------------------------------------------
// 字数
// ---------------------------------------------------------------------------------------------

/** Letters and digits that form a run counted once: ASCII, full-width (Ａ–Ｚ, ０–９) and Latin-1/Latin Extended letters. */
function isAlnum(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xff10 && cp <= 0xff19) ||
    (cp >= 0xff21 && cp <= 0xff3a) ||
    (cp >= 0xff41 && cp <= 0xff5a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7)
  );
}
const isDigit = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);

/** Counts nothing: white space (the ideographic space U+3000 too), control and invisible format characters. */
function isBlank(cp: number): boolean {
  return (
    cp <= 0x20 ||
    (cp >= 0x7f && cp <= 0xa0) ||
    cp === 0xad ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202f) ||
    (cp >= 0x205f && cp <= 0x206f) ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

/** Combining marks and variation selectors belong to the character before them. */
function isMark(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/**
 * 字数 as Chinese offices count it:
 * - each CJK character (every extension plane: a surrogate pair is one character) counts 1;
 * - each punctuation mark counts 1, full-width (，。、《》“”…) and ASCII alike (,.;:!? — typed
 *   where a full-width mark belongs, it still takes a character's place on the page);
 * - a run of Latin letters or digits (ASCII or full-width) counts 1, like a word: "2026" is 1,
 *   "GDP" is 1; a decimal point or thousands separator between digits stays inside the run
 *   ("3.5" and "1,000" count 1);
 * - white space, line breaks, control and invisible format characters count 0, and combining
 *   marks count with the character they sit on;
 * - anything else (kana, hangul, Cyrillic letters, symbols, emoji) counts 1 per code point.
 */
export function countChars(text: string): number {
  let n = 0;
  let inRun = false;
  let prevDigit = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (isAlnum(cp)) {
      if (!inRun) n++;
      inRun = true;
      prevDigit = isDigit(cp);
      continue;
    }
    // "3.5", "1,000": a separator between two digits stays inside the number.
    if ((cp === 0x2e || cp === 0x2c) && prevDigit && i + 1 < len && isDigit(text.charCodeAt(i + 1))) continue;
    prevDigit = false;
    if (isMark(cp)) continue;
    inRun = false;
    if (isBlank(cp)) continue;
    n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// 套话: one multi-pattern pass (Aho–Corasick)
// ---------------------------------------------------------------------------------------------

export interface PhraseHit {
  phrase: string;
  /** Offsets into the text as JavaScript string indices (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

/** The most phrases a list may hold, and the longest phrase (characters). */
export const PHRASE_LIST_MAX = 2000;
export const PHRASE_MAX_LENGTH = 30;

/** A phrase list as admins may store it: trimmed, non-empty, bounded, de-duplicated; else the first problem in words. */
export function normalizePhraseList(phrases: readonly string[]): { ok: true; phrases: string[] } | { ok: false; message: string; index?: number } {
  if (phrases.length === 0) return { ok: false, message: '套话清单不能为空 (the list must not be empty).' };
  if (phrases.length > PHRASE_LIST_MAX) return { ok: false, message: `套话清单最多 ${PHRASE_LIST_MAX} 条 (at most ${PHRASE_LIST_MAX} phrases).` };
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i]!.normalize('NFC').trim();
    if (p === '') return { ok: false, message: `第 ${i + 1} 条为空 (phrase ${i + 1} is empty).`, index: i };
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    if (/[\u0000-\u001f\u007f\s]/.test(p)) return { ok: false, message: `第 ${i + 1} 条含空白或控制字符 (phrase ${i + 1} contains white space or control characters).`, index: i };
    if ([...p].length > PHRASE_MAX_LENGTH) return { ok: false, message: `第 ${i + 1} 条超过 ${PHRASE_MAX_LENGTH} 个字 (phrase ${i + 1} is longer than ${PHRASE_MAX_LENGTH} characters).`, index: i };
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(p);
  }
  return { ok: true, phrases: out };
}

/**
 * A matcher built once per phrase list (an Aho–Corasick automaton over UTF-16 code units, so
 * offsets are JavaScript string indices and a surrogate pair matches only whole). `find` walks
 * the text once and returns non-overlapping matches, leftmost first and, of those starting at the
 * same place, the longest ("切实加强" inside "切实加强领导" is one hit when both are listed).
 * Matching is literal: a phrase broken by a line break or a space is not found.
 */
export class PhraseMatcher {
  /** Per node: its transitions. */
  private readonly next: Map<number, number>[] = [new Map<number, number>()];
  private readonly fail: number[] = [0];
  /** Per node: the length of the phrase ending here (0: none), and the next node on its failure chain that ends a phrase. */
  private readonly outLen: number[] = [0];
  private readonly outLink: number[] = [-1];
  private readonly phraseAt: (string | null)[] = [null];
  /** Every code unit that starts or continues some phrase: any other resets to the root at once. */
  private readonly alphabet = new Set<number>();
  readonly size: number;

  constructor(phrases: readonly string[]) {
    for (const p of phrases) {
      // Lengths are kept in a byte per text position (find); stored lists hold at most 30 characters.
      if (p.length === 0 || p.length > 255) continue;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        this.alphabet.add(c);
        let t = this.next[s]!.get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map<number, number>());
          this.fail.push(0);
          this.outLen.push(0);
          this.outLink.push(-1);
          this.phraseAt.push(null);
          this.next[s]!.set(c, t);
        }
        s = t;
      }
      this.outLen[s] = p.length;
      this.phraseAt[s] = p;
    }
    this.size = this.phraseAt.filter((p) => p !== null).length;
    // Breadth first: a node's failure link is the longest proper suffix that is also a prefix.
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const ft = this.next[f]!.get(c);
        this.fail[t] = ft !== undefined && ft !== t ? ft : 0;
        const ff = this.fail[t];
        this.outLink[t] = this.outLen[ff]! > 0 ? ff : this.outLink[ff]!;
        queue.push(t);
      }
    }
  }

  find(text: string): PhraseHit[] {
    // The longest phrase starting at each index (0: none), filled as matches end; then a scan
    // from the left takes the leftmost-longest non-overlapping ones.
    let longest: Uint8Array | null = null;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!this.alphabet.has(c)) {
        s = 0;
        continue;
      }
      let t = this.next[s]!.get(c);
      while (t === undefined && s !== 0) {
        s = this.fail[s]!;
        t = this.next[s]!.get(c);
      }
      s = t ?? 0;
      for (let o = this.outLen[s]! > 0 ? s : this.outLink[s]!; o > 0; o = this.outLink[o]!) {
        const len = this.outLen[o]!;
        const start = i + 1 - len;
        longest ??= new Uint8Array(text.length);
        if (len > longest[start]!) longest[start] = len;
      }
    }
    if (!longest) return [];
    const hits: PhraseHit[] = [];
    for (let i = 0; i < longest.length; i++) {
      const len = longest[i]!;
      if (len === 0) continue;
      hits.push({ phrase: text.slice(i, i + len), start: i, end: i + len });
      i += len - 1;
    }
    return hits;
  }
}

// ---------------------------------------------------------------------------------------------
// 穿靴戴帽: the opening passage before the first concrete measure
// ---------------------------------------------------------------------------------------------

const CN_NUM = '[一二三四五六七八九十百千万两零〇]';
/** A CJK character that is not one of these (for names: 全县各乡镇 names no township). */
const hanExcept = (chars: string) => `(?:(?![${chars}])[\\u4e00-\\u9fa5])`;
/** Two characters before 同志 that address a group, not a person. */
const NOT_A_PERSON = new Set(['各位', '全体', '广大', '领导', '有关', '各级', '党员', '干部', '青年', '基层', '机关', '这些', '我们', '你们', '他们', '老']);

/** What counts as concrete: a number, a Chinese numeral with a unit, a deadline, a named unit, a named person. */
const CONCRETE: { kind: string; re: RegExp; reject?: (m: string) => boolean }[] = [
  // Any Arabic or full-width digit: a date (5月10日), an amount (300万元), a count (12个).
  { kind: 'number', re: /[0-9０-９]/gu },
  // 三项、五个方面、十二月、两周: a Chinese numeral with a unit or measure word. Not 一是/一要 (enumeration), not 进一步.
  { kind: 'numeral', re: new RegExp(`${CN_NUM}+(?:项|条|家|所|名|人次|户|座|处|件|批|期|亩|吨|公里|千米|万元|亿元|元|个百分点|个工作日|个月|个方面|天|日|月|年底|周|小时|次|轮)`, 'gu') },
  // 前完成、年底前、限期、截至: a deadline.
  { kind: 'deadline', re: /前完成|之前完成|底前|月内|年内完成|限期|限时|截至|截止|时限/gu },
  // 县交通运输局、市场监督管理局、城关镇、县委办、某某有限公司: a named unit (a place, then the organ).
  {
    kind: 'unit',
    re: new RegExp(
      [
        `[县市省州]${hanExcept('的了要在和与及对把将是为各全上下大格布当结开')}{1,8}?(?:局(?![面势限])|办公室|委员会|管委会|有限公司|公司|医院|学校|法院|检察院)`,
        `${hanExcept('各全本该每')}${hanExcept('乡镇城村各全本')}(?:镇|乡)(?![村镇])`,
        `${hanExcept('各全本该每农城')}{2}(?:街道|社区)`,
        `${hanExcept('的了要在和与及对把将是为各全由')}{2,8}?(?:有限公司|集团)`,
        '县委办|县政府办',
      ].join('|'),
      'gu',
    ),
  },
  // 张三同志、责任人：: a named person.
  { kind: 'person', re: /(?:责任人|负责人|联系人|牵头领导)[:：]|[\u4e00-\u9fa5]{2}同志(?!们)/gu, reject: (m) => m.endsWith('同志') && NOT_A_PERSON.has(m.slice(0, 2)) },
];

/** Where a sentence starts: after 。！？；, a line break, or a colon that opens a list. */
const SENTENCE_END = /[。！？；!?;\n]/;

export interface Preamble {
  /** Counted characters before the first concrete measure, as a share of all (0 … 1, 3 decimals). */
  ratio: number;
  /** The opening passage as offsets into the text: [0, end) — end is where the sentence holding the first concrete measure starts. */
  start: number;
  end: number;
  /** What the first concrete measure was, and where; null when the text has none. */
  concrete: { kind: string; start: number; end: number } | null;
}

/** The longest match a CONCRETE pattern can make (characters): a search for an earlier match needs only this much past the current best. */
const CONCRETE_MAX_MATCH = 24;

/**
 * The first concrete measure in the text (what kind, where), or null. Each pattern after the
 * first searches only the text before the best match so far (plus the longest match a pattern
 * makes): a pattern with no match would otherwise scan the whole document.
 */
export function firstConcrete(text: string): { kind: string; start: number; end: number } | null {
  let best: { kind: string; start: number; end: number } | null = null;
  for (const { kind, re, reject } of CONCRETE) {
    const hay = best ? text.slice(0, best.start + CONCRETE_MAX_MATCH) : text;
    re.lastIndex = 0;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (best && m.index >= best.start) break;
      if (reject?.(m[0])) continue;
      best = { kind, start: m.index, end: m.index + m[0].length };
      break;
    }
  }
  return best;
}

/**
 * 穿靴戴帽: the share of the text before its first concrete measure. The opening passage ends
 * where the sentence (or line) holding that measure starts; a text with no concrete measure is
 * all opening (ratio 1). The ratio is in counted characters, like 字数.
 */
export function preambleOf(text: string, total = countChars(text)): Preamble {
  if (total === 0) return { ratio: 0, start: 0, end: 0, concrete: null };
  const concrete = firstConcrete(text);
  if (!concrete) return { ratio: 1, start: 0, end: text.length, concrete: null };
  let end = concrete.start;
  while (end > 0 && !SENTENCE_END.test(text[end - 1]!)) end--;
  // Leading white space of the sentence is not part of the opening.
  const ratio = Math.round((countChars(text.slice(0, end)) / total) * 1000) / 1000;
  return { ratio, start: 0, end, concrete };
}

// ---------------------------------------------------------------------------------------------
// Repetition: paragraphs that repeat an issued document (shingle containment)
// ---------------------------------------------------------------------------------------------

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  /** Its letters, digits and CJK characters only (punctuation and spacing do not make text new). */
  core: string;
}

/** The text's paragraphs (split at line breaks), with offsets and their comparable core. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n\r]+/g;
  let index = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const core = m[0].replace(/[^\p{L}\p{N}]/gu, '');
    if (core === '') continue;
    out.push({ index: index++, start: m.index, end: m.index + m[0].length, core });
  }
  return out;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The SHINGLE-character shingles of a paragraph's core (code points), in order, repeats included. */
function eachShingle(core: string, fn: (shingle: string) => void): void {
  if (!SURROGATE.test(core)) {
    for (let i = 0; i + SHINGLE <= core.length; i++) fn(core.slice(i, i + SHINGLE));
    return;
  }
  const cps = [...core];
  for (let i = 0; i + SHINGLE <= cps.length; i++) fn(cps.slice(i, i + SHINGLE).join(''));
}

/** The set of SHINGLE-character shingles of a paragraph's core (code points). */
export function shinglesOf(core: string): Set<string> {
  const out = new Set<string>();
  eachShingle(core, (sh) => out.add(sh));
  return out;
}

/** An issued document to compare against. */
export interface CorpusDocument {
  id: number;
  title: string;
  number: string | null;
  body: string;
}

export interface Repeat {
  /** The paragraph of the checked text, as offsets. */
  paragraph: number;
  start: number;
  end: number;
  /** The issued document it repeats, and which of its paragraphs. */
  documentId: number;
  documentTitle: string;
  documentNumber: string | null;
  otherParagraph: number;
  /** Share of this paragraph's shingles found in that one (0 … 1, 2 decimals). */
  similarity: number;
}

/**
 * Paragraphs of `text` of at least REPEAT_MIN_PARAGRAPH letters whose shingles lie, to at least
 * REPEAT_MIN_CONTAINMENT, inside one paragraph of an issued document — for each, the most similar
 * such paragraph. Containment rather than Jaccard: a paragraph copied into a longer one is still
 * a repeat. One inverted index over the corpus, so the cost grows with the text and the corpus
 * once, not with their product.
 */
export function findRepeats(text: string, corpus: readonly CorpusDocument[]): Repeat[] {
  if (corpus.length === 0) return [];
  const mine = paragraphsOf(text).filter((p) => [...p.core].length >= REPEAT_MIN_PARAGRAPH);
  if (mine.length === 0 || corpus.length === 0) return [];
  const wanted = new Map<string, number[]>();
  const mineShingles = mine.map((p) => shinglesOf(p.core));
  mineShingles.forEach((set, k) => {
    for (const s of set) {
      const list = wanted.get(s);
      if (list) list.push(k);
      else wanted.set(s, [k]);
    }
  });
  // Boilerplate of the text itself (a shingle in more than REPEAT_BOILERPLATE of its paragraphs:
  // "建立问题台账" in every item of a list) says nothing about copying, and would make every
  // corpus paragraph that has it count against all of them: it is left out, from the sizes too.
  const sizes = mineShingles.map((set) => set.size);
  for (const [sh, ks] of wanted) {
    if (ks.length <= REPEAT_BOILERPLATE) continue;
    wanted.delete(sh);
    for (const k of ks) sizes[k]! -= 1;
  }
  // For each of my paragraphs: shared shingles per (document, paragraph).
  const shared = mine.map(() => new Map<string, number>());
  const refs = new Map<string, { doc: CorpusDocument; paragraph: number }>();
  for (const doc of corpus) {
    for (const p of paragraphsOf(doc.body)) {
      const key = `${doc.id}:${p.index}`;
      // Only shingles some paragraph of the text has matter; most of the corpus has none.
      let seen: Set<string> | null = null;
      eachShingle(p.core, (sh) => {
        const ks = wanted.get(sh);
        if (!ks) return;
        seen ??= new Set();
        if (seen.has(sh)) return;
        seen.add(sh);
        for (const k of ks) shared[k]!.set(key, (shared[k]!.get(key) ?? 0) + 1);
      });
      if (seen) refs.set(key, { doc, paragraph: p.index });
    }
  }
  const out: Repeat[] = [];
  mine.forEach((p, k) => {
    const size = sizes[k]!;
    if (size === 0) return;
    let bestKey: string | null = null;
    let best = 0;
    for (const [key, n] of shared[k]!) {
      if (n > best) {
        best = n;
        bestKey = key;
      }
    }
    const similarity = best / size;
    if (bestKey && similarity >= REPEAT_MIN_CONTAINMENT) {
      const ref = refs.get(bestKey)!;
      out.push({
        paragraph: p.index,
        start: p.start,
        end: p.end,
        documentId: ref.doc.id,
        documentTitle: ref.doc.title,
        documentNumber: ref.doc.number,
        otherParagraph: ref.paragraph,
        similarity: Math.floor(similarity * 100) / 100,
      });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The check and its verdict
// ---------------------------------------------------------------------------------------------

export interface Reason {
  /** Which rule: `length`, `phrases`, `preamble`, `repeat`, or `pass`. */
  rule: 'length' | 'phrases' | 'preamble' | 'repeat' | 'pass';
  /** In plain words, naming the rule and the number in force. */
  message: string;
}

export interface CheckResult {
  characters: number;
  limit: number;
  overLimit: boolean;
  phrases: PhraseHit[];
  phrasesPer1000: number;
  preambleRatio: number;
  preamble: { start: number; end: number };
  repeats: Repeat[];
  verdict: Verdict;
  reasons: Reason[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The verdict and its reasons from the measures: over the limit → over_limit; else any finding → revise; else pass. */
export function verdictOf(kind: DocumentKind, m: { characters: number; limit: number; phrases: number; phrasesPer1000: number; preambleRatio: number; repeats: readonly Repeat[] }): { verdict: Verdict; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const overLimit = m.characters > m.limit;
  if (overLimit) {
    reasons.push({ rule: 'length', message: `字数 ${fmt(m.characters)}，超过${KIND_NAMES[kind]}不超过 ${fmt(m.limit)} 字的要求 ${fmt(m.characters - m.limit)} 字，须压减后再发。` });
  }
  if (m.phrasesPer1000 > PHRASES_PER_1000_MAX) {
    reasons.push({ rule: 'phrases', message: `套话 ${m.phrases} 处，每千字 ${m.phrasesPer1000} 处，超过每千字 ${PHRASES_PER_1000_MAX} 处的标准，请删去或换成具体措施。` });
  }
  if (m.characters >= PREAMBLE_MIN_CHARS && m.preambleRatio > PREAMBLE_MAX_RATIO) {
    reasons.push({ rule: 'preamble', message: `开头 ${Math.round(m.preambleRatio * 100)}% 的篇幅没有具体措施（穿靴戴帽），超过 ${Math.round(PREAMBLE_MAX_RATIO * 100)}% 的标准，请开门见山。` });
  }
  for (const r of m.repeats) {
    reasons.push({
      rule: 'repeat',
      message: `第 ${r.paragraph + 1} 段与已印发的《${r.documentTitle}》${r.documentNumber ? `（${r.documentNumber}）` : ''}第 ${r.otherParagraph + 1} 段重复 ${Math.round(r.similarity * 100)}%（标准：${Math.round(REPEAT_MIN_CONTAINMENT * 100)}% 及以上视为重复），请删去或引用原文件。`,
    });
  }
  if (reasons.length === 0) {
    reasons.push({ rule: 'pass', message: `字数 ${fmt(m.characters)}，未超过${KIND_NAMES[kind]} ${fmt(m.limit)} 字的限额；套话每千字 ${m.phrasesPer1000} 处，开头铺垫 ${Math.round(m.preambleRatio * 100)}%，未发现重复段落。` });
  }
  return { verdict: overLimit ? 'over_limit' : reasons[0]!.rule === 'pass' ? 'pass' : 'revise', reasons };
}

/** Phrases per 1,000 counted characters, 2 decimals (0 for an empty text). */
export function per1000(phrases: number, characters: number): number {
  return characters === 0 ? 0 : Math.round((phrases / characters) * 100_000) / 100;
}

/** The whole check of one text: pure, given the limit in force, the matcher and the issued documents to compare against. */
export function checkText(kind: DocumentKind, text: string, limit: number, matcher: PhraseMatcher, corpus: readonly CorpusDocument[] = []): CheckResult {
  const characters = countChars(text);
  const phrases = matcher.find(text);
  const phrasesPer1000 = per1000(phrases.length, characters);
  const pre = preambleOf(text, characters);
  const repeats = findRepeats(text, corpus);
  const { verdict, reasons } = verdictOf(kind, { characters, limit, phrases: phrases.length, phrasesPer1000, preambleRatio: pre.ratio, repeats });
  return { characters, limit, overLimit: characters > limit, phrases, phrasesPer1000, preambleRatio: pre.ratio, preamble: { start: pre.start, end: pre.end }, repeats, verdict, reasons };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle and the yearly count
// ---------------------------------------------------------------------------------------------

/**
 * A 文号 as written on the document: an optional 机关代字 (issuing organ's abbreviation), the year
 * in 〔〕 and the serial with 号 — 示政办发〔2026〕12号. Brackets typed as [], 【】 or （） are
 * normalized to 〔〕. Returns the normalized number and its year, or null when it is not one.
 */
export function parseDocNumber(raw: string): { number: string; year: number; serial: number } | null {
  const s = raw.trim().replace(/[[【(（]\s*(\d{4})\s*[\]】)）]/u, '〔$1〕');
  const m = /^([\p{Script=Han}A-Za-z]{0,20})〔(\d{4})〕第?(\d{1,5})号$/u.exec(s);
  if (!m) return null;
  const serial = Number(m[3]);
  if (serial < 1) return null;
  return { number: `${m[1]}〔${m[2]}〕${serial}号`, year: Number(m[2]), serial };
}

/**
 * Documents a unit may issue this year before an explanation is needed: last year's count less
 * the reduction (percent), rounded down (national rules, 2024: 发文数量只减不增).
 */
export function yearlyAllowance(lastYear: number, reductionPercent: number): number {
  return Math.floor((lastYear * (100 - reductionPercent)) / 100 + 1e-9);
}

/** Does issuing one more this year go past the allowance? */
export function needsExplanation(thisYearBefore: number, lastYear: number, reductionPercent: number): boolean {
  return thisYearBefore + 1 > yearlyAllowance(lastYear, reductionPercent);
}

/** What a document keeps of its last check: the whole result, offsets included (the page marks them). */
export type StoredFindings = CheckResult;
