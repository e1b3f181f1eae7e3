import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { UnitPicker, useUnits } from '../../components/pickers.tsx';
import { ErrorState } from '../../components/States.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useLang, useT } from '../../lib/i18n.ts';
import type { Unit } from '../../lib/types.ts';

type Row = Unit & { children?: Row[] };

export default function Units() {
  const t = useT();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const units = useUnits();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const rows = useMemo(() => {
    const byId = new Map<number, Row>((units.data ?? []).map((u) => [u.id, { ...u }]));
    const roots: Row[] = [];
    for (const u of byId.values()) {
      const p = u.parentId ? byId.get(u.parentId) : undefined;
      if (p) (p.children ??= []).push(u);
      else roots.push(u);
    }
    return roots;
  }, [units.data]);
  const onError = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/v1/units', v),
    onSuccess: () => (setCreating(false), form.resetFields(), qc.invalidateQueries({ queryKey: ['units'] })),
    onError,
  });
  const deactivate = useMutation({ mutationFn: (id: number) => api.del(`/api/v1/units/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }), onError });
  if (units.isError) return <ErrorState error={units.error} onRetry={() => units.refetch()} />;
  return (
    <Card title={t('admin.units')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('admin.newUnit')}</Button>}>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={units.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 600 }}
        expandable={{ defaultExpandAllRows: false }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.code'), dataIndex: 'code', width: 140 },
          { title: t('admin.kind'), dataIndex: 'kind', width: 100, render: (k: string) => (k === 'region' ? (zh ? '地区' : 'Region') : zh ? '部门' : 'Department') },
          { title: zh ? '层级' : 'Level', dataIndex: 'level', width: 100 },
          {
            title: '',
            key: 'ops',
            width: 90,
            render: (_: unknown, u) =>
              u.active ? (
                <Popconfirm title={zh ? '撤销该单位？（须无下级和人员）' : 'Deactivate? (it must be empty)'} onConfirm={() => deactivate.mutate(u.id)}>
                  <Button type="link" size="small" style={{ padding: 0 }}>{t('admin.deactivate')}</Button>
                </Popconfirm>
              ) : (
                <Tag>{zh ? '已撤销' : 'Inactive'}</Tag>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('admin.newUnit')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'department' }} onFinish={(v) => create.mutate({ ...v, parentId: v.parentId ?? null })}>
          <Form.Item name="parentId" label={t('admin.parent')}>
            <UnitPicker />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="code" label={t('admin.code')} rules={[{ required: true }]} extra={zh ? '字母、数字、短横线' : 'letters, digits, dashes'}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.kind')}>
            <Select options={[{ value: 'department', label: zh ? '部门' : 'Department' }, { value: 'region', label: zh ? '地区' : 'Region' }]} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
