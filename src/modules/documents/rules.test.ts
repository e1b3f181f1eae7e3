import { describe, expect, it } from 'vitest';
import { defaultPolicy, resolvePolicy, type Policy } from '../../platform/policy.ts';
import { DEFAULT_PHRASES } from './phrases.ts';
import {
  checkText,
  countChars,
  DOCUMENT_KINDS,
  findRepeats,
  firstConcrete,
  limitFor,
  needsExplanation,
  normalizePhraseList,
  paragraphsOf,
  parseDocNumber,
  per1000,
  PHRASE_LIST_MAX,
  PHRASE_MAX_LENGTH,
  PhraseMatcher,
  PHRASES_PER_1000_MAX,
  preambleOf,
  PREAMBLE_MAX_RATIO,
  PREAMBLE_MIN_CHARS,
  REPEAT_BOILERPLATE,
  REPEAT_MIN_CONTAINMENT,
  verdictOf,
  yearlyAllowance,
  type DocumentKind,
} from './rules.ts';

describe('countChars (字数)', () => {
  it.each([
    ['', 0],
    ['中', 1],
    ['中华人民共和国', 7],
    // Full-width punctuation counts one each.
    ['你好，世界。', 6],
    ['《通知》“好”…—', 9],
    ['、；：！？（）【】', 9],
    // A run of Latin letters or digits counts one.
    ['2026年', 2],
    ['GDP增长', 3],
    ['2026', 1],
    ['abc def', 2],
    ['ＡＢＣ１２３', 1],
    ['５月１０日', 4],
    ['COVID19', 1],
    // Numbers with a decimal point or thousands separator stay one run.
    ['增长3.5%', 4],
    ['1,000万元', 3],
    ['1. 总体要求', 6],
    // ASCII punctuation counts one each.
    ['a,b', 3],
    ['(1)', 3],
    ['!?;', 3],
    // White space, line breaks, the ideographic space, control and format characters count zero.
    [' \t\r\n', 0],
    ['\u3000\u3000各单位：', 4],
    ['a\u200bb', 2],
    ['\u0001\u007f\u0085', 0],
    ['\ufeff中', 1],
    // Surrogate pairs (CJK extension B and beyond) are one character.
    ['𠀀', 1],
    ['𠀀𪚥𰻞', 3],
    ['𠮷野家', 3],
    // Combining marks count with their base; other scripts one per character.
    ['café', 1],
    ['e\u0301', 1],
    ['カタカナ', 4],
    ['한국', 2],
    ['😀', 1],
    // A lone surrogate still takes a place.
    ['\ud800', 1],
  ])('%j counts %i', (text, n) => {
    expect(countChars(text)).toBe(n);
  });

  it('counts a mixed paragraph the way an office would', () => {
    expect(countChars('2026年5月10日前，县交通运输局完成G320国道3.5公里改造。')).toBe(25);
  });
});

describe('phrase list (admins)', () => {
  it('trims, de-duplicates and keeps the order', () => {
    expect(normalizePhraseList([' 高度重视 ', '狠抓落实', '高度重视'])).toEqual({ ok: true, phrases: ['高度重视', '狠抓落实'] });
  });
  it('refuses an empty list, an empty phrase, white space inside, an over-long phrase and too many phrases', () => {
    expect(normalizePhraseList([]).ok).toBe(false);
    expect(normalizePhraseList(['a', '  '])).toMatchObject({ ok: false, index: 1 });
    expect(normalizePhraseList(['高度 重视'])).toMatchObject({ ok: false, index: 0 });
    expect(normalizePhraseList(['a\u0000'])).toMatchObject({ ok: false, index: 0 });
    expect(normalizePhraseList(['字'.repeat(PHRASE_MAX_LENGTH)]).ok).toBe(true);
    expect(normalizePhraseList(['字'.repeat(PHRASE_MAX_LENGTH + 1)]).ok).toBe(false);
    expect(normalizePhraseList(Array.from({ length: PHRASE_LIST_MAX }, (_, i) => `p${i}`)).ok).toBe(true);
    expect(normalizePhraseList(Array.from({ length: PHRASE_LIST_MAX + 1 }, (_, i) => `p${i}`)).ok).toBe(false);
  });
  it('the shipped list is valid, de-duplicated and of a useful size', () => {
    const n = normalizePhraseList(DEFAULT_PHRASES);
    expect(n.ok && n.phrases.length).toBe(DEFAULT_PHRASES.length);
    expect(DEFAULT_PHRASES.length).toBeGreaterThanOrEqual(60);
    for (const p of ['高度重视', '进一步加强', '切实抓好', '认真贯彻落实', '全面推进', '扎实推进', '狠抓落实', '常抓不懈', '齐抓共管', '形成合力', '取得明显成效', '提高思想认识', '统一思想', '高位推动']) expect(DEFAULT_PHRASES).toContain(p);
  });
});

describe('PhraseMatcher (Aho–Corasick, leftmost-longest, non-overlapping)', () => {
  const m = new PhraseMatcher(['高度重视', '进一步加强', '加强', '切实加强', '切实加强领导', '抓落实', '狠抓落实', 'he', 'she', 'hers', '𠀀𠀀']);

  it('finds phrases with JavaScript string offsets', () => {
    const text = '各单位要高度重视，进一步加强管理。';
    const hits = m.find(text);
    expect(hits).toEqual([
      { phrase: '高度重视', start: 4, end: 8 },
      { phrase: '进一步加强', start: 9, end: 14 },
    ]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.phrase);
  });
  it('prefers the longest of the phrases starting at the same place', () => {
    expect(m.find('切实加强领导班子').map((h) => h.phrase)).toEqual(['切实加强领导']);
    expect(m.find('切实加强管理').map((h) => h.phrase)).toEqual(['切实加强']);
  });
  it('takes the leftmost match and drops those overlapping it', () => {
    expect(m.find('要狠抓落实').map((h) => h.phrase)).toEqual(['狠抓落实']);
    expect(m.find('ushers').map((h) => [h.phrase, h.start])).toEqual([['she', 1]]);
  });
  it('finds repeated and adjacent phrases', () => {
    expect(m.find('加强加强高度重视高度重视').map((h) => h.start)).toEqual([0, 2, 4, 8]);
  });
  it('counts offsets in UTF-16 code units around surrogate pairs', () => {
    const text = '𠮷高度重视𠀀𠀀';
    const hits = m.find(text);
    expect(hits).toEqual([
      { phrase: '高度重视', start: 2, end: 6 },
      { phrase: '𠀀𠀀', start: 6, end: 10 },
    ]);
  });
  it('does not match across a line break, and finds nothing in unrelated text', () => {
    expect(m.find('高度\n重视')).toEqual([]);
    expect(m.find('今天天气很好')).toEqual([]);
    expect(new PhraseMatcher([]).find('高度重视')).toEqual([]);
  });
  it('agrees with a naive scan on the shipped list', () => {
    const shipped = new PhraseMatcher(DEFAULT_PHRASES);
    const text = '全县各级各部门要高度重视，统一思想、提高认识，切实加强组织领导，进一步加强协调配合，形成工作合力，狠抓落实，确保取得明显成效。';
    const naive: { phrase: string; start: number; end: number }[] = [];
    for (let i = 0; i < text.length; ) {
      const longest = DEFAULT_PHRASES.filter((p) => text.startsWith(p, i)).sort((a, b) => b.length - a.length)[0];
      if (longest) {
        naive.push({ phrase: longest, start: i, end: i + longest.length });
        i += longest.length;
      } else i++;
    }
    expect(shipped.find(text)).toEqual(naive);
    expect(naive.length).toBeGreaterThanOrEqual(8);
    expect(shipped.size).toBe(DEFAULT_PHRASES.length);
  });
});

describe('per1000', () => {
  it('is phrases per 1,000 counted characters, 2 decimals', () => {
    expect(per1000(0, 0)).toBe(0);
    expect(per1000(5, 1000)).toBe(5);
    expect(per1000(1, 3)).toBe(333.33);
    expect(per1000(7, 4500)).toBe(1.56);
  });
});

describe('穿靴戴帽: the opening before the first concrete measure', () => {
  it.each([
    ['number', '今年5月起，开展专项整治。'],
    ['numeral', '重点抓好三项工作。'],
    ['numeral', '用两周时间完成。'],
    ['deadline', '请于月底前完成。'],
    ['deadline', '各单位限期整改。'],
    ['unit', '由县交通运输局牵头。'],
    ['unit', '城关镇负责场地。'],
    ['unit', '县委办统筹。'],
    ['unit', '由示范建设有限公司承建。'],
    ['person', '由张三同志负责。'],
    ['person', '责任人：李四'],
  ])('finds a %s in %j', (kind, text) => {
    expect(firstConcrete(text)?.kind).toBe(kind);
  });
  it.each(['各位同志们：', '全县各乡镇要高度重视。', '统筹城乡发展，建设美丽乡村。', '一是提高认识，二是加强领导。', '进一步加强管理。', '全体同志要服务大局。', '全市上下要围绕中心、服务大局。', '推进城镇化建设。'])('finds nothing concrete in %j', (text) => {
    expect(firstConcrete(text)).toBeNull();
  });

  it('marks the opening passage up to the sentence holding the first measure', () => {
    const text = '近年来，我县高度重视安全生产工作。为进一步加强管理，现通知如下。一、5月31日前完成排查。';
    const p = preambleOf(text);
    expect(text.slice(p.start, p.end)).toBe('近年来，我县高度重视安全生产工作。为进一步加强管理，现通知如下。');
    expect(p.concrete?.kind).toBe('number');
    expect(p.ratio).toBe(Math.round((countChars(text.slice(0, p.end)) / countChars(text)) * 1000) / 1000);
  });
  it('is 0 when the text opens with a measure, 1 when it has none, 0 when empty', () => {
    expect(preambleOf('5月10日前完成。其余另行通知。')).toMatchObject({ ratio: 0, start: 0, end: 0 });
    expect(preambleOf('要高度重视。要狠抓落实。')).toMatchObject({ ratio: 1, start: 0, end: 12, concrete: null });
    expect(preambleOf('')).toMatchObject({ ratio: 0, end: 0 });
  });
  it('cuts at a line break too', () => {
    const text = '同志们：\n今天召开会议。\n第一，3天内完成。';
    expect(text.slice(0, preambleOf(text).end)).toBe('同志们：\n今天召开会议。\n');
  });
});

describe('repetition (shingle containment)', () => {
  const issued = {
    id: 7,
    title: '关于做好冬季安全生产工作的通知',
    number: '示政办发〔2026〕3号',
    body: '各乡镇、各部门：\n冬季是安全生产事故易发多发期，各单位要严格落实安全生产责任制，开展隐患排查治理，对排查出的问题建立台账、限期整改，确保不发生较大以上安全事故。\n请于12月20日前报送排查情况。',
  };
  const para = '冬季是安全生产事故易发多发期，各单位要严格落实安全生产责任制，开展隐患排查治理，对排查出的问题建立台账、限期整改，确保不发生较大以上安全事故。';

  it('names the issued document and its paragraph for a copied paragraph', () => {
    const text = `各单位：\n${para}\n其他事项另行通知。`;
    const r = findRepeats(text, [issued]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ paragraph: 1, documentId: 7, documentTitle: issued.title, documentNumber: issued.number, otherParagraph: 1, similarity: 1 });
    expect(text.slice(r[0]!.start, r[0]!.end)).toBe(para);
  });
  it('still finds a paragraph copied with small edits or different punctuation, at and above the threshold', () => {
    const edited = para.replaceAll('，', ' ').replace('较大以上', '一般以上');
    const r = findRepeats(edited, [issued]);
    expect(r).toHaveLength(1);
    expect(r[0]!.similarity).toBeGreaterThanOrEqual(REPEAT_MIN_CONTAINMENT);
    expect(r[0]!.similarity).toBeLessThan(1);
  });
  it('does not flag a paragraph below the threshold, a short one, or unrelated text', () => {
    const half = para.slice(0, Math.floor(para.length * 0.45)) + '同时要做好森林防火、道路交通、城镇燃气、校园食品等重点行业领域的监管，落实值班值守制度。';
    expect(findRepeats(half, [issued])).toEqual([]);
    expect(findRepeats('各乡镇、各部门：', [issued])).toEqual([]);
    expect(findRepeats('今年全县完成高标准农田建设任务，新建灌溉渠道五十公里，受益群众三千余户，粮食产量稳定增长。', [issued])).toEqual([]);
    expect(findRepeats(para, [])).toEqual([]);
  });
  it('leaves out the text’s own boilerplate (a shingle in more than REPEAT_BOILERPLATE of its paragraphs)', () => {
    const item = (i: number) => `第${i}项，县交通运输局建立问题台账逐项整改销号，责任落实到具体科室和具体人员，按期报送整改进展情况。`;
    const corpus = [{ id: 1, title: '台账', number: null, body: item(9) }];
    // Three items: each shares most of its shingles with the issued paragraph — a repeat.
    expect(findRepeats([1, 2, 3].map(item).join('\n'), corpus).length).toBe(3);
    // Five items: the shared wording is the text's own boilerplate; what is left differs.
    expect(findRepeats([1, 2, 3, 4, 5].map(item).join('\n'), corpus)).toEqual([]);
    expect(REPEAT_BOILERPLATE).toBe(3);
  });
  it('splits paragraphs at line breaks and skips empty ones', () => {
    expect(paragraphsOf('a\n\n  \nb，c').map((p) => p.core)).toEqual(['a', 'bc']);
  });
});

describe('limits by kind (policy)', () => {
  const expected: Record<DocumentKind, number> = { document: 5000, single_topic: 4000, brief: 500, report: 3000, speech_major: 8000, speech: 5000 };
  it.each(DOCUMENT_KINDS)('%s reads its key from the policy', (kind) => {
    expect(limitFor(kind, defaultPolicy)).toBe(expected[kind]);
  });
  it('follows a region override', () => {
    const p = resolvePolicy([{ documents: { maxChars: { brief: 800 } }, meetings: { speechDraftMaxChars: { major: 6000 } } }]);
    expect(p.success).toBe(true);
    const policy = (p as { data: Policy }).data;
    expect(limitFor('brief', policy)).toBe(800);
    expect(limitFor('speech_major', policy)).toBe(6000);
    expect(limitFor('document', policy)).toBe(5000);
  });
});

describe('verdict', () => {
  const base = { characters: 1000, limit: 5000, phrases: 0, phrasesPer1000: 0, preambleRatio: 0, repeats: [] };
  it('passes below and at the limit; over_limit one above, naming the limit and the excess', () => {
    expect(verdictOf('document', base)).toMatchObject({ verdict: 'pass', reasons: [{ rule: 'pass' }] });
    expect(verdictOf('document', { ...base, characters: 5000 }).verdict).toBe('pass');
    const over = verdictOf('document', { ...base, characters: 5001 });
    expect(over.verdict).toBe('over_limit');
    expect(over.reasons[0]!.message).toContain('5,000');
    expect(over.reasons[0]!.message).toContain('5,001');
    expect(over.reasons[0]!.message).toContain('地方和部门文件');
  });
  it('asks for a revision above the phrase density, not at it', () => {
    expect(verdictOf('brief', { ...base, phrasesPer1000: PHRASES_PER_1000_MAX }).verdict).toBe('pass');
    const r = verdictOf('brief', { ...base, phrases: 5, phrasesPer1000: PHRASES_PER_1000_MAX + 0.01 });
    expect(r).toMatchObject({ verdict: 'revise', reasons: [{ rule: 'phrases' }] });
    expect(r.reasons[0]!.message).toContain(`每千字 ${PHRASES_PER_1000_MAX} 处`);
  });
  it('asks for a revision above the opening share, not at it, and not for short texts', () => {
    expect(verdictOf('document', { ...base, preambleRatio: PREAMBLE_MAX_RATIO }).verdict).toBe('pass');
    const r = verdictOf('document', { ...base, preambleRatio: 0.5 });
    expect(r).toMatchObject({ verdict: 'revise', reasons: [{ rule: 'preamble' }] });
    expect(r.reasons[0]!.message).toContain('50%');
    expect(verdictOf('brief', { ...base, characters: PREAMBLE_MIN_CHARS - 1, preambleRatio: 1 }).verdict).toBe('pass');
  });
  it('names the repeated document', () => {
    const r = verdictOf('document', { ...base, repeats: [{ paragraph: 2, start: 0, end: 1, documentId: 7, documentTitle: '冬季通知', documentNumber: '〔2026〕3号', otherParagraph: 0, similarity: 0.9 }] });
    expect(r.verdict).toBe('revise');
    expect(r.reasons[0]!.message).toContain('《冬季通知》（〔2026〕3号）');
    expect(r.reasons[0]!.message).toContain('第 3 段');
  });
  it('over the limit wins over revise and keeps all the reasons', () => {
    const r = verdictOf('speech', { ...base, characters: 6000, phrasesPer1000: 9, phrases: 54, preambleRatio: 0.6 });
    expect(r.verdict).toBe('over_limit');
    expect(r.reasons.map((x) => x.rule)).toEqual(['length', 'phrases', 'preamble']);
  });
});

describe('checkText', () => {
  const matcher = new PhraseMatcher(DEFAULT_PHRASES);
  it('puts the measures together, per kind', () => {
    const text = '各单位要高度重视。\n县应急管理局于12月20日前完成排查。';
    const r = checkText('brief', text, limitFor('brief', defaultPolicy), matcher);
    expect(r).toMatchObject({ characters: countChars(text), limit: 500, overLimit: false, phrases: [{ phrase: '高度重视', start: 4, end: 8 }], phrasesPer1000: 38.46, verdict: 'revise' });
    expect(r.preamble).toEqual({ start: 0, end: 10 });
    const long = checkText('brief', '字'.repeat(501), 500, matcher);
    expect(long).toMatchObject({ characters: 501, overLimit: true, verdict: 'over_limit' });
  });
});

describe('文号 and the yearly count', () => {
  it.each([
    ['示政办发〔2026〕12号', '示政办发〔2026〕12号', 2026],
    ['〔2026〕1号', '〔2026〕1号', 2026],
    ['示政发[2025]003号', '示政发〔2025〕3号', 2025],
    ['示政发【2026】第7号', '示政发〔2026〕7号', 2026],
    [' 示政发（2026）8号 ', '示政发〔2026〕8号', 2026],
  ])('parses %j', (raw, number, year) => {
    expect(parseDocNumber(raw)).toMatchObject({ number, year });
  });
  it.each(['12号', '〔26〕1号', '〔2026〕0号', '〔2026〕号', '示政发〔2026〕12', 'x'.repeat(30) + '〔2026〕1号', '<b>〔2026〕1号'])('refuses %j', (raw) => {
    expect(parseDocNumber(raw)).toBeNull();
  });
  it('allows last year’s count less the reduction, rounded down', () => {
    expect(yearlyAllowance(10, 0)).toBe(10);
    expect(yearlyAllowance(10, 10)).toBe(9);
    expect(yearlyAllowance(10, 15)).toBe(8);
    expect(yearlyAllowance(0, 0)).toBe(0);
    expect(yearlyAllowance(3, 100)).toBe(0);
  });
  it('needs an explanation only past the allowance', () => {
    expect(needsExplanation(8, 10, 10)).toBe(false); // the 9th of 9 allowed
    expect(needsExplanation(9, 10, 10)).toBe(true); // the 10th
    expect(needsExplanation(0, 0, 0)).toBe(true);
    expect(needsExplanation(9, 10, 0)).toBe(false);
    expect(needsExplanation(10, 10, 0)).toBe(true);
  });
});
