import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { configFromEnv, parseWorkers, type Config } from './config.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo, type DemoSummary } from './demo/seed.ts';
import { archiveAudit, verifyAudit, verifyAuditArchive, type AuditContext } from './platform/audit/audit.ts';
import { parseScheduleFile } from './platform/calendar/service.ts';
import { clockFromEnv } from './platform/clock.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/index.ts';
import { backup, BackupError, restore } from './platform/db/backup.ts';
import { lockDataDir } from './platform/db/lock.ts';
import { migrateAll } from './modules/index.ts';
import { AppError } from './platform/errors.ts';
import { smtpChannel } from './platform/notify/channels.ts';
import { importOrg } from './platform/org/import.ts';
import { Scheduler } from './platform/jobs.ts';
import { runsJobs, runWorkers } from './platform/workers.ts';
import { pino } from 'pino';
import { buildApp, createServices, seedModuleDemos, type Services } from './server.ts';

const cliContext = (services: Services, what: string): AuditContext => ({ actorId: null, actorLogin: `cli:${what}`, clientIp: null, now: services.clock.now() });

/** Opens the configured database (locking a PGlite folder) and migrates it. */
async function open(config: Config): Promise<{ handle: DatabaseHandle; release: () => Promise<void> }> {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateAll(handle.db);
    return {
      handle,
      release: async () => {
        await handle.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Runs a command against the database with the services wired, then closes it. */
async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const { handle, release } = await open(config);
  try {
    return await fn(createServices({ database: handle, clock: clockFromEnv(), hostName: config.hostName, publicUrl: config.publicUrl, outboundAllow: config.outboundAllow }));
  } finally {
    await release();
  }
}

const SHOWN_LOGINS = ['admin', 'duchashi', 'xianzhang', 'shuji', 'fuxianzhang1', 'jyj.head', 'jyj.staff1', 'cgz.head', 'cgz.staff1'];

/** The demo accounts the start-up message shows, as they are in the database. */
async function demoLogins(services: Services): Promise<DemoSummary['logins']> {
  const demo = await services.database.db
    .selectFrom('person as p')
    .innerJoin('unit as u', 'u.id', 'p.unitId')
    .select(['p.login', 'p.name', 'p.title', 'u.name as unit'])
    .where('p.login', 'in', SHOWN_LOGINS)
    .execute();
  return demo.map((d) => ({ login: d.login, name: d.name, title: d.title ?? '', unit: d.unit }));
}

function printLogins(summary: Pick<DemoSummary, 'logins'>, port: number) {
  const lines = [
    '',
    `  示范县 demo county — open http://localhost:${port}  (API docs: /api/docs)`,
    `  Every demo account's password: ${DEMO_PASSWORD}`,
    '',
    ...summary.logins.filter((l) => SHOWN_LOGINS.includes(l.login)).map((l) => `    ${l.login.padEnd(14)} ${l.title}  ${l.name}  (${l.unit})`),
    '    …and for every unit <code>.head and <code>.staff1…N, e.g. jyj.head, jyj.staff1 (README lists the codes)',
    '',
  ];
  console.log(lines.join('\n'));
}

const program = new Command().name('mashang').description('马上 Mashang: agency-efficiency supervision platform');

program
  .command('serve')
  .description('Migrate, then serve the API (PORT, DATABASE_URL or MASHANG_DATA_DIR, MASHANG_NOW)')
  .option('--demo', 'seed the demo county when the database is empty, and print its logins')
  .option('--workers <n>', 'HTTP worker processes sharing the port (PostgreSQL server only; MASHANG_WORKERS)')
  .action(async (opts: { demo?: boolean; workers?: string }) => {
    const config = configFromEnv();
    const workers = opts.workers === undefined ? config.workers : parseWorkers(opts.workers, '--workers');
    if (workers > 1 && cluster.isPrimary) {
      process.exitCode = await serveWorkers(config, workers, !!opts.demo);
      return;
    }
    const clock = clockFromEnv();
    const { handle, release } = await open(config);
    const email = config.smtpUrl ? smtpChannel(config.smtpUrl, config.mailFrom) : null;
    const { app, services } = await buildApp({
      database: handle,
      clock,
      email,
      escalationEveryMs: config.escalationEveryMs,
      hostName: config.hostName,
      publicUrl: config.publicUrl,
      outboundAllow: config.outboundAllow,
      secureCookies: config.secureCookies,
      logger: { level: config.logLevel },
    });
    let summary: DemoSummary | null = null;
    // As a worker, the primary has seeded and will print the logins.
    if (opts.demo && cluster.isPrimary && (await isEmpty(services))) {
      summary = await seedDemo(services);
      const made = await seedModuleDemos(services);
      app.log.info({ units: summary.units, people: summary.people, ...made }, 'seeded the demo county');
    }
    // Every scheduled job runs at start and then on its interval (escalation: every minute); with
    // several workers, in one of them.
    const scheduler = new Scheduler();
    const jobs = runsJobs() ? services.jobs : [];
    if (jobs.length) app.log.info({ jobs: jobs.map((j) => j.name) }, 'running the scheduled jobs');
    for (const job of jobs) {
      scheduler.every(
        job.everyMs,
        async () => {
          const line = await job.run();
          if (line) app.log.info({ job: job.name }, line);
        },
        (err) => app.log.error({ err, job: job.name }, 'job failed'),
      );
    }
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      await scheduler.stop();
      await app.close();
      await services.notify.idle();
      email?.close();
      await release();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as { port: number }).port;
    if (opts.demo && cluster.isPrimary) {
      summary ??= { units: 0, people: 0, logins: await demoLogins(services) };
      printLogins(summary, port);
    }
  });

/**
 * `serve` with several workers: the primary migrates (and seeds the demo county) once, then runs
 * the workers (platform/workers.ts) and prints the demo logins when the first one listens.
 */
async function serveWorkers(config: Config, count: number, demo: boolean): Promise<number> {
  if (!config.databaseUrl) {
    console.error('More than one worker needs a PostgreSQL server (DATABASE_URL): the embedded database belongs to one process.');
    return 2;
  }
  let summary: Pick<DemoSummary, 'logins'> | null = null;
  await withServices(async (services) => {
    if (demo && (await isEmpty(services))) {
      summary = await seedDemo(services);
      await seedModuleDemos(services);
    }
  });
  const log = pino({ level: config.logLevel });
  return runWorkers({
    count,
    log: (level, msg, data) => log[level](data ?? {}, msg),
    onListening: async (port) => {
      log.info({ workers: count, port }, 'workers listening');
      if (!demo) return;
      summary ??= await withServices(async (services) => ({ logins: await demoLogins(services) }));
      printLogins(summary, port);
    },
  });
}

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const config = configFromEnv();
    const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrateAll(handle.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
    } finally {
      await handle.close();
      unlock();
    }
  });

program
  .command('seed')
  .description('Seed data into an empty database')
  .option('--demo', 'the demo county 示范县')
  .action(async (opts: { demo?: boolean }) => {
    if (!opts.demo) throw new AppError(400, 'VALIDATION', 'Say what to seed: mashang seed --demo');
    await withServices(async (services) => {
      const summary = await seedDemo(services);
      const made = await seedModuleDemos(services);
      const work = made.tasks ?? {};
      console.log(`Seeded 示范县: ${summary.units} units, ${summary.people} people, ${work.tasks ?? 0} tasks (${work.escalations ?? 0} escalations). Password for every account: ${DEMO_PASSWORD}`);
    });
  });

const jobsCmd = program.command('jobs').description('Scheduled jobs, run once by hand');
jobsCmd
  .command('list')
  .description('The scheduled jobs and how often the server runs them')
  .action(async () => {
    await withServices(async (services) => {
      for (const job of services.jobs) console.log(`${job.name.padEnd(12)} every ${job.everyMs / 1000} s  ${job.description}`);
    });
  });
jobsCmd
  .command('run <job>')
  .description('Run one job and exit (e.g. escalation: the overdue scan)')
  .action(async (name: string) => {
    await withServices(async (services) => {
      const job = services.jobs.find((j) => j.name === name);
      if (!job) throw new AppError(400, 'VALIDATION', `Unknown job "${name}"; known: ${services.jobs.map((j) => j.name).join(', ')}.`);
      console.log(`${job.name}: ${(await job.run()) ?? 'nothing to do'}`);
      await services.notify.deliverDue();
    });
  });

const importCmd = program.command('import').description('Import data from files');
importCmd
  .command('org <file>')
  .description('Units and people from .xlsx (sheets 单位, 人员) or .csv; all rows or none')
  .action(async (file: string) => {
    const content = await readFile(file);
    await withServices(async (services) => {
      const report = await importOrg(services.database.db, services.org, cliContext(services, 'import'), path.basename(file), content);
      console.log(`Imported ${report.units} units and ${report.people} people. Imported people have no password yet: set one with PUT /api/v1/people/:id/password.`);
    });
  });

const calendarCmd = program.command('calendar').description('The working-day calendar');
calendarCmd
  .command('import <file>')
  .description('Import or correct years: JSON {holidays, workdays} or CSV lines date,holiday|workday,name')
  .action(async (file: string) => {
    const byYear = parseScheduleFile(await readFile(file, 'utf8'), file);
    await withServices(async (services) => {
      for (const [year, schedule] of byYear) {
        await services.calendar.importYear(cliContext(services, 'calendar'), year, schedule, `imported from ${path.basename(file)}`);
        console.log(`${year}: ${Object.keys(schedule.holidays).length} holidays, ${Object.keys(schedule.workdays).length} makeup working days.`);
      }
      const missing = await services.calendar.missingYears();
      if (missing.length) console.log(`Still missing: ${missing.join(', ')}`);
    });
  });

const auditCmd = program.command('audit').description('The hash-chained audit log');
auditCmd
  .command('verify')
  .description('Check every link of the chain; report the first broken one')
  .action(async () => {
    const result = await withServices((services) => verifyAudit(services.database.db));
    // Set after the database is closed: closing the embedded one resets process.exitCode.
    if (result.ok) console.log(`Audit chain intact: ${result.checked} entries verified.`);
    else {
      console.error(`Audit chain BROKEN at entry ${result.firstBroken!.link} of chain ${result.firstBroken!.chain}${result.firstBroken!.seq ? ` (seq ${result.firstBroken!.seq})` : ''}: ${result.firstBroken!.reason} (${result.checked} entries verified before it).`);
      process.exitCode = 1;
    }
  });

auditCmd
  .command('archive <file>')
  .description('Move the entries older than --before (and the policy\'s audit.keepMonths) out of the database into FILE')
  .requiredOption('--before <date>', 'YYYY-MM-DD: entries before this day (Asia/Shanghai) are archived')
  .action(async (file: string, opts: { before: string }) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(opts.before) ? new Date(`${opts.before}T00:00:00Z`) : null;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== opts.before) {
      console.error(`--before must be a date, YYYY-MM-DD (got ${opts.before}).`);
      process.exitCode = 2;
      return;
    }
    const refused = await withServices(async (services) => {
      const now = services.clock.now();
      const before = new Date(`${opts.before}T00:00:00+08:00`);
      const { keepMonths } = (await services.policy.forUnitPath('/')).audit;
      const earliest = new Date(now);
      earliest.setUTCMonth(earliest.getUTCMonth() - keepMonths);
      if (before > earliest) return `The policy keeps audit entries ${keepMonths} months (audit.keepMonths): --before may be ${earliest.toISOString().slice(0, 10)} at the latest.`;
      const result = await archiveAudit(services.database.db, { before, file: path.resolve(file), now });
      if (result.entries === 0) console.log(`No audit entries before ${opts.before}; nothing archived, no file written.`);
      else console.log(`Archived ${result.entries} audit entries before ${opts.before} to ${file} (sha256 ${result.sha256}); the chains go on from there (audit verify).`);
      return null;
    });
    if (refused) {
      console.error(refused);
      process.exitCode = 2;
    }
  });

auditCmd
  .command('verify-archive <file>')
  .description('Check an archive file written by `audit archive`: every link and hash')
  .action(async (file: string) => {
    if (!existsSync(file)) {
      console.error(`No such file: ${file}`);
      process.exitCode = 2;
      return;
    }
    const result = await verifyAuditArchive(path.resolve(file));
    if (result.ok) console.log(`Archive intact: ${result.entries} entries verified (sha256 ${result.sha256}).`);
    else {
      console.error(`Archive BROKEN: ${result.problem} (${result.entries} entries verified before it).`);
      process.exitCode = 1;
    }
  });

program
  .command('backup <file>')
  .description('Write the whole database to FILE (PGlite: stop the server first; PostgreSQL: pg_dump)')
  .action(async (file: string) => {
    const config = configFromEnv();
    const { handle, release } = await open(config);
    try {
      const h = await backup(handle, path.resolve(file), config.databaseUrl, clockFromEnv().now());
      console.log(`Backup written to ${file}: ${h.db}, ${h.size} bytes, ${h.audit.seq} audit entries, sha256 ${h.sha256.slice(0, 16)}…`);
    } finally {
      await release();
    }
  });

program
  .command('restore <file>')
  .description('Replace the database with a backup; a corrupt or mismatched file changes nothing')
  .action(async (file: string) => {
    const config = configFromEnv();
    const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
    try {
      const h = await restore(path.resolve(file), { kind: config.databaseUrl ? 'postgres' : 'pglite', dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateAll(handle.db);
        const check = await verifyAudit(handle.db);
        console.log(`Restored the backup of ${h.createdAt}. Audit chain ${check.ok ? `intact: ${check.checked} entries verified` : `BROKEN: ${check.firstBroken?.reason}`}.`);
        if (!check.ok) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    } catch (err) {
      if (err instanceof BackupError) throw new AppError(400, 'BACKUP_INVALID', err.message);
      throw err;
    } finally {
      unlock();
    }
  });

const tokenCmd = program.command('token').description('API tokens for integrations');
tokenCmd
  .command('create <login> <name>')
  .description('Issue an API token acting as <login>; prints the secret once')
  .action(async (login: string, name: string) => {
    await withServices(async (services) => {
      const person = await services.database.db.selectFrom('person').select(['id', 'active']).where('login', '=', login).executeTakeFirst();
      if (!person?.active) throw new AppError(404, 'PERSON_NOT_FOUND', `No active person with login ${login}.`);
      const t = await services.auth.createApiToken(cliContext(services, 'token'), person.id, name);
      console.log(t.token);
    });
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? `mashang: ${err.message}` : err);
  process.exit(1);
});
