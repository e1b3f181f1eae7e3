import { describe, expect, it } from 'vitest';
import { clockFromEnv, OffsetClock, shanghaiDate, systemClock } from './clock.ts';

describe('clock', () => {
  it('starts at MASHANG_NOW and runs on', () => {
    let real = 1_000_000;
    const clock = new OffsetClock(new Date('2026-12-01T09:00:00+08:00'), () => real);
    expect(clock.now().toISOString()).toBe('2026-12-01T01:00:00.000Z');
    real += 5000;
    expect(clock.now().toISOString()).toBe('2026-12-01T01:00:05.000Z');
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe('2026-12-02T01:00:05.000Z');
  });

  it('reads MASHANG_NOW, refuses it in production, and rejects nonsense', () => {
    expect(clockFromEnv({})).toBe(systemClock);
    expect(Math.abs(clockFromEnv({ MASHANG_NOW: '2026-12-01T09:00:00+08:00' }).now().getTime() - Date.parse('2026-12-01T01:00:00Z'))).toBeLessThan(5000);
    expect(() => clockFromEnv({ MASHANG_NOW: '2026-12-01T09:00:00+08:00', NODE_ENV: 'production' })).toThrow(/production/);
    expect(() => clockFromEnv({ MASHANG_NOW: 'tomorrow' })).toThrow(/not a date-time/);
  });

  it('gives the date in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(shanghaiDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });
});
