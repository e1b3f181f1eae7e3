import { describe, expect, it } from 'vitest';
import { configFromEnv, hostNameFrom, MAX_WORKERS, parseWorkers } from './config.ts';

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

  it('takes a host name for identifiers, mashang.local when unset, and refuses what is not one', () => {
    expect(configFromEnv({}).hostName).toBe('mashang.local');
    expect(hostNameFrom('Duban.XX.gov.cn')).toBe('duban.xx.gov.cn');
    for (const bad of ['evil.example:8080', 'a b', '-x.cn', 'x..cn', 'x/y', 'a'.repeat(64)]) expect(() => hostNameFrom(bad)).toThrow(/MASHANG_HOST_NAME/);
  });
});
