/**
 * Error messages in the language the request asks for. Messages are written once, Chinese first
 * with the English in parentheses — "主办单位 3 不存在 (lead unit not found)." — and a request
 * whose Accept-Language prefers Chinese gets the Chinese sentence, one that prefers English the
 * English one; no header (or `*`, or a language we do not speak) keeps both, as before.
 */
export type MessageLanguage = 'zh' | 'en' | 'both';

/** The language a request prefers, by the q-values of its Accept-Language (RFC 9110 §12.5.4). */
export function preferredLanguage(header: string | undefined): MessageLanguage {
  if (!header) return 'both';
  let best: { lang: MessageLanguage; q: number } = { lang: 'both', q: 0 };
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang = tag === 'zh' || tag.startsWith('zh-') ? 'zh' : tag === 'en' || tag.startsWith('en-') ? 'en' : null;
    if (lang && q > best.q) best = { lang, q };
  }
  return best.lang;
}

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u;
// The Chinese sentence, then the English one in ASCII parentheses, then whatever follows both
// (": body.title", ", request 7.", "." …).
const BILINGUAL = /^(.*?)\s*\(([^()]*[A-Za-z][^()]*)\)(.*)$/su;

/** One message in one language; a message that is not written in both comes back as it is. */
export function localizeMessage(message: string, lang: MessageLanguage): string {
  if (lang === 'both') return message;
  const m = BILINGUAL.exec(message);
  if (!m || !CJK.test(m[1]!) || CJK.test(m[2]!)) return message;
  const [, zh, en, rest] = m as unknown as [string, string, string, string];
  const english = `${en.charAt(0).toUpperCase()}${en.slice(1)}`;
  // A second sentence in both languages after the first ("不能删除附件 (…). 签收后附件只能补充 (…)。"):
  // each sentence in the one language, not the second left in both.
  const stop = /^[.。]\s*/.exec(rest);
  const more = stop ? rest.slice(stop[0].length) : '';
  const second = stop ? BILINGUAL.exec(more) : null;
  if (second && CJK.test(second[1]!) && !CJK.test(second[2]!)) {
    const next = localizeMessage(more, lang);
    return lang === 'en' ? `${english}. ${next}` : `${zh}。${next}`;
  }
  if (lang === 'en') return `${english}${rest === '。' ? '.' : rest}`;
  return `${zh}${rest === '.' ? '。' : rest}`;
}

/** The error body, its message and its details' messages in the request's language. */
export function localizeErrorBody(body: unknown, lang: MessageLanguage): unknown {
  if (lang === 'both' || !body || typeof body !== 'object' || !('error' in body)) return body;
  const error = body.error;
  if (!error || typeof error !== 'object') return body;
  const e = error as { message?: unknown; details?: unknown };
  const localizeDetail = (d: unknown) => {
    const m = d && typeof d === 'object' ? (d as { message?: unknown }).message : undefined;
    return typeof m === 'string' ? { ...(d as object), message: localizeMessage(m, lang) } : d;
  };
  const details = Array.isArray(e.details) ? e.details.map(localizeDetail) : e.details;
  return { error: { ...e, ...(typeof e.message === 'string' ? { message: localizeMessage(e.message, lang) } : {}), ...(e.details !== undefined ? { details } : {}) } };
}
