import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LightTag } from '../components/LightTag.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { hasRole, serverToday, useMe } from '../lib/auth.ts';
import { dateTime } from '../lib/format.ts';
import { useLang } from '../lib/i18n.ts';
import { acknowledgeLight, nameOf, optionsOf, REQUEST_STATUS, REQUEST_TYPE, STATUS_COLOR } from '../lib/public.ts';
import { deskApi, type DeskRequestSummary } from './desk-api.ts';
import DeskWindows from './DeskWindows.tsx';
import { categoryName, useCatalog } from './public/public-api.ts';

/**
 * 12345 受理台: the intake queue (待受理, with the acknowledge deadline's light) and every request
 * the viewer may see, filtered. Each request opens its page, where it is assigned, merged or
 * declined, and followed through reply, rating, rectification and call-back.
 */
export default function Desk() {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const [params, setParams] = useSearchParams();
  const me = useMe();
  // The intake queue is the desk's work; a unit starts from the requests assigned to it.
  const first = hasRole(me.data, 'supervisor', 'admin') ? 'queue' : 'all';
  const asked = params.get('tab');
  const tab = asked === 'queue' || asked === 'all' || asked === 'windows' ? asked : first;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {zh ? '群众诉求受理台' : 'Citizens’ requests desk'}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === first ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'queue', label: zh ? '待受理' : 'Intake queue', children: tab === 'queue' ? <RequestList queue /> : null },
          { key: 'all', label: zh ? '全部诉求' : 'All requests', children: tab === 'all' ? <RequestList /> : null },
          { key: 'windows', label: zh ? '服务窗口评价' : 'Service windows', children: tab === 'windows' ? <DeskWindows /> : null },
        ]}
      />
    </Space>
  );
}

function RequestList({ queue = false }: { queue?: boolean }) {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const [filters, setFilters] = useState<{ status?: string; type?: string; unitId?: number; q?: string }>({});
  const query = queue ? { status: 'submitted' } : filters;
  const q = useInfiniteQuery({
    queryKey: ['public-requests', 'list', query],
    queryFn: ({ pageParam }) => deskApi.list({ ...query, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const catalog = useCatalog();
  const today = serverToday().format('YYYY-MM-DD');
  const set = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {!queue && (
        <Card size="small">
          <Row gutter={[12, 12]}>
            <Col xs={12} md={5}>
              <Select allowClear placeholder={zh ? '状态' : 'State'} aria-label={zh ? '状态' : 'State'} value={filters.status} onChange={(v) => set({ status: v })} options={optionsOf(REQUEST_STATUS, lang)} style={{ width: '100%' }} />
            </Col>
            <Col xs={12} md={4}>
              <Select allowClear placeholder={zh ? '类型' : 'Type'} aria-label={zh ? '类型' : 'Type'} value={filters.type} onChange={(v) => set({ type: v })} options={optionsOf(REQUEST_TYPE, lang)} style={{ width: '100%' }} />
            </Col>
            <Col xs={24} md={7}>
              <UnitPicker value={filters.unitId ?? null} onChange={(v: number | undefined) => set({ unitId: v ?? undefined })} placeholder={zh ? '承办单位' : 'Unit'} aria-label={zh ? '承办单位' : 'Unit'} />
            </Col>
            <Col xs={24} md={8}>
              <Input.Search allowClear placeholder={zh ? '查询码或内容' : 'Code or text'} aria-label={zh ? '查询码或内容' : 'Code or text'} onSearch={(v) => set({ q: v.trim() || undefined })} />
            </Col>
          </Row>
        </Card>
      )}
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<DeskRequestSummary>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid={queue ? 'desk-queue' : 'desk-all'}
          columns={[
            {
              title: zh ? '诉求' : 'Request',
              render: (_, r) => (
                <Link to={`/desk/${r.id}`} data-testid={`desk-row-${r.id}`}>
                  <Typography.Text ellipsis style={{ maxWidth: 360, color: 'inherit' }}>{r.description}</Typography.Text>
                </Link>
              ),
            },
            { title: zh ? '编号' : 'No.', width: 70, render: (_, r) => `#${r.id}` },
            { title: zh ? '类型' : 'Type', width: 80, render: (_, r) => nameOf(REQUEST_TYPE, r.type, lang) },
            { title: zh ? '分类' : 'Category', width: 110, render: (_, r) => categoryName(catalog.data, r.category) },
            { title: zh ? '提交时间' : 'Submitted', width: 150, render: (_, r) => dateTime(r.submittedAt) },
            ...(queue
              ? [
                  {
                    title: zh ? '受理时限' : 'Accept by',
                    width: 160,
                    render: (_: unknown, r: DeskRequestSummary) => (
                      <Space size={4} data-testid={`desk-ack-${r.id}`}>
                        <LightTag light={acknowledgeLight(r.acknowledgeDue, today)} />
                        <span>{r.acknowledgeDue}</span>
                      </Space>
                    ),
                  },
                ]
              : [
                  { title: zh ? '状态' : 'State', width: 100, render: (_: unknown, r: DeskRequestSummary) => <Tag color={STATUS_COLOR[r.status]}>{nameOf(REQUEST_STATUS, r.status, lang)}</Tag> },
                  { title: zh ? '承办单位' : 'Unit', width: 150, render: (_: unknown, r: DeskRequestSummary) => r.unit?.name ?? '—' },
                  {
                    title: zh ? '督办任务' : 'Task',
                    width: 110,
                    render: (_: unknown, r: DeskRequestSummary) =>
                      r.taskId ? (
                        <Link to={`/tasks/${r.taskId}`}>{zh ? `任务 #${r.taskId}` : `Task #${r.taskId}`}</Link>
                      ) : (
                        '—'
                      ),
                  },
                ]),
          ]}
        />
      )}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {zh ? '加载更多' : 'Load more'}
        </Button>
      )}
    </Space>
  );
}
