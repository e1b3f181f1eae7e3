import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { chartSummary, chartTable } from '../lib/chart-table.ts';
import { useT } from '../lib/i18n.ts';

echarts.use([BarChart, GaugeChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartClick = { name?: string; seriesName?: string; seriesId?: string; dataIndex?: number; data?: unknown };

/**
 * An ECharts chart of a fixed height (no layout shift), resized with its box. The canvas is an
 * image named by a summary of its data (or by `alt`), and a 数据表 toggle shows the data as a
 * table; where the chart drills down on a click, each row's label is a button doing the same
 * (keyboard, no sight). The image holds nothing interactive: the toggle and the buttons sit beside
 * it in a figure (wrapping a Chart in role="img" would hide them — axe's nested-interactive).
 */
export function Chart({ option, height = 320, onClick, testId, title = '', alt }: { option: ChartOption; height?: number; onClick?: (p: ChartClick) => void; testId?: string; title?: string; alt?: string }) {
  const t = useT();
  const table = useMemo(() => chartTable(option as Record<string, unknown>), [option]);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  // The latest handler, for the listener bound once below (refs are written after render, not during).
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => click.current?.(p as ChartClick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <figure style={{ margin: 0 }} aria-label={title || undefined}>
      <div ref={el} style={{ height, width: '100%' }} data-testid={testId} role="img" aria-label={alt ?? chartSummary(table, title)} />
      <details>
        <summary style={{ cursor: 'pointer', color: '#0958d9' }}>{t('a11y.chartTable')}</summary>
        <table style={{ borderCollapse: 'collapse', marginTop: 8 }}>
          <thead>
            <tr>
              <th scope="col" style={CELL}>
                {title}
              </th>
              {table.columns.map((c, i) => (
                <th scope="col" key={i} style={CELL}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                <th scope="row" style={{ ...CELL, fontWeight: 'normal' }}>
                  {onClick ? (
                    <button type="button" className="chart-row-button" onClick={() => onClick({ name: r.label, dataIndex: i, seriesName: table.columns[0] })}>
                      {r.label}
                    </button>
                  ) : (
                    r.label
                  )}
                </th>
                {r.values.map((v, j) => (
                  <td key={j} style={{ ...CELL, textAlign: 'end' }}>
                    {v ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const CELL = { border: '1px solid #d9d9d9', padding: '2px 8px' } as const;
