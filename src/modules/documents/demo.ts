import type { ModuleServices, PlatformServices } from '../../platform/module.ts';

/** The demo county's documents over the last year (filled in below). */
export async function seedDemoDocuments(_services: PlatformServices & ModuleServices): Promise<{ documents: number }> {
  return { documents: 0 };
}
