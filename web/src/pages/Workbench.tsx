import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { LightTag } from '../components/LightTag.tsx';
import { TaskLink } from '../components/TaskLink.tsx';
import { api } from '../lib/api.ts';
import { hasRole, useMe } from '../lib/auth.ts';
import { percent } from '../lib/public.ts';
import { deskApi } from './desk-api.ts';
import { deadlineText } from '../lib/format.ts';
import { useLang, useT, type MessageKey } from '../lib/i18n.ts';
import { daysText, type Behind } from '../lib/research.ts';
import type { TaskListItem, TodoKind, WorkbenchResponse } from '../lib/types.ts';

const GROUP_COLOR: Record<TodoKind, string> = { sign: '#1677ff', report: '#13c2c2', warn: '#f5222d', verify: '#722ed1', extension: '#fa8c16' };

export function Workbench() {
  const t = useT();
  const me = useMe();
  const { lang } = useLang();
  const wb = useQuery({
    queryKey: ['tasks', 'workbench'],
    queryFn: () => api.get<WorkbenchResponse>('/api/v1/tasks/workbench'),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('wb.title')}
      </Typography.Title>
      {wb.isError && <ErrorState error={wb.error} onRetry={() => wb.refetch()} />}
      <Row gutter={[16, 16]}>
        {(wb.data?.groups ?? (['sign', 'report', 'warn', 'verify', 'extension'] as TodoKind[]).map((kind) => ({ kind, count: 0, items: [] as TaskListItem[] }))).map((g) => (
          <Col xs={24} md={12} xl={8} key={g.kind}>
            <Card
              data-testid={`wb-${g.kind}`}
              title={
                <Space>
                  <span>{t(`wb.${g.kind}` as MessageKey)}</span>
                  <Badge count={wb.isPending ? 0 : g.count} showZero color={g.count ? GROUP_COLOR[g.kind] : '#d9d9d9'} overflowCount={999} data-testid={`wb-${g.kind}-count`} />
                </Space>
              }
              extra={g.count > 0 && <Link to={`/tasks?todo=${g.kind}`}>{t('common.viewAll')}</Link>}
              styles={{ body: { minHeight: 220 } }}
            >
              {wb.isPending ? (
                <Loading rows={4} />
              ) : g.items.length === 0 ? (
                <EmptyState text={t('wb.nothing')} />
              ) : (
                <List
                  size="small"
                  dataSource={g.items}
                  renderItem={(task) => (
                    <List.Item extra={<LightTag light={task.light} reasons={task.lightReasons} />}>
                      <List.Item.Meta
                        title={<TaskLink task={task} />}
                        description={
                          <Typography.Text type={task.light === 'red' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
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
        ))}
        {canSeeFlags(me.data) && (
          <Col xs={24} md={12} xl={8}>
            <FlaggedUnitsCard />
          </Col>
        )}
      </Row>
      <BehindCard />
    </Space>
  );
}

/** How many of the people behind the card lists; a county has hundreds, the rest are one link away. */
const BEHIND_SHOWN = 8;

/** 一线工作进度滞后: for the supervision office (its region) and unit heads (their unit), the furthest behind first. */
export function BehindCard() {
  const t = useT();
  const me = useMe();
  const show = hasRole(me.data, 'supervisor', 'unit_head');
  const q = useQuery({ queryKey: ['field-visits', 'behind'], queryFn: () => api.get<Behind>('/api/v1/field-visits/behind'), enabled: show });
  if (!show) return null;
  const items = q.data?.items ?? [];
  return (
    <Card
      data-testid="wb-behind"
      title={
        <Space>
          <span>{t('fw.behindPeople')}</span>
          <Badge count={q.isPending ? 0 : items.length} showZero color={items.length ? '#f5222d' : '#d9d9d9'} data-testid="wb-behind-count" />
        </Space>
      }
      extra={<Link to="/field-work?tab=coverage">{t('common.viewAll')}</Link>}
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.isPending ? (
        <Loading rows={2} />
      ) : items.length === 0 ? (
        <EmptyState text={t('fw.behindNone')} />
      ) : (
        <List
          size="small"
          dataSource={[...items].sort((a, b) => b.quota.shortfall - a.quota.shortfall).slice(0, BEHIND_SHOWN)}
          footer={items.length > BEHIND_SHOWN ? <Link to="/field-work?tab=coverage" data-testid="wb-behind-more">{t('fw.behindMore').replace('{n}', String(items.length))}</Link> : undefined}
          renderItem={(r) => (
            <List.Item extra={<Tag color="error">{`${t('fw.behindBy')} ${daysText(r.quota.shortfall)} ${t('fw.daysUnit')}`}</Tag>}>
              <List.Item.Meta
                title={<Link to={`/field-work?personId=${r.person.id}`}>{r.person.name}</Link>}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`${r.person.unitName} · ${t('fw.daysDone')} ${daysText(r.quota.days)} · ${t('fw.expected')} ${daysText(r.quota.expectedByNow)}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const canSeeFlags = (u: Parameters<typeof hasRole>[0]) => hasRole(u, 'supervisor', 'leader', 'admin');

/**
 * 群众口碑: the units ranked last in citizens' satisfaction two months running, for the
 * accountability records (until the scoreboard takes them over).
 */
export function FlaggedUnitsCard() {
  const t = useT();
  const q = useQuery({ queryKey: ['public-requests', 'flagged'], queryFn: deskApi.flags });
  return (
    <Card data-testid="wb-flagged" title={t('wb.flagged')} extra={<Link to="/desk?tab=all">{t('common.viewAll')}</Link>} styles={{ body: { minHeight: 220 } }}>
      {q.isPending ? (
        <Loading rows={4} />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.units.length === 0 ? (
        <EmptyState text={t('wb.flaggedNone')} />
      ) : (
        <List
          size="small"
          dataSource={q.data.units}
          renderItem={(u) => (
            <List.Item data-unit={u.unitId}>
              <List.Item.Meta
                title={u.unitName}
                description={
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {q.data.months.map((m, i) => `${m} 满意率 ${percent(u.rates[i])}`).join('；')}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
