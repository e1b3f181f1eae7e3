import { describe, expect, it } from 'vitest';
import { Scheduler } from './jobs.ts';

describe('Scheduler', () => {
  it('runs at once, never overlaps a run, and stop() waits for the run under way', async () => {
    const scheduler = new Scheduler();
    let runs = 0;
    let finished = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    scheduler.every(
      5,
      async () => {
        runs += 1;
        await gate;
        finished += 1;
      },
      () => {},
    );
    await new Promise((r) => setTimeout(r, 30)); // several intervals pass while the first run waits
    expect(runs).toBe(1);
    const stopped = scheduler.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(1); // no run after stop
  });

  it('stop() gives up waiting after the grace period', async () => {
    const scheduler = new Scheduler();
    scheduler.every(1000, () => new Promise(() => {}), () => {});
    await scheduler.stop(20); // resolves although the run never ends
  });
});
