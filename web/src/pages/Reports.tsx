import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Modal, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../components/States.tsx';
import { ApiError } from '../lib/api.ts';
import { hasRole, serverToday, useMe } from '../lib/auth.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { isoWeek, monthRange, periodName, recentPeriods, REPORT_KIND, reportKindName, reportStatusName, type PeriodKind } from '../lib/score.ts';
import { scoreApi, type ReportCreate, type ReportRow } from './score-api.ts';

/** The period each kind of report covers. */
export const KIND_PERIOD: Record<string, PeriodKind | 'week'> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', annual: 'year', notice: 'month' };

/** 报告: 周报告 / 月调度 / 季通报 / 年度考评 / 通报, by kind; generated on demand here, by a job on schedule. */
export default function Reports() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? 'all';
  const [generating, setGenerating] = useState(false);
  const q = useInfiniteQuery({
    queryKey: ['reports', 'list', kind],
    queryFn: ({ pageParam }) => scoreApi.reports({ kind: kind === 'all' ? undefined : kind, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.reports')}
          </Typography.Title>
        </Col>
        <Col>
          {hasRole(me.data, 'supervisor') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="rep-new">
              {t('rep.generate')}
            </Button>
          )}
        </Col>
      </Row>
      <Tabs
        activeKey={kind}
        onChange={(k) => setParams(k === 'all' ? {} : { kind: k }, { replace: true })}
        items={[{ key: 'all', label: t('common.all') }, ...Object.entries(REPORT_KIND).map(([key, n]) => ({ key, label: n[lang === 'zh' ? 0 : 1] }))]}
      />
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<ReportRow>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('common.empty') }}
          data-testid="rep-list"
          columns={[
            { title: t('rep.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/reports/${r.id}`}>{v}</Link> },
            { title: t('rep.kind'), dataIndex: 'kind', width: 100, render: (v: string) => reportKindName(v, lang) },
            { title: t('rep.period'), key: 'period', width: 180, render: (_: unknown, r) => periodName(r.period.key, lang) },
            { title: t('rep.unit'), key: 'unit', width: 140, render: (_: unknown, r) => r.unit.name },
            { title: t('rep.number'), dataIndex: 'number', width: 170, render: (v: string | null) => v ?? '—' },
            { title: t('rep.status'), dataIndex: 'status', width: 90, render: (v: string) => <Tag color={v === 'issued' ? 'blue' : undefined}>{reportStatusName(v, lang)}</Tag> },
            { title: t('rep.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
          ]}
        />
      )}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
      {generating && <GenerateDialog initialKind={kind === 'all' ? 'notice' : kind} onClose={() => setGenerating(false)} />}
    </Space>
  );
}

/** The last few periods a kind of report may cover, as the API keys them (weeks 2026-W47; a 通报 a month's date range). */
function periodsFor(kind: string): { value: string; label: string }[] {
  const today = serverToday();
  const k = KIND_PERIOD[kind] ?? 'month';
  if (k === 'week') return Array.from({ length: 8 }, (_, i) => isoWeek(today.subtract(i * 7, 'day').format('YYYY-MM-DD'))).map((w) => ({ value: w, label: w }));
  const periods = recentPeriods(k, today.format('YYYY-MM-DD'), k === 'year' ? 4 : 8);
  return kind === 'notice' ? periods.map((p) => ({ value: monthRange(p), label: p })) : periods.map((p) => ({ value: p, label: p }));
}

function GenerateDialog({ initialKind, onClose }: { initialKind: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: ReportCreate['kind']; period: string }>();
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const periods = periodsFor(kind).map((p) => ({ ...p, label: periodName(p.label, lang) }));
  const gen = useMutation({
    mutationFn: (v: { kind: ReportCreate['kind']; period: string }) => scoreApi.generate(v),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
      message.success(t('rep.generated'));
      onClose();
      void navigate(`/reports/${r.id}`);
    },
    onError: (e) => {
      // A periodic report of that period exists already: open it.
      const id = e instanceof ApiError && e.code === 'REPORT_EXISTS' ? (e.details as { id?: unknown } | undefined)?.id : undefined;
      if (typeof id === 'number') {
        message.info(e.message);
        onClose();
        void navigate(`/reports/${id}`);
      }
    },
  });
  return (
    <Modal open title={t('rep.generate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={gen.isPending} okText={t('rep.generate')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="rep"
        initialValues={{ kind: initialKind, period: periodsFor(initialKind)[0]?.value }}
        onValuesChange={(changed: { kind?: string }) => changed.kind && form.setFieldValue('period', periodsFor(changed.kind)[0]?.value)}
        onFinish={(v) => gen.mutate(v)}
      >
        <Form.Item name="kind" label={t('rep.kind')} rules={[{ required: true }]}>
          <Select options={Object.entries(REPORT_KIND).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }))} />
        </Form.Item>
        <Form.Item name="period" label={t('rep.period')} rules={[{ required: true }]}>
          <Select options={periods} />
        </Form.Item>
        {gen.isError && <Alert type="error" showIcon title={gen.error instanceof ApiError ? gen.error.message : String(gen.error)} />}
      </Form>
    </Modal>
  );
}
