import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Migrations live beside what they create: the platform's in src/platform/db/migrations and each
 * module's in its own folder (the module registry names it). Names start with YYYYMMDDHHmm, so
 * one sorted list orders them all.
 */
class FoldersMigrationProvider implements MigrationProvider {
  constructor(private readonly moduleFolders: readonly string[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const folders = [path.join(srcDir, 'platform/db/migrations'), ...this.moduleFolders];
    const migrations: Record<string, Migration> = {};
    for (const folder of folders) {
      const files = await readdir(folder).catch(() => [] as string[]);
      for (const file of files) {
        if (!/^\d{12}_[a-z0-9_]+\.ts$/.test(file)) continue;
        const name = file.replace(/\.ts$/, '');
        if (migrations[name]) throw new Error(`Two migrations are named ${name}.`);
        migrations[name] = (await import(pathToFileURL(path.join(folder, file)).href)) as Migration;
      }
    }
    return migrations;
  }
}

/** Applies the platform's migrations and those in `moduleFolders` (see migrateAll in src/modules). */
export async function migrateToLatest(db: Db, moduleFolders: readonly string[]): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FoldersMigrationProvider(moduleFolders) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('A migration failed (it threw a value that is not an Error: see cause).', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
