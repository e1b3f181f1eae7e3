import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, InputNumber, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { NominateCase } from '../components/NominateCase.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { hasRole, useMe } from '../lib/auth.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { caseStatusName, CASE_STATUS } from '../lib/score.ts';
import { scoreApi, type ModelCase } from './score-api.ts';

export const CASE_COLOR: Record<string, string | undefined> = { nominated: 'processing', selected: 'red', rejected: 'default' };
type Filters = { q?: string; unitId?: number; tag?: string; year?: number; status?: string };

/** 典型案例: the library of model cases, searchable; supervisors nominate one here or from a task. */
export default function Cases() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const [filters, setFilters] = useState<Filters>({});
  const [nominating, setNominating] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const q = useInfiniteQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: ({ pageParam }) => scoreApi.cases({ ...filters, cursor: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.cases')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('case.hint')}</Typography.Text>
        </Col>
        <Col>
          {hasRole(me.data, 'supervisor') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="case-new">
              {t('case.nominate')}
            </Button>
          )}
        </Col>
      </Row>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={8}>
            <Input.Search allowClear placeholder={t('case.q')} aria-label={t('case.q')} onSearch={(v) => set({ q: v.trim() || undefined })} enterButton={t('common.search')} maxLength={100} />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <UnitPicker value={filters.unitId ?? null} onChange={(v: number | undefined) => set({ unitId: v ?? undefined })} placeholder={t('case.unit')} aria-label={t('case.unit')} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Input allowClear placeholder={t('case.tag')} aria-label={t('case.tag')} onPressEnter={(e) => set({ tag: (e.target as HTMLInputElement).value.trim() || undefined })} onBlur={(e) => set({ tag: e.target.value.trim() || undefined })} maxLength={50} />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <InputNumber placeholder={t('case.year')} aria-label={t('case.year')} min={2000} max={2999} value={filters.year ?? null} onChange={(v) => set({ year: v ?? undefined })} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} lg={3}>
            <Select allowClear placeholder={t('case.status')} aria-label={t('case.status')} value={filters.status} onChange={(v) => set({ status: v })} options={Object.entries(CASE_STATUS).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }))} style={{ width: '100%' }} />
          </Col>
        </Row>
      </Card>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <List<ModelCase>
          loading={q.isPending}
          dataSource={rows}
          locale={{ emptyText: t('common.empty') }}
          data-testid="case-list"
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    <Link to={`/cases/${c.id}`}>{c.title}</Link>
                    <Tag color={CASE_COLOR[c.status]}>{caseStatusName(c.status, lang)}</Tag>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                      {c.summary}
                    </Typography.Paragraph>
                    <Space wrap size={4}>
                      <Typography.Text type="secondary">{c.unit.name}</Typography.Text>
                      <Typography.Text type="secondary">{dateTime(c.createdAt)}</Typography.Text>
                      {c.tags.map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                    </Space>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
      {nominating && <NominateCase onClose={() => setNominating(false)} />}
    </Space>
  );
}
