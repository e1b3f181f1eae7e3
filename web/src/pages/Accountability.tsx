import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PersonPicker, UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { ApiError } from '../lib/api.ts';
import { hasRole, useMe } from '../lib/auth.ts';
import { dateTime } from '../lib/format.ts';
import { paren, useLang, useT } from '../lib/i18n.ts';
import { ACC_KIND, ACC_STATUS, accKindName, accStatusName } from '../lib/score.ts';
import { scoreApi, type AccDraft, type AccRecord, type AccRow } from './score-api.ts';

const options = (names: Record<string, readonly [string, string]>, lang: 'zh' | 'en') => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));
export const ACC_STATUS_COLOR: Record<string, string | undefined> = { draft: undefined, issued: 'red', explained: 'orange', closed: 'green' };

type Filters = { unitId?: number; kind?: string; status?: string; q?: string };

/** 问责记录: the records the caller may see, filtered; supervisors start a draft here. */
export default function Accountability() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const q = useInfiniteQuery({
    queryKey: ['accountability', 'list', filters],
    queryFn: ({ pageParam }) => scoreApi.accList({ ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.accountability')}
          </Typography.Title>
        </Col>
        <Col>
          {hasRole(me.data, 'supervisor') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="acc-new">
              {t('acc.new')}
            </Button>
          )}
        </Col>
      </Row>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={6}>
            <UnitPicker value={filters.unitId ?? null} onChange={(v: number | undefined) => set({ unitId: v ?? undefined })} placeholder={t('acc.target')} aria-label={t('acc.target')} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select allowClear placeholder={t('acc.kind')} aria-label={t('acc.kind')} value={filters.kind} onChange={(v) => set({ kind: v })} options={options(ACC_KIND, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select allowClear placeholder={t('acc.status')} aria-label={t('acc.status')} value={filters.status} onChange={(v) => set({ status: v })} options={options(ACC_STATUS, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} lg={10}>
            <Input.Search allowClear placeholder={t('acc.q')} aria-label={t('acc.q')} onSearch={(v) => set({ q: v.trim() || undefined })} enterButton={t('common.search')} />
          </Col>
        </Row>
      </Card>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<AccRow>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('common.empty') }}
          data-testid="acc-table"
          columns={[
            { title: t('acc.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/accountability/${r.id}`}>{v}</Link> },
            { title: t('acc.kind'), dataIndex: 'kind', width: 110, render: (v: string) => accKindName(v, lang) },
            { title: t('acc.target'), key: 'target', width: 200, render: (_: unknown, r) => (r.targetPerson ? `${r.targetUnit.name} · ${r.targetPerson.name}` : r.targetUnit.name) },
            { title: t('acc.status'), dataIndex: 'status', width: 90, render: (v: string) => <Tag color={ACC_STATUS_COLOR[v]}>{accStatusName(v, lang)}</Tag> },
            { title: t('acc.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
          ]}
        />
      )}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
      {creating && <RecordForm onClose={() => setCreating(false)} />}
    </Space>
  );
}

type FormValues = { kind: AccDraft['kind']; targetUnitId: number; targetPersonId?: number | null; title: string; reason: string; taskIds?: string };

/** taskIds typed as "12, 15" → evidence entries. */
const evidenceOf = (taskIds: string | undefined) =>
  (taskIds ?? '')
    .split(/[,，、\s]+/)
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0)
    .map((id) => ({ kind: 'task' as const, id }));

/** A new draft, or a draft's edit (the target unit stays). */
export function RecordForm({ record, onClose }: { record?: AccRecord; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const unitId = Form.useWatch('targetUnitId', form);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const evidence = [...(record?.evidence.filter((e) => e.kind !== 'task') ?? []), ...evidenceOf(v.taskIds)];
      if (record) return scoreApi.editRecord(record.id, { version: record.version, kind: v.kind, targetPersonId: v.targetPersonId ?? null, title: v.title, reason: v.reason, evidence });
      return scoreApi.createRecord({ kind: v.kind, targetUnitId: v.targetUnitId, targetPersonId: v.targetPersonId ?? null, title: v.title, reason: v.reason, evidence });
    },
    onSuccess: (r) => {
      qc.setQueryData(['accountability', 'detail', r.id], r);
      void qc.invalidateQueries({ queryKey: ['accountability', 'list'] });
      message.success(t('common.saved'));
      onClose();
      if (!record) void navigate(`/accountability/${r.id}`);
    },
  });
  return (
    <Modal open title={record ? t('acc.edit') : t('acc.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')} width={720} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="acc"
        initialValues={
          record
            ? { kind: record.kind, targetUnitId: record.targetUnit.id, targetPersonId: record.targetPerson?.id ?? null, title: record.title, reason: record.reason, taskIds: record.evidence.filter((e) => e.kind === 'task').map((e) => e.id).join(', ') }
            : { kind: 'reminder' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label={t('acc.kind')} rules={[{ required: true }]}>
              <Select options={options(ACC_KIND, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="targetUnitId" label={t('acc.targetUnit')} rules={[{ required: true, message: t('acc.needUnit') }]}>
              {record ? <Input value={record.targetUnit.name} disabled aria-label={t('acc.targetUnit')} /> : <UnitPicker id="acc_targetUnitId" allowClear={false} />}
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="targetPersonId" label={`${t('acc.targetPerson')}${paren(lang, t('common.optional'))}`}>
          <PersonPicker id="acc_targetPersonId" under={unitId ?? record?.targetUnit.id ?? null} />
        </Form.Item>
        <Form.Item name="title" label={t('acc.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reason" label={t('acc.reason')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="taskIds" label={`${t('acc.evidenceTasks')}${paren(lang, t('common.optional'))}`} extra={t('acc.evidenceHint')}>
          <Input maxLength={500} />
        </Form.Item>
        {save.isError && <Alert type="error" showIcon title={save.error instanceof ApiError ? save.error.message : String(save.error)} />}
      </Form>
    </Modal>
  );
}

