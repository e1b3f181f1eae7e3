import { afterEach, describe, expect, it } from 'vitest';
import { JOBS_ENV, runsJobs } from './workers.ts';

describe('runsJobs', () => {
  const saved = { jobs: process.env.MASHANG_JOBS, worker: process.env[JOBS_ENV] };
  afterEach(() => {
    for (const [k, v] of [['MASHANG_JOBS', saved.jobs], [JOBS_ENV, saved.worker]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('a lone server runs the jobs; MASHANG_JOBS=0 makes it a node that only serves', () => {
    delete process.env.MASHANG_JOBS;
    expect(runsJobs()).toBe(true);
    process.env.MASHANG_JOBS = '0';
    expect(runsJobs()).toBe(false);
    process.env[JOBS_ENV] = '1'; // even as the workers' jobs worker
    expect(runsJobs()).toBe(false);
    process.env.MASHANG_JOBS = '1';
    expect(runsJobs()).toBe(true);
  });
});
