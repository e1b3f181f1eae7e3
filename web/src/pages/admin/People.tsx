import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../../components/pickers.tsx';
import { ErrorState } from '../../components/States.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { ROLE, roleName } from '../../lib/format.ts';
import { useLang, useT } from '../../lib/i18n.ts';
import type { Person, PersonPage } from '../../lib/types.ts';

const RANK: Record<string, [string, string]> = { provincial: ['省级', 'Provincial'], department: ['厅级', 'Department'], county: ['县处级', 'County'], township: ['乡科级', 'Township'], other: ['其他', 'Other'] };

export default function People() {
  const t = useT();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [under, setUnder] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const people = useInfiniteQuery({
    queryKey: ['people', 'admin', under, q],
    queryFn: ({ pageParam }) => api.get<PersonPage>('/api/v1/people', { under, q: q || undefined, cursor: pageParam ?? undefined, limit: 100, includeInactive: true }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const onError = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/v1/people', v),
    onSuccess: () => (setCreating(false), form.resetFields(), qc.invalidateQueries({ queryKey: ['people'] })),
    onError,
  });
  const deactivate = useMutation({ mutationFn: (id: number) => api.del(`/api/v1/people/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['people'] }), onError });
  const reactivate = useMutation({ mutationFn: (id: number) => api.patch(`/api/v1/people/${id}`, { active: true }), onSuccess: () => qc.invalidateQueries({ queryKey: ['people'] }), onError });
  const rows = people.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('admin.people')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('admin.newPerson')}</Button>}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <UnitPicker value={under ?? null} onChange={(v: number | undefined) => setUnder(v ?? undefined)} placeholder={t('admin.unit')} aria-label={t('admin.unit')} />
        </Col>
        <Col xs={24} md={10}>
          <Input.Search allowClear placeholder={`${t('admin.name')} / ${t('admin.login')}`} aria-label={`${t('admin.name')} / ${t('admin.login')}`} onSearch={setQ} />
        </Col>
      </Row>
      {people.isError && <ErrorState error={people.error} onRetry={() => people.refetch()} />}
      <Table<Person>
        rowKey="id"
        size="small"
        loading={people.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name', width: 100 },
          { title: t('admin.login'), dataIndex: 'login', width: 150 },
          { title: t('admin.unit'), dataIndex: 'unitName' },
          { title: t('admin.roles'), dataIndex: 'roles', render: (r: string[]) => r.map((x) => <Tag key={x}>{roleName(x, lang)}</Tag>) },
          { title: t('admin.rank'), dataIndex: 'rank', width: 90, render: (r: string) => RANK[r]?.[zh ? 0 : 1] ?? r },
          {
            title: t('admin.active'),
            key: 'active',
            width: 80,
            render: (_: unknown, p) => (p.active ? <Tag color="green">{zh ? '在职' : 'Active'}</Tag> : <Tag>{zh ? '已停用' : 'Inactive'}</Tag>),
          },
          {
            // 停用 is something an admin does, so it is a button in its own column, not the status.
            title: zh ? '操作' : 'Actions',
            key: 'actions',
            width: 90,
            render: (_: unknown, p) =>
              p.active ? (
                <Popconfirm title={zh ? `停用 ${p.name}？其会话和令牌将立即失效。` : `Deactivate ${p.name}? Their sessions and tokens end now.`} onConfirm={() => deactivate.mutate(p.id)}>
                  <Button type="link" danger size="small" style={{ padding: 0 }} aria-label={zh ? `停用 ${p.name}` : `Deactivate ${p.name}`}>
                    {zh ? '停用' : 'Deactivate'}
                  </Button>
                </Popconfirm>
              ) : (
                <Popconfirm title={zh ? `恢复 ${p.name} 的账号？` : `Reactivate ${p.name}?`} onConfirm={() => reactivate.mutate(p.id)}>
                  <Button type="link" size="small" style={{ padding: 0 }} aria-label={zh ? `恢复 ${p.name}` : `Reactivate ${p.name}`}>
                    {zh ? '恢复' : 'Reactivate'}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {people.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => people.fetchNextPage()} loading={people.isFetchingNextPage}>
            {t('common.more')}
          </Button>
        </div>
      )}
      <Modal open={creating} title={t('admin.newPerson')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ rank: 'other', roles: ['staff'] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="unitId" label={t('admin.unit')} rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
          <Space wrap>
            <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="login" label={t('admin.login')} rules={[{ required: true }]}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Space>
          <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={Object.keys(ROLE).map((r) => ({ value: r, label: roleName(r, lang) }))} />
          </Form.Item>
          <Form.Item name="rank" label={t('admin.rank')}>
            <Select options={Object.entries(RANK).map(([value, n]) => ({ value, label: n[zh ? 0 : 1] }))} />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} extra={zh ? '至少 10 位，含大小写字母、数字、符号中的三类' : '10+ characters, three of upper, lower, digit, symbol'}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
