import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Chart } from '../components/Chart.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { EmptyState, ErrorState } from '../components/States.tsx';
import { api } from '../lib/api.ts';
import { escalationTotals, lightsByUnit, onTimeRates, overallOnTime, overdueRanking, weekSummary } from '../lib/charts.ts';
import { ESCALATION, LIGHT_HEX, lightName } from '../lib/format.ts';
import { colon, useLang, useT } from '../lib/i18n.ts';
import type { EscalationLevel, Stats, Trend } from '../lib/types.ts';

const LEVELS = Object.keys(ESCALATION) as EscalationLevel[];

export default function Dashboard() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<number | undefined>();
  const stats = useQuery({ queryKey: ['tasks', 'stats', unitId], queryFn: () => api.get<Stats>('/api/v1/tasks/stats', { unitId }) });
  const trend = useQuery({ queryKey: ['tasks', 'trend', unitId], queryFn: () => api.get<Trend>('/api/v1/tasks/stats/trend', { unitId, weeks: 12 }).then((r) => r.weeks) });
  const ledger = (q: Record<string, string | number>) => void navigate(`/tasks?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`);

  const byUnit = useMemo(() => (stats.data ? lightsByUnit(stats.data) : null), [stats.data]);
  const ranking = useMemo(() => (stats.data ? overdueRanking(stats.data) : []), [stats.data]);
  const lightsOption = useMemo(
    () =>
      byUnit && {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: byUnit.units.map((u) => u.name) },
        series: byUnit.series.map((s) => ({ type: 'bar', stack: 'lights', name: lightName(s.light, lang), id: s.light, itemStyle: { color: LIGHT_HEX[s.light] }, data: s.data })),
      },
    [byUnit, lang],
  );
  const weeks = useMemo(() => trend.data ?? [], [trend.data]);
  const rates = useMemo(() => onTimeRates(weeks), [weeks]);
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', formatter: (ps: { dataIndex: number }[]) => (weeks[ps[0]?.dataIndex ?? -1] ? weekSummary(weeks[ps[0]!.dataIndex]!, lang === 'zh') : '') },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
      // The whole Monday, year included: a 12-week trend can cross New Year.
      xAxis: { type: 'category', data: weeks.map((w) => w.week) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', minInterval: 1 },
      ],
      series: [
        { type: 'line', name: t('dash.onTimeRate'), data: rates, connectNulls: true, itemStyle: { color: '#c62828' } },
        { type: 'bar', name: t('dash.done'), yAxisIndex: 1, data: weeks.map((w) => w.done), itemStyle: { color: '#91caff' } },
      ],
    }),
    [weeks, rates, t, lang],
  );
  const rankingOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: ranking.map((r) => r.name) },
      series: [{ type: 'bar', name: lightName('red', lang), data: ranking.map((r) => r.red), itemStyle: { color: LIGHT_HEX.red }, label: { show: true, position: 'right' } }],
    }),
    [ranking, lang],
  );
  const escalationOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: weeks.map((w) => w.week) },
      yAxis: { type: 'value', minInterval: 1 },
      series: LEVELS.map((l, i) => ({ type: 'bar', stack: 'esc', name: ESCALATION[l][lang === 'zh' ? 0 : 1], data: weeks.map((w) => w.escalations[l] ?? 0), itemStyle: { color: ['#ffd666', '#ffa940', '#fa541c', '#cf1322', '#820014'][i] } })),
    }),
    [weeks, lang],
  );
  const totals = stats.data?.totals;
  const overall = overallOnTime(weeks);
  const escTotals = escalationTotals(weeks, LEVELS);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.dashboard')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dash.drill')}</Typography.Text>
        </Col>
        <Col xs={24} sm={10} md={8}>
          <UnitPicker value={unitId ?? null} onChange={(v: number | undefined) => setUnitId(v ?? undefined)} placeholder={t('ledger.unit')} aria-label={t('ledger.unit')} />
        </Col>
      </Row>
      {(stats.isError || trend.isError) && <ErrorState error={stats.error ?? trend.error} onRetry={() => (stats.refetch(), trend.refetch())} />}
      <Row gutter={[16, 16]}>
        {[
          { title: t('dash.totals'), value: totals?.total, onClick: () => ledger(unitId ? { unitId } : {}) },
          { title: t('dash.openRed'), value: totals?.byLight.red ?? 0, color: '#c41d1d', onClick: () => ledger({ ...(unitId ? { unitId } : {}), light: 'red' }) },
          { title: lightName('yellow', lang), value: totals?.byLight.yellow ?? 0, color: '#8a5300', onClick: () => ledger({ ...(unitId ? { unitId } : {}), light: 'yellow' }) },
          { title: t('dash.onTimeRate'), value: overall ?? '—', suffix: overall === null ? '' : '%' },
        ].map((s) => (
          <Col xs={12} md={6} key={s.title}>
            <Card hoverable={!!s.onClick} size="small">
              {/* A drill-down is a button (Tab and Enter), not a clickable card. */}
              {s.onClick ? (
                <button type="button" onClick={s.onClick} className="stat-button">
                  <Statistic title={s.title} value={s.value ?? 0} suffix={s.suffix} loading={stats.isPending} styles={{ content: { color: s.color } }} />
                </button>
              ) : (
                <Statistic title={s.title} value={s.value ?? 0} suffix={s.suffix} loading={stats.isPending} styles={{ content: { color: s.color } }} />
              )}
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <Card title={t('dash.lightsByUnit')} size="small">
            {stats.isPending ? (
              <Skeleton.Node active style={{ width: '100%', height: 360 }} />
            ) : byUnit && byUnit.units.length ? (
              // Every unit, 26 px a bar, scrolling past 360 px (a county has 34 units and more).
              <div style={{ maxHeight: 360, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('dash.lightsByUnit')}>
                <Chart
                  option={lightsOption!}
                  height={Math.max(360, 40 + 26 * byUnit.units.length)}
                  testId="chart-lights"
                  onClick={(p) => {
                    const u = byUnit.units[p.dataIndex ?? -1];
                    if (u) ledger({ unitId: u.id, ...(p.seriesId ? { light: p.seriesId } : {}) });
                  }}
                />
              </div>
            ) : (
              <div style={{ height: 360, display: 'grid', placeItems: 'center' }}><EmptyState /></div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dash.onTime')} size="small">
            <Typography.Text type="secondary">{t('dash.onTimeHow')}</Typography.Text>
            {trend.isPending ? <Skeleton.Node active style={{ width: '100%', height: 336 }} /> : <Chart option={trendOption} height={336} testId="chart-trend" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dash.overdueRanking')} size="small">
            {stats.isPending ? (
              <Skeleton.Node active style={{ width: '100%', height: 320 }} />
            ) : ranking.length ? (
              <Chart option={rankingOption} height={320} testId="chart-ranking" onClick={(p) => { const r = ranking[p.dataIndex ?? -1]; if (r) ledger({ unitId: r.id, light: 'red' }); }} />
            ) : (
              <div style={{ height: 320, display: 'grid', placeItems: 'center' }}><EmptyState /></div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`${t('dash.escalations')}${colon(lang)}${escTotals.reduce((a, b) => a + b, 0)}`} size="small">
            {trend.isPending ? <Skeleton.Node active style={{ width: '100%', height: 320 }} /> : <Chart option={escalationOption} height={320} testId="chart-escalations" />}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
