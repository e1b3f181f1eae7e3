import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, QRCode, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { ApiError } from '../lib/api.ts';
import { hasRole, useMe } from '../lib/auth.ts';
import { useLang } from '../lib/i18n.ts';
import { deskApi, type ServiceWindow } from './desk-api.ts';

/** The link a window's QR code carries; with a visit code, the visitor need not type it. */
export const windowLink = (origin: string, code: string, visit?: string) => `${origin}/public/windows/${encodeURIComponent(code)}${visit ? `?visit=${encodeURIComponent(visit)}` : ''}`;

/**
 * 一次一评 at the service windows: each window has a QR link; after serving someone, the window
 * issues a visit code (one rating per visit) and shows its QR code to scan.
 */
export default function DeskWindows() {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const me = useMe();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [visit, setVisit] = useState<{ window: ServiceWindow; code: string } | null>(null);
  const [form] = Form.useForm<{ unitId: number; name: string }>();
  const list = useQuery({ queryKey: ['service-windows'], queryFn: deskApi.windows });
  const create = useMutation({
    mutationFn: deskApi.createWindow,
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['service-windows'] });
    },
  });
  const issue = useMutation({
    mutationFn: (w: ServiceWindow) => deskApi.issueVisit(w.id).then((v) => ({ window: w, code: v.code })),
    onSuccess: setVisit,
  });
  const mayCreate = hasRole(me.data, 'admin', 'supervisor', 'unit_head');
  const origin = window.location.origin;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {zh ? '办事群众扫描窗口二维码评价服务（一次一评）：每次办完事，由窗口工作人员发放评价码。' : 'Visitors rate a window by its QR code, once per visit: issue a visit code after serving someone.'}
      </Typography.Paragraph>
      {mayCreate && (
        <div>
          <Button onClick={() => setCreating(true)} data-testid="win-new">
            {zh ? '新增服务窗口' : 'New window'}
          </Button>
        </div>
      )}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {issue.isError && <Alert type="error" role="alert" title={issue.error instanceof ApiError ? issue.error.message : String(issue.error)} />}
      <Table<ServiceWindow>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="win-list"
        columns={[
          { title: zh ? '窗口' : 'Window', dataIndex: 'name' },
          { title: zh ? '单位' : 'Unit', dataIndex: 'unitName', width: 180 },
          { title: zh ? '评价数' : 'Ratings', dataIndex: 'ratings', width: 80, align: 'right' },
          { title: zh ? '平均分' : 'Average', dataIndex: 'averageLevel', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
          {
            title: zh ? '二维码链接' : 'QR link',
            width: 220,
            render: (_, w) => (
              <Typography.Text copyable={{ text: windowLink(origin, w.code) }} style={{ fontSize: 12 }}>
                /public/windows/{w.code}
              </Typography.Text>
            ),
          },
          {
            title: zh ? '操作' : 'Actions',
            width: 120,
            render: (_, w) => (
              <Button size="small" type="primary" loading={issue.isPending && issue.variables?.id === w.id} onClick={() => issue.mutate(w)} aria-label={`${zh ? '发放评价码：' : 'Issue a visit code: '}${w.name}`}>
                {zh ? '发放评价码' : 'Visit code'}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={creating} title={zh ? '新增服务窗口' : 'New window'} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={zh ? '保存' : 'Save'} cancelText={zh ? '取消' : 'Cancel'} destroyOnHidden>
        <Form form={form} name="win" layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="unitId" label={zh ? '单位' : 'Unit'} rules={[{ required: true }]}>
            <UnitPicker allowClear={false} aria-label={zh ? '单位' : 'Unit'} />
          </Form.Item>
          <Form.Item name="name" label={zh ? '窗口名称' : 'Window name'} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input placeholder={zh ? '如：不动产登记 3 号窗口' : 'e.g. Window 3'} />
          </Form.Item>
          {create.isError && <Alert type="error" role="alert" title={create.error instanceof ApiError ? create.error.message : String(create.error)} />}
        </Form>
      </Modal>
      <Modal open={!!visit} title={zh ? '请群众扫码评价' : 'Scan to rate'} onCancel={() => setVisit(null)} footer={<Button onClick={() => setVisit(null)}>{zh ? '关闭' : 'Close'}</Button>}>
        {visit && (
          <Space orientation="vertical" align="center" style={{ width: '100%' }}>
            <Typography.Text>{visit.window.unitName} · {visit.window.name}</Typography.Text>
            <QRCode value={windowLink(origin, visit.window.code, visit.code)} size={220} aria-label={zh ? '评价二维码' : 'Rating QR code'} />
            <Typography.Text>
              {zh ? '评价码' : 'Visit code'}：<Typography.Text code data-testid="win-visit-code">{visit.code}</Typography.Text>
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
