import { describe, expect, it } from 'vitest';
import { ALL_KEYS, translate } from './i18n.ts';
import { daysText, idParam, quotaGauge, severityName, share, visitBody, visitKindName, visitSpan, yearParam } from './research.ts';

describe('the quota as a gauge', () => {
  it('says behind when the server says so, with the gap in half days', () => {
    expect(quotaGauge({ target: 90, days: 40, expectedByNow: 75.5, behind: true })).toMatchObject({ state: 'behind', gap: 35.5, donePct: 44.4, expectedPct: 83.9 });
  });
  it('says short (not behind) when under the expected mark but within the margin', () => {
    expect(quotaGauge({ target: 90, days: 70, expectedByNow: 75, behind: false })).toMatchObject({ state: 'short', gap: 5 });
  });
  it('says ahead when at or over the expected mark, and done at the target; the dial stops at 100', () => {
    expect(quotaGauge({ target: 90, days: 75, expectedByNow: 75, behind: false })).toMatchObject({ state: 'ahead', gap: 0 });
    expect(quotaGauge({ target: 90, days: 120, expectedByNow: 90, behind: false })).toMatchObject({ state: 'done', donePct: 100 });
  });
  it('has no target for ranks without one (no division by zero)', () => {
    expect(quotaGauge({ target: 0, days: 3, expectedByNow: 0, behind: false })).toMatchObject({ state: 'none', donePct: 0, expectedPct: 0 });
  });
});

describe('the log-a-visit form as the API body', () => {
  const base = { personIds: [3, 3, 4], startDate: '2026-11-03', endDate: '2026-11-04', kind: 'survey' as const, purpose: ' 了解秋粮收购 ' };
  it('sends the contract fields, de-duplicated and trimmed, and leaves empties out', () => {
    const r = visitBody({ ...base, placeIds: [], seen: '  ', met: '村支书', unannounced: true, findings: [{ problem: '  ' }, { problem: ' 烘干设备不足 ', placeId: 9, category: '农业', severity: 'high' }] });
    expect(r).toEqual({
      ok: true,
      body: { personIds: [3, 4], startDate: '2026-11-03', endDate: '2026-11-04', kind: 'survey', purpose: '了解秋粮收购', unannounced: true, peopleMet: '村支书', findings: [{ problem: '烘干设备不足', placeId: 9, category: '农业', severity: 'high' }] },
    });
  });
  it('makes a half day a single date', () => {
    const r = visitBody({ ...base, halfDay: true, endDate: null });
    expect(r.ok && r.body).toMatchObject({ startDate: '2026-11-03', endDate: '2026-11-03', halfDay: true });
  });
  it('names the first thing missing', () => {
    expect(visitBody({ ...base, personIds: [] })).toEqual({ ok: false, missing: 'people' });
    expect(visitBody({ ...base, endDate: null })).toEqual({ ok: false, missing: 'dates' });
    expect(visitBody({ ...base, endDate: '2026-11-01' })).toEqual({ ok: false, missing: 'order' });
    expect(visitBody({ ...base, kind: undefined })).toEqual({ ok: false, missing: 'kind' });
    expect(visitBody({ ...base, purpose: '   ' })).toEqual({ ok: false, missing: 'purpose' });
  });
});

describe('words and numbers', () => {
  it('spans a visit in days, across New Year too', () => {
    expect(visitSpan({ startDate: '2026-12-31', endDate: '2027-01-02' }, 'zh')).toBe('2026-12-31 – 2027-01-02（3 天）');
    expect(visitSpan({ startDate: '2026-11-03', endDate: '2026-11-03' }, 'zh')).toBe('2026-11-03');
    expect(visitSpan({ startDate: '2026-11-03', endDate: '2026-11-03', halfDay: true }, 'en')).toBe('2026-11-03（half day）');
  });
  it('shows shares, days and names, and a dash for nothing', () => {
    expect(share(0.4567)).toBe('45.7%');
    expect(share(null)).toBe('—');
    expect(daysText(12.5)).toBe('12.5');
    expect(daysText(undefined)).toBe('—');
    expect(visitKindName('petition', 'zh')).toBe('接访下访');
    expect(visitKindName('unknown', 'zh')).toBe('unknown');
    expect(severityName(null, 'zh')).toBe('—');
  });
  it('reads year and ids from the URL only when sane', () => {
    expect(yearParam('2025', 2026)).toBe(2025);
    expect(yearParam('99999', 2026)).toBe(2026);
    expect(yearParam(null, 2026)).toBe(2026);
    expect(idParam('12')).toBe(12);
    expect(idParam('-1')).toBeUndefined();
    expect(idParam('1.5')).toBeUndefined();
    expect(idParam(null)).toBeUndefined();
  });
  it('has both languages for every field-work word', () => {
    const keys = ALL_KEYS.filter((k) => k.startsWith('fw.'));
    expect(keys.length).toBeGreaterThan(60);
    for (const k of keys) expect(translate('zh', k) && translate('en', k)).toBeTruthy();
  });
});
