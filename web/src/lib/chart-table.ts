/**
 * An ECharts option read back as a table (issue #23: every chart has a text alternative and
 * its data without sight or colour). Category charts give a row per category and a column per
 * series; pies and gauges a row per item.
 */
export interface ChartTable {
  columns: string[];
  rows: { label: string; values: (string | number | null)[] }[];
}

type Obj = Record<string, unknown>;
const asArray = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : v && typeof v === 'object' ? [v as Obj] : []);
const value = (d: unknown): string | number | null => {
  if (d === null || d === undefined || d === '-') return null;
  if (typeof d === 'number' || typeof d === 'string') return d;
  if (Array.isArray(d)) return value(d[d.length - 1]);
  if (typeof d === 'object' && 'value' in d) return value((d).value);
  return null;
};
const str = (v: unknown, fallback: string): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);
const name = (d: unknown, i: number): string => (d && typeof d === 'object' && 'name' in d ? String((d).name) : String(i + 1));

export function chartTable(option: Record<string, unknown>): ChartTable {
  const series = asArray(option.series);
  const axes = [...asArray(option.xAxis), ...asArray(option.yAxis)];
  const category = axes.find((a) => a.type === 'category' && Array.isArray(a.data));
  if (category) {
    const labels = (category.data as unknown[]).map((c, i) => (c && typeof c === 'object' ? name(c, i) : String(c)));
    return {
      columns: series.map((s, i) => str(s.name, String(i + 1))),
      rows: labels.map((label, i) => ({ label, values: series.map((s) => value((s.data as unknown[] | undefined)?.[i])) })),
    };
  }
  // Pies and gauges: one row per item of every series.
  const rows = series.flatMap((s) => ((s.data as unknown[] | undefined) ?? []).map((d, i) => ({ label: name(d, i), values: [value(d)] })));
  return { columns: [series.length === 1 ? str(series[0]!.name, '') : ''], rows };
}

/** A one-sentence text alternative: what the chart shows and its largest values. */
export function chartSummary(t: ChartTable, title: string): string {
  const parts = t.rows.slice(0, 8).map((r) => `${r.label} ${r.values.map((v) => v ?? '—').join('/')}`);
  return `${title}${title ? '：' : ''}${parts.join('；')}${t.rows.length > 8 ? '…' : ''}`;
}
