/**
 * The dashboard's numbers, shaped for the charts. Pure: tested without a browser.
 */
import type { Stats, TrendWeek } from './types.ts';

export const LIGHT_ORDER = ['red', 'yellow', 'green', 'done'] as const;

/** Units with the most tasks first, at most `limit` of them. */
export function lightsByUnit(stats: Stats, limit = 15) {
  const units = stats.units.slice(0, limit);
  return {
    units: units.map((u) => ({ id: u.unitId, name: u.unitName })),
    series: LIGHT_ORDER.map((light) => ({ light, data: units.map((u) => u.byLight[light] ?? 0) })),
  };
}

/** Units by red (overdue or late) tasks, most first; units with none are left out. */
export function overdueRanking(stats: Stats, limit = 10) {
  return stats.units
    .map((u) => ({ id: u.unitId, name: u.unitName, red: u.byLight.red ?? 0 }))
    .filter((u) => u.red > 0)
    .sort((a, b) => b.red - a.red || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
}

/** On-time rate per week in percent (null for weeks with nothing verified). */
export function onTimeRates(weeks: TrendWeek[]): (number | null)[] {
  return weeks.map((w) => (w.done ? Math.round((w.onTime / w.done) * 1000) / 10 : null));
}

/** The overall on-time rate over the weeks, in percent, or null when nothing was verified. */
export function overallOnTime(weeks: TrendWeek[]): number | null {
  const done = weeks.reduce((s, w) => s + w.done, 0);
  return done ? Math.round((weeks.reduce((s, w) => s + w.onTime, 0) / done) * 1000) / 10 : null;
}

/** Escalations fired over the weeks, per level. */
export function escalationTotals(weeks: TrendWeek[], levels: readonly string[]): number[] {
  return levels.map((l) => weeks.reduce((s, w) => s + (w.escalations[l] ?? 0), 0));
}
