import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../components/States.tsx';
import { ApiError } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.ts';
import { deskApi, type Open311Client } from '../desk-api.ts';

/**
 * Open311 client keys: the applications (the 12345 platform, a city app) that may post requests
 * through /open311/v2. A key is shown once, when issued; the server keeps only its hash.
 */
export default function Open311Keys() {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const list = useQuery({ queryKey: ['open311', 'clients'], queryFn: deskApi.clients });
  const issue = useMutation({
    mutationFn: (v: { name: string }) => deskApi.issueClient(v.name),
    onSuccess: (r) => {
      setIssuing(false);
      form.resetFields();
      setIssued({ name: r.name, key: r.key });
      void qc.invalidateQueries({ queryKey: ['open311', 'clients'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => deskApi.revokeClient(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['open311', 'clients'] }),
    onError: (err) => message.error(err instanceof ApiError ? err.message : String(err)),
  });
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh ? 'Open311 接入密钥' : 'Open311 API keys'}</h2>}
      extra={
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)} data-testid="o311-issue">
          {zh ? '签发密钥' : 'Issue a key'}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {zh
          ? '为对接的应用（如 12345 热线平台、城市服务 App）签发密钥，凭密钥通过 /open311/v2 提交诉求。密钥只在签发时显示一次，服务器只保存其摘要；停用后立即失效。'
          : 'Keys for the applications that post requests through /open311/v2. A key is shown once; the server keeps only its hash. Revoking takes effect at once.'}
      </Typography.Paragraph>
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      <Table<Open311Client>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="o311-list"
        columns={[
          { title: zh ? '应用' : 'Application', dataIndex: 'name' },
          { title: zh ? '密钥前缀' : 'Key prefix', dataIndex: 'keyPrefix', width: 140, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: zh ? '签发时间' : 'Issued', dataIndex: 'createdAt', width: 170, render: (v: string) => dateTime(v) },
          {
            title: zh ? '状态' : 'State',
            width: 170,
            render: (_, c) => (c.revokedAt ? <Tag>{zh ? '已停用' : 'Revoked'} {dateTime(c.revokedAt)}</Tag> : <Tag color="green">{zh ? '有效' : 'Active'}</Tag>),
          },
          {
            title: zh ? '操作' : 'Actions',
            width: 100,
            render: (_, c) =>
              c.revokedAt ? null : (
                <Popconfirm title={zh ? `停用“${c.name}”的密钥？停用后该应用无法再提交。` : `Revoke the key of “${c.name}”?`} onConfirm={() => revoke.mutate(c.id)} okText={zh ? '停用' : 'Revoke'} cancelText={zh ? '取消' : 'Cancel'}>
                  <Button danger size="small" aria-label={`${zh ? '停用密钥：' : 'Revoke key: '}${c.name}`}>
                    {zh ? '停用' : 'Revoke'}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={issuing} title={zh ? '签发密钥' : 'Issue a key'} onCancel={() => setIssuing(false)} onOk={() => form.submit()} confirmLoading={issue.isPending} okText={zh ? '签发' : 'Issue'} cancelText={zh ? '取消' : 'Cancel'} destroyOnHidden>
        <Form form={form} name="o311" layout="vertical" onFinish={(v) => issue.mutate(v)}>
          <Form.Item name="name" label={zh ? '应用名称' : 'Application name'} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          {issue.isError && <Alert type="error" role="alert" title={issue.error instanceof ApiError ? issue.error.message : String(issue.error)} />}
        </Form>
      </Modal>
      <Modal open={!!issued} title={zh ? '密钥已签发' : 'Key issued'} onCancel={() => setIssued(null)} onOk={() => setIssued(null)} okText={zh ? '我已妥善保存' : 'I have saved it'} cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title={zh ? '密钥只显示这一次，请立即复制并交给对接方。' : 'The key is shown only now: copy it and hand it over.'} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{issued?.name}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: issued?.key ?? '' }} code data-testid="o311-key" style={{ wordBreak: 'break-all' }}>
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
