import type { Clock } from '../../platform/clock.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';

type Services = PlatformServices & ModuleServices;

/** The demo county's places and a year of field visits. */
export async function seedDemoResearch(_s: Services, _withClock: (clock: Clock) => Services): Promise<Record<string, number>> {
  return { places: 0, visits: 0 };
}
