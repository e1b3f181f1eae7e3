import { PlusOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, InputNumber, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { api } from '../lib/api.ts';
import { canAssign, useMe } from '../lib/auth.ts';
import { colon, useLang, useT } from '../lib/i18n.ts';
import { chinaText, kindName, MEETING_KIND, MEETING_STATUS, meetingFiltersToParams, meetingQuery, meetingStatusName, parseMeetingFilters, percent, STATUS_COLOR, type MeetingFilters } from '../lib/meetings.ts';
import type { MeetingPage, MeetingStats } from '../lib/types.ts';

const options = (names: Record<string, readonly [string, string]>, lang: 'zh' | 'en') => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));
type Row = MeetingPage['items'][number];

/** 会议: the meetings list (filters in the URL) and the statistics, as tabs. */
export default function Meetings() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'stats' ? 'stats' : 'list';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.meetings')}
          </Typography.Title>
        </Col>
        {canAssign(me.data) && (
          <Col>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/meetings/new')} data-testid="mtg-new">
              {t('mtg.new')}
            </Button>
          </Col>
        )}
      </Row>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const p = new URLSearchParams(params);
          if (k === 'stats') p.set('tab', 'stats');
          else p.delete('tab');
          setParams(p, { replace: true });
        }}
        items={[
          { key: 'list', label: t('mtg.list'), children: tab === 'list' ? <MeetingList /> : null },
          { key: 'stats', label: t('mtg.stats'), children: tab === 'stats' ? <MeetingStatsView /> : null },
        ]}
      />
    </Space>
  );
}

function MeetingList() {
  const t = useT();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseMeetingFilters(params), [params]);
  const set = (patch: Partial<MeetingFilters>) => setParams(meetingFiltersToParams({ ...filters, ...patch }), { replace: true });
  const q = useInfiniteQuery({
    queryKey: ['meetings', 'list', filters],
    queryFn: ({ pageParam }) => api.get<MeetingPage>('/api/v1/meetings', { ...meetingQuery(filters), cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={6}>
            <UnitPicker id="mtg-filter-unit" aria-label={t('mtg.organizer')} value={filters.unitId ?? null} onChange={(v: number | undefined) => set({ unitId: v ?? undefined })} placeholder={t('mtg.organizer')} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select id="mtg-filter-kind" allowClear placeholder={t('mtg.kind')} aria-label={t('mtg.kind')} value={filters.kind} onChange={(v) => set({ kind: v })} options={options(MEETING_KIND, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select id="mtg-filter-status" allowClear placeholder={t('mtg.status')} aria-label={t('mtg.status')} value={filters.status} onChange={(v) => set({ status: v })} options={options(MEETING_STATUS, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <InputNumber id="mtg-filter-year" placeholder={t('mtg.year')} aria-label={t('mtg.year')} min={1900} max={2999} value={filters.year ?? null} onChange={(v) => set({ year: v ?? undefined })} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={12} lg={7}>
            <Input.Search key={filters.q ?? ''} defaultValue={filters.q} allowClear placeholder={t('mtg.q')} aria-label={t('mtg.q')} onSearch={(v) => set({ q: v.trim() || undefined })} />
          </Col>
        </Row>
      </Card>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid="mtg-table"
          columns={[
            { title: t('mtg.title'), dataIndex: 'title', render: (v: string, m) => <Link to={`/meetings/${m.id}`}>{v}</Link> },
            { title: t('mtg.time'), render: (_, m) => chinaText(m.startsAt), width: 150 },
            { title: t('mtg.organizer'), render: (_, m) => m.organizerUnit.name, width: 160 },
            { title: t('mtg.kind'), render: (_, m) => kindName(m.kind, lang), width: 140 },
            { title: t('mtg.length'), render: (_, m) => `${m.slotMinutes} ${lang === 'zh' ? '分钟' : 'min'}`, align: 'right', width: 90 },
            {
              title: t('mtg.findings'),
              width: 130,
              render: (_, m) => {
                const b = m.findings.filter((f) => f.severity === 'block').length;
                const w = m.findings.length - b;
                if (!m.findings.length) return '—';
                return (
                  <Space size={4} wrap>
                    {b > 0 && <Tag color="error" icon={<StopOutlined />}>{`${t('mtg.block')} ${b}`}</Tag>}
                    {w > 0 && <Tag color="warning" icon={<WarningOutlined />}>{`${t('mtg.warn')} ${w}`}</Tag>}
                  </Space>
                );
              },
            },
            { title: t('mtg.decisionCount'), dataIndex: 'decisionCount', align: 'right', width: 90 },
            { title: t('mtg.status'), render: (_, m) => <Tag color={STATUS_COLOR[m.status]} data-status={m.status}>{meetingStatusName(m.status, lang)}</Tag>, width: 110 },
          ]}
        />
      )}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
    </Space>
  );
}

function MeetingStatsView() {
  const t = useT();
  const { lang } = useLang();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const q = useQuery({ queryKey: ['meetings', 'stats', unitId, year], queryFn: () => api.get<MeetingStats>('/api/v1/meetings/stats', { unitId, year }) });
  const s = q.data;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('stats.lastYear'), t('stats.thisYear')] },
      grid: { left: 40, right: 16, bottom: 70, top: 40 },
      xAxis: { type: 'category', data: (s?.byKind ?? []).map((k) => kindName(k.kind, lang)), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('stats.lastYear'), type: 'bar', data: (s?.byKind ?? []).map((k) => k.lastYear), itemStyle: { color: '#8c8c8c', decal: { symbol: 'line' } } },
        { name: t('stats.thisYear'), type: 'bar', data: (s?.byKind ?? []).map((k) => k.thisYear), itemStyle: { color: '#c62828' } },
      ],
      aria: { enabled: true },
    }),
    [s, lang, t],
  );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const stat = (title: string, value: string | number | null | undefined, testId?: string) => (
    <Col xs={12} md={8} lg={6}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value ?? '—'} loading={q.isPending} />
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="mtg-stats">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={14} md={10}>
          <UnitPicker id="mtg-stats-unit" aria-label={t('stats.unit')} value={unitId ?? null} onChange={(v: number | undefined) => setUnitId(v ?? undefined)} placeholder={t('stats.unit')} />
        </Col>
        <Col xs={24} sm={10} md={6}>
          <InputNumber id="mtg-stats-year" aria-label={t('mtg.year')} placeholder={s ? String(s.year) : t('mtg.year')} min={1900} max={2999} value={year ?? null} onChange={(v) => setYear(v ?? undefined)} style={{ width: '100%' }} />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        {stat(`${t('stats.total')} · ${t('stats.thisYear')}（${s?.year ?? ''}）`, s?.total.thisYear)}
        {stat(`${t('stats.total')} · ${t('stats.lastYear')}`, s?.total.lastYear)}
        {stat(t('stats.avgSlot'), s?.length.averageSlotMinutes)}
        {stat(t('stats.timed'), s?.length.timedMeetings)}
        {stat(t('stats.avgPlanned'), s?.length.averagePlannedMinutes)}
        {stat(t('stats.avgActual'), s?.length.averageActualMinutes)}
        {stat(`${t('stats.withTask')}（${s?.decisions.withTask ?? 0}/${s?.decisions.total ?? 0}）`, percent(s?.decisions.shareWithTask), 'stat-with-task')}
        {stat(`${t('stats.onTime')}（${s?.tasks.onTime ?? 0}/${(s?.tasks.onTime ?? 0) + (s?.tasks.late ?? 0)}）`, percent(s?.tasks.shareOnTime), 'stat-on-time')}
      </Row>
      <Card size="small" title={t('stats.byKind')}>
        <Chart option={option} height={300} testId="chart-by-kind" title={t('stats.byKind')} />
        <Table
          rowKey="kind"
          size="small"
          pagination={false}
          loading={q.isPending}
          dataSource={s?.byKind ?? []}
          data-testid="mtg-stats-kinds"
          columns={[
            { title: t('mtg.kind'), render: (_, k) => kindName(k.kind, lang) },
            { title: t('stats.thisYear'), dataIndex: 'thisYear', align: 'right' },
            { title: t('stats.lastYear'), dataIndex: 'lastYear', align: 'right' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('stats.tasks')}{colon(lang)}{s ? `${s.tasks.onTime} / ${s.tasks.late} / ${s.tasks.pending}` : '—'}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
