import { describe, expect, it } from 'vitest';
import { configFromEnv, MAX_WORKERS, parseWorkers } from './config.ts';

describe('configuration', () => {
  it('takes a worker count of 1 … MAX_WORKERS, one when unset, and refuses anything else by name', () => {
    expect(configFromEnv({}).workers).toBe(1);
    expect(configFromEnv({ MASHANG_WORKERS: '' }).workers).toBe(1);
    expect(configFromEnv({ MASHANG_WORKERS: '4' }).workers).toBe(4);
    expect(parseWorkers(String(MAX_WORKERS), '--workers')).toBe(MAX_WORKERS);
    for (const bad of ['0', '-1', '1.5', 'two', String(MAX_WORKERS + 1)]) {
      expect(() => parseWorkers(bad, '--workers')).toThrow(`--workers="${bad}" is not a number of workers (1–${MAX_WORKERS}).`);
    }
    expect(() => configFromEnv({ MASHANG_WORKERS: 'all' })).toThrow(/MASHANG_WORKERS="all"/);
  });
});
