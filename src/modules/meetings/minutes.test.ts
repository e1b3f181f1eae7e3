import { describe, expect, it } from 'vitest';
import { chineseNumber, minutesFileName, minutesTitle } from './minutes.ts';

describe('minutes helpers', () => {
  it('numbers decisions the Chinese way', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map(chineseNumber)).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect(chineseNumber(100)).toBe('100');
    expect(chineseNumber(0)).toBe('0');
  });
  it('titles the minute and makes a safe file name', () => {
    expect(minutesTitle('县政府第 18 次常务会议')).toBe('县政府第 18 次常务会议纪要');
    expect(minutesFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('abcdefghij纪要.docx');
    expect(minutesFileName('..隐藏')).toBe('隐藏纪要.docx');
    expect(minutesFileName('长'.repeat(200)).length).toBeLessThanOrEqual(85);
  });
});
