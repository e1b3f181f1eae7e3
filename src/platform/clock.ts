/**
 * The one source of "now". Everything that needs the time takes a Clock, so tests and demos
 * can start the world at a chosen instant (MASHANG_NOW) and let it run on, or move it by hand.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then advances with real time; `set`/`advance` move it. */
export class OffsetClock implements Clock {
  private offsetMs: number;

  constructor(start: Date, private readonly realNow: () => number = Date.now) {
    this.offsetMs = start.getTime() - realNow();
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.realNow();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * Builds the clock from the environment. MASHANG_NOW is for demos and tests only: a production
 * server whose clock can be moved would make every deadline and audit time meaningless.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env.MASHANG_NOW;
  if (!raw) return systemClock;
  if (env.NODE_ENV === 'production') {
    throw new Error('MASHANG_NOW is refused when NODE_ENV=production: the clock of a production server cannot be moved.');
  }
  const start = new Date(raw);
  if (Number.isNaN(start.getTime())) {
    throw new Error(`MASHANG_NOW="${raw}" is not a date-time; use ISO 8601, e.g. 2026-12-01T09:00:00+08:00.`);
  }
  return new OffsetClock(start);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai, where Mashang's users live. */
export function shanghaiDate(instant: Date): string {
  // UTC+8 all year round (no daylight saving since 1991).
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
