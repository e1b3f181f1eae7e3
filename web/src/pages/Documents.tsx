import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CheckSummary, MarkedText } from '../components/CheckView.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { api, ApiError } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { DOC_KIND, DOC_STATUS, docStatusName, kindName, VERDICT_COLOR, verdictName } from '../lib/documents.ts';
import { useLang, useT } from '../lib/i18n.ts';
import type { DocumentCheck, DocumentDetail, DocumentKind, DocumentPage, DocumentStats, DocumentStatus, DocumentSummary } from '../lib/types.ts';

const options = (names: Record<string, readonly [string, string]>, lang: 'zh' | 'en') => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));

/** 发文: the documents list, the statistics and the check of any text, as tabs. */
export default function Documents() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'list';
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.documents')}
          </Typography.Title>
        </Col>
        <Col>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="doc-new">
            {t('doc.new')}
          </Button>
        </Col>
      </Row>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'list' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'list', label: t('doc.list'), children: tab === 'list' ? <DocumentList /> : null },
          { key: 'stats', label: t('doc.stats'), children: tab === 'stats' ? <DocumentStatsView /> : null },
          { key: 'check', label: t('doc.checkTool'), children: tab === 'check' ? <CheckTool /> : null },
        ]}
      />
      {creating && <NewDocument onClose={() => setCreating(false)} />}
    </Space>
  );
}

function DocumentList() {
  const t = useT();
  const { lang } = useLang();
  const [filters, setFilters] = useState<{ unitId?: number; kind?: DocumentKind; status?: DocumentStatus; year?: number; q?: string }>({});
  const q = useInfiniteQuery({
    queryKey: ['documents', 'list', filters],
    queryFn: ({ pageParam }) => api.get<DocumentPage>('/api/v1/documents', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={6}>
            <UnitPicker value={filters.unitId ?? null} onChange={(v: number | undefined) => set({ unitId: v ?? undefined })} placeholder={t('doc.unit')} aria-label={t('doc.unit')} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select allowClear placeholder={t('doc.kind')} aria-label={t('doc.kind')} value={filters.kind} onChange={(v) => set({ kind: v })} options={options(DOC_KIND, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Select allowClear placeholder={t('doc.status')} aria-label={t('doc.status')} value={filters.status} onChange={(v) => set({ status: v })} options={options(DOC_STATUS, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <InputNumber placeholder={t('doc.year')} aria-label={t('doc.year')} min={1900} max={2999} value={filters.year ?? null} onChange={(v) => set({ year: v ?? undefined })} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Input.Search allowClear placeholder={t('doc.q')} aria-label={t('doc.q')} onSearch={(v) => set({ q: v.trim() || undefined })} />
          </Col>
        </Row>
      </Card>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<DocumentSummary>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('doc.title'), dataIndex: 'title', render: (v: string, d) => <Link to={`/documents/${d.id}`}>{v}</Link> },
            { title: t('doc.unit'), render: (_, d) => d.unit.name, width: 170 },
            { title: t('doc.kind'), render: (_, d) => kindName(d.kind, lang), width: 150 },
            { title: t('doc.status'), render: (_, d) => <Tag color={d.status === 'issued' ? 'blue' : undefined}>{docStatusName(d.status, lang)}</Tag>, width: 90 },
            { title: t('doc.characters'), dataIndex: 'characters', align: 'right', width: 90 },
            { title: t('doc.verdict'), render: (_, d) => (d.verdict ? <Tag color={VERDICT_COLOR[d.verdict]}>{verdictName(d.verdict, lang)}</Tag> : '—'), width: 110 },
            { title: t('doc.number'), render: (_, d) => d.number ?? '—', width: 170 },
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

function NewDocument({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; unitId: number; kind: DocumentKind; body?: string }>();
  const create = useMutation({
    mutationFn: (v: { title: string; unitId: number; kind: DocumentKind; body?: string }) => api.post<DocumentDetail>('/api/v1/documents', v),
    onSuccess: (d) => {
      message.success(t('doc.created'));
      onClose();
      void navigate(`/documents/${d.id}`);
    },
  });
  return (
    <Modal open title={t('doc.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('common.submit')} cancelText={t('common.cancel')} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'document', unitId: me.data?.unitId }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="title" label={t('doc.title')} rules={[{ required: true, max: 200 }]}>
          <Input id="doc-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="unitId" label={t('doc.unit')} rules={[{ required: true }]}>
              <UnitPicker id="doc-unit" allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kind" label={t('doc.kind')} rules={[{ required: true }]}>
              <Select id="doc-kind" options={options(DOC_KIND, lang)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="body" label={t('doc.body')} extra={t('doc.bodyHint')}>
          <Input.TextArea id="doc-body" autoSize={{ minRows: 8, maxRows: 20 }} />
        </Form.Item>
        {create.isError && <Typography.Text type="danger" role="alert">{create.error instanceof ApiError ? create.error.message : String(create.error)}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function DocumentStatsView() {
  const t = useT();
  const { lang } = useLang();
  const [unitId, setUnitId] = useState<number | undefined>();
  const q = useQuery({ queryKey: ['documents', 'stats', unitId], queryFn: () => api.get<DocumentStats>('/api/v1/documents/stats', { unitId }) });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ maxWidth: 360 }}>
        <UnitPicker value={unitId ?? null} onChange={(v: number | undefined) => setUnitId(v ?? undefined)} placeholder={t('doc.unit')} aria-label={t('doc.unit')} />
      </div>
      <Row gutter={[12, 12]} data-testid="doc-stats">
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={`${t('doc.thisYear')}（${s?.year ?? ''}）`} value={s?.totals.issuedThisYear ?? 0} loading={q.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('doc.lastYear')} value={s?.totals.issuedLastYear ?? 0} loading={q.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('doc.total')} value={s?.totals.total ?? 0} loading={q.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('doc.avgChars')} value={s?.totals.avgCharacters ?? '—'} loading={q.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('doc.overShare')} value={s?.totals.overLimitShare === null || s === undefined ? '—' : Math.round(s.totals.overLimitShare * 1000) / 10} suffix={s?.totals.overLimitShare === null ? undefined : '%'} loading={q.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('doc.avgDensity')} value={s?.totals.avgPhrasesPer1000 ?? '—'} loading={q.isPending} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('doc.byUnit')}>
            <Table
              rowKey="unitId"
              size="small"
              pagination={false}
              loading={q.isPending}
              dataSource={s?.units ?? []}
              columns={[
                { title: t('doc.unit'), dataIndex: 'unitName' },
                { title: t('doc.thisYear'), dataIndex: 'issuedThisYear', align: 'right' },
                { title: t('doc.lastYear'), dataIndex: 'issuedLastYear', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('doc.byKind')}>
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              loading={q.isPending}
              dataSource={s?.kinds ?? []}
              columns={[
                { title: t('doc.kind'), render: (_, k) => kindName(k.kind, lang) },
                { title: t('doc.thisYear'), dataIndex: 'issuedThisYear', align: 'right' },
                { title: t('doc.lastYear'), dataIndex: 'issuedLastYear', align: 'right' },
                { title: t('doc.avgChars'), render: (_, k) => k.avgCharacters ?? '—', align: 'right' },
                { title: t('doc.overShare'), render: (_, k) => (k.total ? `${k.overLimit}/${k.total}` : '—'), align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** 文风体检 of any text, saving nothing. */
function CheckTool() {
  const t = useT();
  const { lang } = useLang();
  const [kind, setKind] = useState<DocumentKind>('document');
  const [text, setText] = useState('');
  const check = useMutation({ mutationFn: (v: { kind: DocumentKind; text: string }) => api.post<DocumentCheck>('/api/v1/documents/check', v) });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select aria-label={t('doc.kind')} value={kind} onChange={setKind} options={options(DOC_KIND, lang)} style={{ width: 260 }} />
          <Input.TextArea aria-label={t('doc.textToCheck')} placeholder={t('doc.textToCheck')} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 8, maxRows: 24 }} data-testid="check-text" />
          <Button type="primary" onClick={() => check.mutate({ kind, text })} loading={check.isPending} disabled={!text.trim()} data-testid="check-run">
            {t('doc.runCheck')}
          </Button>
          {check.isError && <Typography.Text type="danger" role="alert">{check.error instanceof ApiError ? check.error.message : String(check.error)}</Typography.Text>}
        </Space>
      </Card>
      {check.data && check.variables && (
        <>
          <CheckSummary check={check.data} />
          <MarkedText text={check.variables.text} check={check.data} />
        </>
      )}
    </Space>
  );
}
