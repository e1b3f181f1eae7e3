import cluster, { type Worker } from 'node:cluster';

/** Set in the one worker that runs the scheduled jobs (and in its replacement). */
export const JOBS_ENV = 'MASHANG_WORKER_JOBS';

/** A worker that dies this many times within CRASH_WINDOW_MS stops the whole server. */
export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 60_000;
/** How long workers get to finish their requests on shutdown before they are killed. */
export const SHUTDOWN_GRACE_MS = 30_000;

export interface WorkersOptions {
  count: number;
  log: (level: 'info' | 'error', msg: string, data?: Record<string, unknown>) => void;
  /** Once, when the first worker listens. */
  onListening?: (port: number) => void | Promise<void>;
}

/**
 * Runs `count` copies of this process as cluster workers sharing one listening port (the primary
 * hands out connections). Worker 0 alone runs the scheduled jobs (env JOBS_ENV); every job is
 * safe on several nodes anyway (advisory lock, leased deliveries), this only saves the work. A
 * worker that dies is replaced, unless workers keep dying (MAX_CRASHES within CRASH_WINDOW_MS):
 * then the primary stops them all and exits with 1, for the service manager to see. SIGTERM and
 * SIGINT are passed on; the primary exits when every worker has.
 */
export function runWorkers(opts: WorkersOptions): Promise<number> {
  const crashes: number[] = [];
  const roles = new Map<Worker, number>();
  let stopping = false;
  let listening = false;
  let code = 0;
  const fork = (index: number) => {
    const w = cluster.fork(index === 0 ? { [JOBS_ENV]: '1' } : {});
    roles.set(w, index);
    w.on('listening', (address) => {
      if (listening) return;
      listening = true;
      Promise.resolve(opts.onListening?.(address.port)).catch((err: unknown) => opts.log('error', 'after the workers started', { err: String(err) }));
    });
  };
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals, exitCode: number) => {
      if (stopping) return;
      stopping = true;
      code = exitCode;
      opts.log('info', 'stopping workers', { signal });
      for (const w of roles.keys()) w.process.kill(signal);
      setTimeout(() => {
        for (const w of roles.keys()) w.process.kill('SIGKILL');
      }, SHUTDOWN_GRACE_MS).unref();
    };
    cluster.on('exit', (w, exitCode, signal) => {
      const index = roles.get(w) ?? 0;
      roles.delete(w);
      if (stopping) {
        if (roles.size === 0) resolve(code);
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      opts.log('error', 'worker exited', { worker: index, code: exitCode, signal });
      if (crashes.length >= MAX_CRASHES) {
        opts.log('error', `workers keep exiting (${crashes.length} within ${CRASH_WINDOW_MS / 1000} s): stopping`);
        if (roles.size === 0) {
          resolve(1);
          return;
        }
        stop('SIGTERM', 1);
        return;
      }
      fork(index);
    });
    process.on('SIGTERM', () => stop('SIGTERM', 0));
    process.on('SIGINT', () => stop('SIGINT', 0));
    for (let i = 0; i < opts.count; i++) fork(i);
  });
}

/**
 * Whether this process should run the scheduled jobs: a lone server, or the jobs worker — unless
 * `MASHANG_JOBS=0` makes it a node that only serves (several nodes on one database: one runs the
 * jobs; the benchmarks measure requests without the start-up jobs beside them).
 */
export function runsJobs(): boolean {
  if (process.env.MASHANG_JOBS === '0') return false;
  return cluster.isPrimary || process.env[JOBS_ENV] === '1';
}
