import { ArrowLeftOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Chart } from '../components/Chart.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { colon, useLang, useT } from '../lib/i18n.ts';
import { changeView, componentName, factsText, ledgerHref, periodName, recordHref, recordOfName, scoreText, weightText } from '../lib/score.ts';
import { scoreApi, type ComponentRecord, type UnitComponent } from './score-api.ts';
import { useScoreParams } from './Scoreboard.tsx';
import { LIGHT_TEXT } from '../lib/theme.ts';

type Component = UnitComponent;

/** One unit's score drilled down: every component with its score, weight and formula, and the records behind each. */
export default function ScoreUnit() {
  const { unitId: raw } = useParams();
  const unitId = Number(raw);
  const t = useT();
  const { lang } = useLang();
  const { period, peer, params, setParams } = useScoreParams();
  const open = params.get('component');
  const q = useQuery({ queryKey: ['scoreboard', 'unit', unitId, period], queryFn: () => scoreApi.unit(unitId, period), enabled: Number.isInteger(unitId) && unitId > 0 });
  const chartOption = useMemo(() => {
    const cs = q.data?.components ?? [];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: cs.map((c) => componentName(c.key, lang, c.name)) },
      series: [{ type: 'bar', name: t('sb.score'), data: cs.map((c) => c.score), itemStyle: { color: '#c62828' }, label: { show: true, position: 'right' } }],
    };
  }, [q.data, lang, t]);

  if (!Number.isInteger(unitId) || unitId <= 0) return <ErrorState error={new Error(lang === 'zh' ? '没有这个单位。' : 'No such unit.')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const u = q.data;
  const change = changeView(u.change);
  const choose = (key: string | null) => {
    const p = new URLSearchParams(params);
    if (key) p.set('component', key);
    else p.delete('component');
    setParams(p, { replace: true });
  };
  const selected = u.components.find((c) => c.key === open) ?? null;
  const alt = `${t('sb.componentsChart')}${colon(lang)}${u.components.map((c) => `${componentName(c.key, lang, c.name)} ${scoreText(c.score, lang)}`).join(lang === 'zh' ? '，' : ', ')}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={`/scoreboard?period=${period}&peer=${peer}`}>
        <ArrowLeftOutlined /> {t('sb.back')}
      </Link>
      <Card>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={10}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="su-unit">
              {u.unit.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {periodName(u.period, lang)} · {u.group.name}
              {u.closed ? ` · ${t('sb.closed')}` : ''}
            </Typography.Text>
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('sb.score')} value={scoreText(u.score, lang)} data-testid="su-score" />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('sb.rank')} value={u.rank === null ? '—' : `${u.rank} / ${u.of}`} />
          </Col>
          <Col xs={8} md={6}>
            <Statistic title={t('sb.change')} value={change.dir === 'new' ? t('sb.new') : change.text} styles={{ content: { color: change.dir === 'up' ? LIGHT_TEXT.green : change.dir === 'down' ? LIGHT_TEXT.red : undefined } }} />
          </Col>
        </Row>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="su-formula">
          <Typography.Text strong>
            {t('sb.formula')}
            {colon(lang)}
          </Typography.Text>
          {u.explanation || t('sb.formulaDefault')}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('sb.components')}>
            <Table<Component>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={u.components}
              scroll={{ x: 560 }}
              data-testid="su-components"
              rowClassName={(c) => (c.key === open ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('sb.component'), dataIndex: 'key', width: 140, render: (_: unknown, c) => componentName(c.key, lang, c.name) },
                { title: t('sb.score'), dataIndex: 'score', width: 80, render: (v: number | null) => <Typography.Text type={v === null ? 'secondary' : undefined}>{scoreText(v, lang)}</Typography.Text> },
                { title: t('sb.weight'), dataIndex: 'weight', width: 110, render: (v: number, c) => (c.score === null ? <Typography.Text type="secondary" delete>{weightText(v)}</Typography.Text> : <span title={t('sb.shareHint')}>{weightText(v)}{c.share > 0 && Math.abs(c.share * 100 - (v <= 1 ? v * 100 : v)) > 0.05 ? ` → ${weightText(c.share)}` : ''}</span>) },
                { title: t('sb.explanation'), dataIndex: 'explanation', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{v || '—'}</span> },
                {
                  title: t('sb.behind'),
                  key: 'open',
                  width: 110,
                  render: (_: unknown, c) => (
                    <Button size="small" type={c.key === open ? 'primary' : 'default'} onClick={() => choose(c.key === open ? null : c.key)} aria-label={`${t('sb.showRecords')}${colon(lang)}${componentName(c.key, lang, c.name)}`} aria-pressed={c.key === open} data-testid={`su-open-${c.key}`}>
                      {t('sb.showRecords')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('sb.componentsChart')}>
            <Chart option={chartOption} height={Math.max(200, u.components.length * 28 + 24)} testId="su-chart" title={t('sb.componentsChart')} alt={alt} />
          </Card>
        </Col>
      </Row>
      {selected && <Records unitId={unitId} period={period} component={selected} />}
    </Space>
  );
}

function Records({ unitId, period, component }: { unitId: number; period: string; component: Component }) {
  const t = useT();
  const { lang } = useLang();
  const q = useInfiniteQuery({
    queryKey: ['scoreboard', 'records', unitId, period, component.key],
    queryFn: ({ pageParam }) => scoreApi.records(unitId, component.key, period, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const first = q.data?.pages[0];
  const ledger = ledgerHref(first?.ledger);
  return (
    <Card
      size="small"
      title={`${t('sb.records')}${colon(lang)}${componentName(component.key, lang, component.name)}`}
      extra={ledger ? <Link to={ledger} data-testid="su-ledger">{t('sb.inLedger')}</Link> : null}
      data-testid="su-records"
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          {component.explanation && (
            <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t('sb.explanation')}>{component.explanation}</Descriptions.Item>
            </Descriptions>
          )}
          <List<ComponentRecord>
            size="small"
            loading={q.isPending}
            dataSource={rows}
            locale={{ emptyText: component.score === null ? t('sb.noDataComponent') : t('common.empty') }}
            renderItem={(r) => {
              // The app's own page of the record, by kind (the API's `link` may name a route of its own).
              // A finding opens the task it became (the API's link), or the field-work page.
              const href = r.kind === 'finding' ? r.link : recordHref(r.kind, r.id);
              return (
                <List.Item>
                  <Space wrap size={6}>
                    <Tag>{recordOfName(r.kind, lang)}</Tag>
                    {href ? <Link to={href} data-testid={`su-record-${r.kind}-${r.id}`}>{r.title}</Link> : <span>{r.title}</span>}
                    <Tag color={r.good ? 'success' : 'error'}>{r.good ? t('sb.good') : t('sb.bad')}</Tag>
                    <Typography.Text type="secondary">{factsText(r.facts)}</Typography.Text>
                  </Space>
                </List.Item>
              );
            }}
          />
          {q.hasNextPage && (
            <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
              {t('common.more')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
