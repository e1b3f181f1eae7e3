/**
 * The dashboard's numbers, shaped for the charts. Pure: tested without a browser.
 */
import type { Stats, TrendWeek } from './types.ts';

export const LIGHT_ORDER = ['red', 'yellow', 'green', 'done'] as const;

/** Units with the most tasks first, at most `limit` of them. */
export function lightsByUnit(stats: Stats, limit = Infinity) {
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

/** What the trend's tooltip says of a week: the rate with the counts behind it, so 1 of 1 is not read as a trend. */
export function weekSummary(w: TrendWeek, zh: boolean): string {
  if (!w.done) return zh ? `${w.week} 起一周：无办结事项` : `Week of ${w.week}: nothing completed`;
  const rate = Math.round((w.onTime / w.done) * 1000) / 10;
  return zh ? `${w.week} 起一周：按期率 ${rate}%（按期 ${w.onTime} / 办结 ${w.done}）` : `Week of ${w.week}: ${rate}% on time (${w.onTime} of ${w.done} completed)`;
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
