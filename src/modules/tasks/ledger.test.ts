import { describe, expect, it } from 'vitest';
import { describeFilter } from './ledger-service.ts';
import { ledgerTitle } from './ledger.ts';

describe('the exported 台账 title row', () => {
  it('names the unit, the filter in words and the date', () => {
    expect(ledgerTitle({ unitName: '甲县住建局', filter: ['红灯', '重点'], date: '2026-12-01' })).toBe('督办事项台账（甲县住建局 · 筛选：红灯、重点 · 导出日期 2026-12-01）');
    expect(ledgerTitle({ unitName: null, filter: [], date: '2026-12-01' })).toBe('督办事项台账（全部单位 · 导出日期 2026-12-01）');
  });
  it('says every filter of the ledger in words', () => {
    expect(describeFilter({})).toEqual([]);
    expect(
      describeFilter({ light: 'yellow', level: 'major', sourceKind: 'meeting', status: ['assigned', 'signed'], overdue: true, deadlineFrom: '2026-11-01', todo: 'verify', q: '老旧小区改造'.repeat(5) }),
    ).toEqual(['黄灯', '重大', '来源：会议决定', '状态：已交办/已签收', '已逾期', '时限 2026-11-01 至 …', '待办：待审核', `含「${'老旧小区改造'.repeat(5).slice(0, 20)}」`]);
  });
});
