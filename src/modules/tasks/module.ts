import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoTasks } from './demo.ts';
import { TaskAttachments } from './attachments.ts';
import { EscalationService } from './escalation.ts';
import { TaskEvents } from './events.ts';
import { escalationJob, lightCountersJob } from './jobs.ts';
import { LedgerService } from './ledger-service.ts';
import { taskRoutes } from './routes.ts';
import { TaskService } from './service.ts';
import { TaskStore } from './store.ts';
import { TaskViewStore } from './views-store.ts';
import { TaskViews } from './views.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** The lifecycle; the one other modules call (inside their transaction) and subscribe to. */
    tasks: TaskService;
    /** Workbench, ledger, statistics, trend, responsibility. */
    taskViews: TaskViews;
    /** XLSX ledger out and in, the ICS feed. */
    ledger: LedgerService;
    taskAttachments: TaskAttachments;
    /** The escalation ladder's scan. */
    escalation: EscalationService;
  }
}

/** 督查督办: the supervision engine. */
export const tasksModule: MashangModule<'tasks' | 'taskViews' | 'ledger' | 'taskAttachments' | 'escalation'> = {
  name: 'tasks',
  prefix: '/api/v1/tasks',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, calendar, policy, notify, org, auth }, _modules, opts) {
    const { db } = database;
    // The module's stores, shared by its services; no other module sees them.
    const store = new TaskStore();
    // A password change, reset or deactivation ends the person's secret ICS feed link too.
    auth.onCredentialsRevoked((trx, personId) => store.deleteFeedToken(trx, personId));
    const events = new TaskEvents();
    const tasks = new TaskService(db, clock, calendar, policy, notify, org, store, events);
    const taskViews = new TaskViews(db, clock, calendar, policy, new TaskViewStore(org.unitIds, database.kind));
    return {
      tasks,
      taskViews,
      ledger: new LedgerService(db, clock, org, notify, tasks, taskViews, store, opts.hostName ?? 'mashang.local'),
      taskAttachments: new TaskAttachments(db, tasks, store),
      escalation: new EscalationService(clock, calendar, policy, notify, org, events, store),
    };
  },
  routes: (app, s) => taskRoutes(app, s),
  jobs: (s, opts) => [escalationJob(s.database.db, s.escalation, opts.escalationEveryMs ?? 60_000), lightCountersJob(s.database.db, s.taskViews, 60_000)],
  demo: (s, withClock) => seedDemoTasks(s, withClock),
};
