import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../../components/pickers.tsx';
import { ErrorState } from '../../components/States.tsx';
import { ApiError } from '../../lib/api.ts';
import { hasRole } from '../../lib/auth.ts';
import { dateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.ts';
import type { User } from '../../lib/types.ts';
import { channelsApi, KIND_NAMES, type Robot, type RobotForm } from '../channels-api.ts';

const PROVIDERS: Record<Robot['provider'], [string, string]> = {
  dingtalk: ['钉钉 / 政务钉钉', 'DingTalk'],
  wecom: ['企业微信', 'WeCom'],
  feishu: ['飞书', 'Feishu / Lark'],
};

/**
 * 通知渠道: the group robots of the units (an admin anywhere, a supervisor in their region) and
 * the SMS gateway (admins), each with 发送测试消息. Secrets are typed once and never shown again.
 */
export default function Channels({ user }: { user: User }) {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<RobotForm>();
  const [lastTest, setLastTest] = useState<{ id: number; ok: boolean; error: string | null } | null>(null);
  const robots = useQuery({ queryKey: ['channels', 'robots'], queryFn: channelsApi.robots });
  const create = useMutation({
    mutationFn: channelsApi.createRobot,
    onSuccess: () => {
      setAdding(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['channels', 'robots'] });
    },
  });
  const disable = useMutation({
    mutationFn: channelsApi.disableRobot,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['channels', 'robots'] }),
    onError: (err) => message.error(err instanceof ApiError ? err.message : String(err)),
  });
  const test = useMutation({
    mutationFn: (id: number) => channelsApi.testRobot(id).then((r) => ({ id, ...r })),
    onSuccess: (r) => setLastTest(r),
    onError: (err) => message.error(err instanceof ApiError ? err.message : String(err)),
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh ? '群机器人' : 'Group robots'}</h2>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="robot-add">
            {zh ? '添加群机器人' : 'Add a robot'}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          {zh
            ? '把督办消息推送到单位的工作群（钉钉/政务钉钉、企业微信、飞书）。每个机器人属于一个单位，推送该单位及下属单位人员收到的所选类型消息，每条消息附事项链接；每个机器人每分钟最多 20 条，超出的排队发送。签名密钥只在添加时填写，之后不再显示。'
            : 'Push notices to a unit’s work group. A robot carries the chosen kinds of the notices its unit’s people receive, each with a link to the task; at most 20 a minute per robot (the rest wait). The secret is typed once and never shown again.'}
        </Typography.Paragraph>
        {robots.isError && <ErrorState error={robots.error} onRetry={() => robots.refetch()} />}
        {lastTest && (
          <Alert
            role="status"
            data-testid="robot-test-result"
            type={lastTest.ok ? 'success' : 'error'}
            showIcon
            style={{ marginBottom: 12 }}
            title={lastTest.ok ? (zh ? '测试消息已送达群机器人' : 'The robot accepted the test message') : `${zh ? '测试消息未被接收' : 'The test message was refused'}: ${lastTest.error ?? ''}`}
          />
        )}
        <Table<Robot>
          rowKey="id"
          size="small"
          loading={robots.isPending}
          dataSource={robots.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="robot-list"
          columns={[
            { title: zh ? '名称' : 'Name', dataIndex: 'name' },
            { title: zh ? '单位' : 'Unit', dataIndex: 'unitName', width: 140 },
            { title: zh ? '类型' : 'Service', dataIndex: 'provider', width: 130, render: (p: Robot['provider']) => PROVIDERS[p][zh ? 0 : 1] },
            { title: zh ? '地址' : 'Address', dataIndex: 'url', render: (u: string) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{u}</Typography.Text> },
            {
              title: zh ? '推送类型' : 'Kinds',
              dataIndex: 'kinds',
              width: 200,
              render: (k: string[], r) => (
                <>
                  {k.length === 0 ? <Tag>{zh ? '全部' : 'All'}</Tag> : k.map((x) => <Tag key={x}>{KIND_NAMES[x]?.[zh ? 0 : 1] ?? x}</Tag>)}
                  {r.urgentOnly && <Tag color="red">{zh ? '仅紧急' : 'Urgent only'}</Tag>}
                </>
              ),
            },
            { title: zh ? '状态' : 'State', width: 90, render: (_, r) => (r.active ? <Tag color="green">{zh ? '启用' : 'Active'}</Tag> : <Tag>{zh ? '已停用' : 'Disabled'}</Tag>) },
            { title: zh ? '添加时间' : 'Added', dataIndex: 'createdAt', width: 160, render: (v: string) => dateTime(v) },
            {
              title: zh ? '操作' : 'Actions',
              width: 210,
              render: (_, r) =>
                r.active ? (
                  <Space>
                    <Button size="small" icon={<SendOutlined />} loading={test.isPending && test.variables === r.id} onClick={() => test.mutate(r.id)} aria-label={`${zh ? '发送测试消息：' : 'Send a test message: '}${r.name}`} data-testid={`robot-test-${r.id}`}>
                      {zh ? '发送测试消息' : 'Test'}
                    </Button>
                    <Popconfirm title={zh ? `停用“${r.name}”？` : `Disable “${r.name}”?`} onConfirm={() => disable.mutate(r.id)} okText={zh ? '停用' : 'Disable'} cancelText={zh ? '取消' : 'Cancel'}>
                      <Button danger size="small" aria-label={`${zh ? '停用群机器人：' : 'Disable robot: '}${r.name}`}>
                        {zh ? '停用' : 'Disable'}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
        <Modal open={adding} title={zh ? '添加群机器人' : 'Add a group robot'} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={zh ? '添加' : 'Add'} cancelText={zh ? '取消' : 'Cancel'} destroyOnHidden>
          <Form form={form} name="robot" layout="vertical" initialValues={{ provider: 'dingtalk', kinds: [], urgentOnly: false }} onFinish={(v) => create.mutate(v)}>
            <Form.Item name="unitId" label={zh ? '所属单位' : 'Unit'} rules={[{ required: true }]}>
              <UnitPicker aria-label={zh ? '所属单位' : 'Unit'} />
            </Form.Item>
            <Form.Item name="name" label={zh ? '名称（如：县督查室工作群）' : 'Name'} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="provider" label={zh ? '类型' : 'Service'} rules={[{ required: true }]}>
              <Select aria-label={zh ? '类型' : 'Service'} options={Object.entries(PROVIDERS).map(([value, names]) => ({ value, label: names[zh ? 0 : 1] }))} />
            </Form.Item>
            <Form.Item name="url" label={zh ? 'Webhook 地址' : 'Webhook address'} rules={[{ required: true, type: 'url', max: 2000 }]}>
              <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
            </Form.Item>
            <Form.Item name="secret" label={zh ? '加签密钥（钉钉、飞书；企业微信无需填写）' : 'Signing secret (DingTalk, Feishu)'} rules={[{ min: 8, max: 200 }]}>
              <Input.Password autoComplete="off" />
            </Form.Item>
            <Form.Item name="kinds" label={zh ? '推送类型（不选为全部）' : 'Kinds (none = all)'}>
              <Select aria-label={zh ? '推送类型' : 'Kinds'} mode="multiple" allowClear options={[{ value: 'tasks.*', label: zh ? '全部督办消息' : 'All task notices' }, ...Object.entries(KIND_NAMES).map(([value, names]) => ({ value, label: names[zh ? 0 : 1] }))]} />
            </Form.Item>
            <Form.Item name="urgentOnly" valuePropName="checked">
              <Checkbox>{zh ? '只推送紧急消息（督办及以上）' : 'Urgent notices only (督办 and above)'}</Checkbox>
            </Form.Item>
            {create.isError && <Alert type="error" role="alert" title={create.error instanceof ApiError ? create.error.message : String(create.error)} />}
          </Form>
        </Modal>
      </Card>
      {hasRole(user, 'admin') && <SmsGatewayCard />}
    </Space>
  );
}

/** 短信网关: log-only (demos) or a generic HTTP gateway with a body template; header values and the secret are never shown again. */
function SmsGatewayCard() {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: 'http' | 'log'; url?: string; method: 'POST' | 'PUT' | 'GET'; headers?: string; bodyTemplate?: string; secret?: string }>();
  const [mobile, setMobile] = useState('');
  const gateway = useQuery({ queryKey: ['channels', 'gateway'], queryFn: channelsApi.gateway });
  const save = useMutation({
    mutationFn: (v: { kind: 'http' | 'log'; url?: string; method: 'POST' | 'PUT' | 'GET'; headers?: string; bodyTemplate?: string; secret?: string }) => {
      const headers: Record<string, string> = {};
      for (const line of (v.headers ?? '').split('\n')) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
      }
      return channelsApi.saveGateway({ kind: v.kind, url: v.kind === 'http' ? (v.url ?? null) : null, method: v.method, headers, bodyTemplate: v.bodyTemplate ?? '', ...(v.secret ? { secret: v.secret } : {}) });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['channels', 'gateway'] }),
  });
  const test = useMutation({ mutationFn: () => channelsApi.testSms(mobile.trim() || undefined) });
  const kind = Form.useWatch('kind', form);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh ? '短信网关' : 'SMS gateway'}</h2>}>
      <Typography.Paragraph type="secondary">
        {zh
          ? '“仅记录”不发出短信，只写入服务器日志（演示、测试用）。HTTP 网关适配政务短信平台、运营商 MAS 网关：请求体模板中用 {mobile}、{text} 表示号码和内容；设置签名密钥后，每个请求带 x-mashang-timestamp 和 x-mashang-signature。已保存的请求头值和密钥不再显示。'
          : '“Log only” sends nothing (demos). The HTTP gateway posts a body template with {mobile} and {text}; with a secret every request is signed (x-mashang-signature). Saved header values and the secret are never shown again.'}
      </Typography.Paragraph>
      {gateway.data && (
        <Typography.Paragraph data-testid="gateway-state">
          {gateway.data.configured ? `${zh ? '当前' : 'Now'}: ${gateway.data.kind === 'log' ? (zh ? '仅记录' : 'log only') : `HTTP ${gateway.data.method} ${gateway.data.url ?? ''}`}${gateway.data.hasSecret ? (zh ? '（已设签名密钥）' : ' (signed)') : ''}` : zh ? '尚未配置短信网关' : 'No SMS gateway yet'}
        </Typography.Paragraph>
      )}
      <Form form={form} name="gateway" layout="vertical" initialValues={{ kind: 'log', method: 'POST', bodyTemplate: '{"mobile":"{mobile}","content":"{text}"}' }} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="kind" label={zh ? '方式' : 'Kind'}>
          <Select aria-label={zh ? '方式' : 'Kind'} options={[{ value: 'log', label: zh ? '仅记录（不发送）' : 'Log only' }, { value: 'http', label: zh ? 'HTTP 短信网关' : 'HTTP gateway' }]} />
        </Form.Item>
        {kind === 'http' && (
          <>
            <Form.Item name="url" label={zh ? '网关地址' : 'Gateway URL'} rules={[{ required: true, type: 'url' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="method" label={zh ? '请求方法' : 'Method'}>
              <Select aria-label={zh ? '请求方法' : 'Method'} options={['POST', 'PUT', 'GET'].map((m) => ({ value: m, label: m }))} />
            </Form.Item>
            <Form.Item name="headers" label={zh ? '请求头（每行一个，名称: 值）' : 'Headers (one per line, Name: value)'}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="bodyTemplate" label={zh ? '请求体模板' : 'Body template'} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="secret" label={zh ? '签名密钥（留空则保持不变）' : 'Signing secret (empty: unchanged)'} rules={[{ min: 8, max: 200 }]}>
              <Input.Password autoComplete="off" />
            </Form.Item>
          </>
        )}
        {save.isError && <Alert type="error" role="alert" style={{ marginBottom: 12 }} title={save.error instanceof ApiError ? save.error.message : String(save.error)} />}
        {save.isSuccess && <Alert type="success" role="status" style={{ marginBottom: 12 }} title={zh ? '已保存' : 'Saved'} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {zh ? '保存短信网关' : 'Save the gateway'}
        </Button>
      </Form>
      <Space style={{ marginTop: 16 }} wrap>
        <Input aria-label={zh ? '测试手机号码' : 'Test mobile'} placeholder={zh ? '手机号码（空则发给本人）' : 'Mobile (empty: mine)'} value={mobile} onChange={(e) => setMobile(e.target.value)} style={{ width: 240 }} maxLength={20} />
        <Button icon={<SendOutlined />} onClick={() => test.mutate()} loading={test.isPending}>
          {zh ? '发送测试短信' : 'Send a test SMS'}
        </Button>
      </Space>
      {test.data && <Alert role="status" style={{ marginTop: 12 }} type={test.data.ok ? 'success' : 'error'} title={test.data.ok ? `${zh ? '已发送至' : 'Sent to'} ${test.data.mobile}` : `${zh ? '发送失败' : 'Failed'}: ${test.data.error ?? ''}`} />}
      {test.isError && <Alert role="alert" style={{ marginTop: 12 }} type="error" title={test.error instanceof ApiError ? test.error.message : String(test.error)} />}
    </Card>
  );
}
