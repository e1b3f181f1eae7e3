import { describe, expect, it } from 'vitest';
import { DOC_KIND, DOC_STATUS, segments, VERDICT } from './documents.ts';

describe('documents on screen', () => {
  it('names every kind, status and verdict in both languages', () => {
    for (const names of [DOC_KIND, DOC_STATUS, VERDICT]) for (const [zh, en] of Object.values(names)) expect(zh && en).toBeTruthy();
  });

  it('cuts the text at phrases, the opening passage and repeats, keeping every character once', () => {
    const text = '要高度重视。县局5月完成。重复的一段';
    const s = segments(text, {
      preamble: { start: 0, end: 6 },
      phrases: [{ phrase: '高度重视', start: 1, end: 5 }],
      repeats: [{ paragraph: 0, start: 13, end: 18, documentId: 1, documentTitle: 'x', documentNumber: null, otherParagraph: 0, similarity: 1 }],
    });
    expect(s.map((x) => x.text).join('')).toBe(text);
    expect(s.map((x) => [x.text, x.preamble, x.phrase, x.repeat])).toEqual([
      ['要', true, null, null],
      ['高度重视', true, '高度重视', null],
      ['。', true, null, null],
      ['县局5月完成。', false, null, null],
      ['重复的一段', false, null, 0],
    ]);
  });

  it('clamps offsets past the end of a changed text', () => {
    const s = segments('短', { preamble: { start: 0, end: 9 }, phrases: [{ phrase: 'x', start: 5, end: 7 }], repeats: [] });
    expect(s).toEqual([{ start: 0, end: 1, text: '短', preamble: true, phrase: null, repeat: null }]);
  });
});
