import type { Clock } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';

type S = PlatformServices & ModuleServices;

/** The demo county's citizens' requests: filled in below. */
export async function seedDemoPublic(_s: S, _withClock: (clock: Clock) => S): Promise<Record<string, number>> {
  return {};
}
