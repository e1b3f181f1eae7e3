import { describe, expect, it } from 'vitest';
import { chartSummary, chartTable } from './chart-table.ts';

describe('chartTable', () => {
  it('reads a category chart as a row per category and a column per series', () => {
    const t = chartTable({
      xAxis: { type: 'category', data: ['县住建局', '县交通局'] },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: '红灯', data: [3, { value: 1 }] },
        { type: 'bar', name: '黄灯', data: [0, null] },
      ],
    });
    expect(t).toEqual({ columns: ['红灯', '黄灯'], rows: [{ label: '县住建局', values: [3, 0] }, { label: '县交通局', values: [1, null] }] });
    expect(chartSummary(t, '红灯排名')).toBe('红灯排名：县住建局 3/0；县交通局 1/—');
  });
  it('reads a horizontal bar chart from its category y axis', () => {
    expect(chartTable({ xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['甲'] }, series: [{ name: 'n', data: [5] }] }).rows).toEqual([{ label: '甲', values: [5] }]);
  });
  it('reads a pie as a row per item', () => {
    expect(chartTable({ series: [{ type: 'pie', name: '来源', data: [{ name: '会议', value: 4 }, { name: '领导批示', value: 2 }] }] })).toEqual({
      columns: ['来源'],
      rows: [{ label: '会议', values: [4] }, { label: '领导批示', values: [2] }],
    });
  });
  it('survives an empty option', () => {
    expect(chartTable({})).toEqual({ columns: [''], rows: [] });
  });
});
