import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Db } from '../platform/db/index.ts';
import type { MashangModule } from '../platform/module.ts';
import { meetingsModule } from './meetings/module.ts';
import { tasksModule } from './tasks/module.ts';

/**
 * Every module of the app, in the order their services are built (a module may use those
 * listed before it). server.ts and cli.ts iterate this list; a new module is added here.
 */
// `MashangModule<never>`: each module provides only its own services (a Pick of ModuleServices);
// as a list they are taken for what they all share, the services each returns merged in server.ts.
export const MODULES: readonly MashangModule<never>[] = [tasksModule, meetingsModule];

/** Applies the platform's and every module's migrations. */
export function migrateAll(db: Db): Promise<string[]> {
  return migrateToLatest(db, MODULES.map((m) => m.migrations));
}
