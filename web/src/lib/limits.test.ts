import { describe, expect, it } from 'vitest';
import { oversizeMessage, sizeText, titleCutMessage } from './limits.ts';

describe('limits', () => {
  it('says sizes as people do', () => {
    expect(sizeText(20 * 1024 * 1024)).toBe('20 MB');
    expect(sizeText(25.5 * 1024 * 1024)).toBe('25.5 MB');
    expect(sizeText(2048)).toBe('2 KB');
    expect(sizeText(12)).toBe('12 B');
  });
  it('refuses a file over the limit, naming both sizes, and lets one at the limit through', () => {
    const limit = 20 * 1024 * 1024;
    expect(oversizeMessage({ name: 'a.pdf', size: limit }, limit, 'zh')).toBeNull();
    expect(oversizeMessage({ name: 'a.pdf', size: limit + 1 }, limit, 'zh')).toContain('超过单个附件 20 MB 的上限');
    expect(oversizeMessage({ name: 'a.pdf', size: 25 * 1024 * 1024 }, limit, 'en')).toBe('“a.pdf” is 25 MB, over the 20 MB limit for one attachment: not uploaded.');
    expect(oversizeMessage({ name: 'a.pdf', size: 1e12 }, undefined, 'zh')).toBeNull();
  });
  it('says a paste was cut', () => {
    expect(titleCutMessage(10000, 200, 'zh')).toBe('粘贴的内容有 10000 字，事项名称最多 200 字，已截取前 200 字。');
  });
});
