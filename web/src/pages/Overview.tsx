import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { LightTag } from '../components/LightTag.tsx';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { TaskLink } from '../components/TaskLink.tsx';
import { api } from '../lib/api.ts';
import { deadlineText, ESCALATION, escalationName, LIGHT } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { LIGHT_TEXT } from '../lib/theme.ts';
import type { OverviewResponse } from '../lib/types.ts';
import { BehindCard, FlaggedUnitsCard } from './Workbench.tsx';

const LIGHTS = ['red', 'yellow', 'green', 'done'] as const;
/** The ledger under a filter: every number on this page links to the list it counts. */
const ledger = (q: Record<string, string | number>) => `/tasks?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`;

/**
 * 驾驶舱: what a leader or the supervision office looks at first — lights by unit in their scope,
 * the red list, escalations this week, what waits for their decision and the on-time trend.
 * Clerks and unit heads keep the workbench (their to-dos); this page links to it as 我的待办.
 */
export default function Overview() {
  const t = useT();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const q = useQuery({ queryKey: ['tasks', 'overview'], queryFn: () => api.get<OverviewResponse>('/api/v1/tasks/overview') });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Loading rows={8} />;
  const o = q.data;
  // Named by its visible words (the label and the number), so what is seen is what is said.
  const count = (n: number, to: string, label: string, testId: string, color?: string) => (
    <Link to={to} data-testid={testId}>
      <Statistic title={label} value={n} {...(color ? { styles: { content: { color } } } : {})} />
    </Link>
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('ov.title')}
          </Typography.Title>
        </Col>
        <Col>
          <Link to="/workbench">{t('ov.myTodo')}</Link>
        </Col>
      </Row>
      <Card size="small">
        <Row gutter={[16, 16]}>
          <Col xs={12} sm={8} lg={4}>
            {count(o.totals.total, '/tasks', t('ov.total'), 'ov-total')}
          </Col>
          {LIGHTS.map((l) => (
            <Col xs={12} sm={8} lg={4} key={l}>
              {count(o.totals.byLight[l] ?? 0, ledger({ light: l }), LIGHT[l][zh ? 0 : 1], `ov-light-${l}`, l === 'done' ? undefined : LIGHT_TEXT[l])}
            </Col>
          ))}
          <Col xs={12} sm={8} lg={4}>
            <Tooltip title={t('ov.escalationsHint')}>
              {count(o.escalations.tasks, ledger({ escalatedFrom: o.escalations.since }), t('ov.escalations'), 'ov-escalations', o.escalations.tasks ? LIGHT_TEXT.red : undefined)}
            </Tooltip>
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('ov.decisions')} data-testid="ov-decisions" styles={{ body: { minHeight: 160 } }}>
            <Row gutter={16}>
              <Col span={12}>{count(o.decisions.verify, ledger({ todo: 'verify' }), t('wb.verify'), 'ov-verify')}</Col>
              <Col span={12}>{count(o.decisions.extension, ledger({ todo: 'extension' }), t('wb.extension'), 'ov-extension')}</Col>
            </Row>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              <Tooltip title={t('ov.answersHint')}>
                <span tabIndex={0}>{`${t('ov.answers')} (${o.decisions.answers.count})`}</span>
              </Tooltip>
            </Typography.Title>
            {o.decisions.answers.items.length === 0 ? (
              <Typography.Text type="secondary">{t('ov.noAnswers')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={o.decisions.answers.items}
                renderItem={(a) => (
                  <List.Item extra={<Tag>{escalationName(a.level, lang)}</Tag>}>
                    <List.Item.Meta
                      title={<Link to={`/tasks/${a.taskId}`}>{a.title}</Link>}
                      description={`${a.answeredByName ?? ''} · ${a.answeredAt.slice(0, 10)}`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={`${t('ov.red')} (${o.red.count})`}
            extra={o.red.count > 0 && <Link to={ledger({ light: 'red', view: 'deadlines' })}>{t('ov.redAll')}</Link>}
            data-testid="ov-red"
            styles={{ body: { minHeight: 160 } }}
          >
            {o.red.items.length === 0 ? (
              <EmptyState text={t('ov.noRed')} />
            ) : (
              <List
                size="small"
                dataSource={o.red.items}
                renderItem={(task) => (
                  <List.Item extra={<LightTag light={task.light} reasons={task.lightReasons} />}>
                    <List.Item.Meta
                      title={<TaskLink task={task} />}
                      description={
                        <Typography.Text type="danger" style={{ fontSize: 12 }}>
                          {task.leadUnit.name} · {deadlineText(task, lang)}
                        </Typography.Text>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('ov.units')} data-testid="ov-units">
            <Table
              rowKey="unitId"
              size="small"
              dataSource={o.units}
              pagination={false}
              scroll={{ y: 360, x: 480 }}
              locale={{ emptyText: t('common.empty') }}
              columns={[
                { title: t('ov.unit'), dataIndex: 'unitName', render: (v: string, r) => <Link to={ledger({ unitId: r.unitId })}>{v}</Link> },
                ...LIGHTS.map((l) => ({
                  title: LIGHT[l][zh ? 0 : 1],
                  key: l,
                  width: 72,
                  render: (_: unknown, r: OverviewResponse['units'][number]) => {
                    const n = r.byLight[l] ?? 0;
                    return n ? (
                      <Link to={ledger({ unitId: r.unitId, light: l })} aria-label={`${r.unitName} ${LIGHT[l][zh ? 0 : 1]} ${n}`} style={l === 'red' ? { color: LIGHT_TEXT.red, fontWeight: 600 } : undefined}>
                        {n}
                      </Link>
                    ) : (
                      <Typography.Text type="secondary">0</Typography.Text>
                    );
                  },
                })),
                { title: t('ledger.total'), dataIndex: 'total', width: 72 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('ov.trend')} data-testid="ov-trend" extra={<Link to="/dashboard">{t('menu.dashboard')}</Link>}>
            <Table
              rowKey="week"
              size="small"
              pagination={false}
              dataSource={[...o.trend].reverse()}
              columns={[
                { title: t('ov.week'), dataIndex: 'week', width: 110 },
                { title: t('ov.done'), dataIndex: 'done', width: 64 },
                { title: t('ov.onTime'), dataIndex: 'onTime', width: 64 },
                {
                  title: t('ov.rate'),
                  key: 'rate',
                  render: (_: unknown, w: OverviewResponse['trend'][number]) => (w.done ? `${Math.round((100 * w.onTime) / w.done)}%` : '—'),
                },
                {
                  title: t('ov.escalations'),
                  key: 'esc',
                  render: (_: unknown, w: OverviewResponse['trend'][number]) =>
                    Object.entries(w.escalations)
                      .filter(([, n]) => n > 0)
                      .map(([level, n]) => `${ESCALATION[level as keyof typeof ESCALATION]?.[zh ? 0 : 1] ?? level} ${n}`)
                      .join(zh ? '，' : ', ') || '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <FlaggedUnitsCard />
        </Col>
        <Col xs={24} xl={12}>
          <BehindCard />
        </Col>
      </Row>
    </Space>
  );
}
