import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GaugeChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartClick = { name?: string; seriesName?: string; seriesId?: string; dataIndex?: number; data?: unknown };

/** An ECharts chart of a fixed height (no layout shift), resized with its box. */
export function Chart({ option, height = 320, onClick, testId }: { option: ChartOption; height?: number; onClick?: (p: ChartClick) => void; testId?: string }) {
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
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
