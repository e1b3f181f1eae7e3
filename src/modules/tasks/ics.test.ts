import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed, escapeText } from './ics.ts';

const feed = (title: string, host = 'mashang.example.gov.cn') =>
  buildFeed({
    name: '测试',
    host,
    now: new Date('2026-12-01T00:00:00Z'),
    tasks: [{ id: 7, title, deadline: '2026-12-31', status: '办理中', leadUnitName: '住建局', updatedAt: new Date('2026-12-01T00:00:00Z') }],
    milestones: [],
  });

describe('ICS feed text', () => {
  it('escapes a bare CR like a line break, so a title cannot add properties or events', () => {
    const evil = '标题\rX-INJECTED-PROP:evil\rEND:VEVENT\rBEGIN:VEVENT\rUID:x\n\r\nSUMMARY:y';
    const ics = feed(evil);
    expect(ics).not.toMatch(/[\r\n]X-INJECTED/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('x-injected-prop')).toBeNull();
  });

  it('drops control characters and keeps the text of any title, which parses back as one event', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => {
        const ics = feed(title);
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
        expect(events).toHaveLength(1);
        // eslint-disable-next-line no-control-regex -- the characters the feed drops
        const expected = `【完成时限】${title}`.replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
        expect(events[0]!.summary).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(escapeText('a;b,c\\d\r\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('names events under the configured host', () => {
    expect(feed('x', 'duban.xx.gov.cn')).toContain('UID:task-7@duban.xx.gov.cn');
  });
});
