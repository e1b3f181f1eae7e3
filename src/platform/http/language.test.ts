import { describe, expect, it } from 'vitest';
import { localizeErrorBody, localizeMessage, preferredLanguage } from './language.ts';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'both'],
    ['', 'both'],
    ['*', 'both'],
    ['fr-FR', 'both'],
    ['zh-CN', 'zh'],
    ['zh', 'zh'],
    ['zh-Hans-CN,zh;q=0.9', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN;q=0.5, en;q=0.8', 'en'],
    ['en;q=0.2, zh-TW;q=0.3', 'zh'],
    ['en;q=0, zh', 'zh'],
    ['en;q=abc', 'both'],
    ['fr, en;q=0.1', 'en'],
  ] as const)('%s → %s', (header, lang) => {
    expect(preferredLanguage(header)).toBe(lang);
  });
});

describe('localizeMessage', () => {
  it('takes the Chinese or the English sentence of a bilingual message, keeping what follows both', () => {
    expect(localizeMessage('主办单位 3 不存在 (lead unit not found).', 'zh')).toBe('主办单位 3 不存在。');
    expect(localizeMessage('主办单位 3 不存在 (lead unit not found).', 'en')).toBe('Lead unit not found.');
    expect(localizeMessage('请求参数有误 (invalid request): body.title', 'en')).toBe('Invalid request: body.title');
    expect(localizeMessage('请求参数有误 (invalid request): body.title', 'zh')).toBe('请求参数有误: body.title');
    expect(localizeMessage('服务器内部错误 (internal error), request req-7.', 'en')).toBe('Internal error, request req-7.');
  });
  it('takes each sentence of a message of two bilingual sentences in the one language', () => {
    const m = '事项当前状态为「办理中」，不能删除附件 (cannot remove_attachment a task that is in_progress; needs assigned). 签收后附件只能补充，不能删除 (after sign-for attachments may be added, not removed)。';
    expect(localizeMessage(m, 'zh')).toBe('事项当前状态为「办理中」，不能删除附件。签收后附件只能补充，不能删除。');
    expect(localizeMessage(m, 'en')).toBe('Cannot remove_attachment a task that is in_progress; needs assigned. After sign-for attachments may be added, not removed.');
    expect(localizeMessage(m, 'both')).toBe(m);
  });
  it('keeps both when asked for both, and leaves a one-language message alone', () => {
    expect(localizeMessage('主办单位 3 不存在 (lead unit not found).', 'both')).toBe('主办单位 3 不存在 (lead unit not found).');
    expect(localizeMessage('No route GET /x.', 'zh')).toBe('No route GET /x.');
    expect(localizeMessage('只用中文的说明', 'en')).toBe('只用中文的说明');
    expect(localizeMessage('Too big (max 200)', 'zh')).toBe('Too big (max 200)');
    // Parentheses holding Chinese are part of the Chinese sentence, not its translation.
    expect(localizeMessage('事项（重点）已办结', 'en')).toBe('事项（重点）已办结');
  });
});

describe('localizeErrorBody', () => {
  const body = { error: { code: 'VALIDATION', message: '请求参数有误 (invalid request): body.title', details: [{ path: 'body.title', message: '标题过长 (title too long)' }, 'x'] } };
  it('localizes the message and each detail', () => {
    expect(localizeErrorBody(body, 'en')).toEqual({ error: { code: 'VALIDATION', message: 'Invalid request: body.title', details: [{ path: 'body.title', message: 'Title too long' }, 'x'] } });
  });
  it('passes anything else through', () => {
    expect(localizeErrorBody(body, 'both')).toBe(body);
    expect(localizeErrorBody({ items: [] }, 'en')).toEqual({ items: [] });
    expect(localizeErrorBody(null, 'en')).toBe(null);
    expect(localizeErrorBody({ error: { code: 'X' } }, 'zh')).toEqual({ error: { code: 'X' } });
  });
});
