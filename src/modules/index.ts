import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Db } from '../platform/db/index.ts';
import type { MashangModule } from '../platform/module.ts';
import { accountabilityModule } from './accountability/module.ts';
import { channelsModule } from './channels/module.ts';
import { documentsModule } from './documents/module.ts';
import { meetingsModule } from './meetings/module.ts';
import { publicModule } from './public/module.ts';
import { reportsModule } from './reports/module.ts';
import { researchModule } from './research/module.ts';
import { scoreboardModule } from './scoreboard/module.ts';
import { tasksModule } from './tasks/module.ts';

/**
 * Every module of the app, in the order their services are built (a module may use those
 * listed before it). server.ts and cli.ts iterate this list; a new module is added here.
 */
// Each module builds only its own services (MashangModule<its keys>); listed together they build
// them all, so the list holds them without claiming any one module builds every service.
export const MODULES: readonly MashangModule<never>[] = [tasksModule, channelsModule, researchModule, publicModule, documentsModule, meetingsModule, scoreboardModule, accountabilityModule, reportsModule];

/** Applies the platform's and every module's migrations. */
export function migrateAll(db: Db): Promise<string[]> {
  return migrateToLatest(db, MODULES.map((m) => m.migrations));
}
