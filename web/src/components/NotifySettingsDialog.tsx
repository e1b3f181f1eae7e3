import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Spin, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { channelsApi, KIND_NAMES, type NotifySettings } from '../pages/channels-api.ts';

type Row = NotifySettings['kinds'][number];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 通知设置: which kinds reach me by e-mail and SMS (the inbox always), quiet hours, the morning digest, my mobile. */
export function NotifySettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const settings = useQuery({ queryKey: ['channels', 'me'], queryFn: channelsApi.settings, enabled: open });
  return (
    <Modal open={open} title={t('notify.title')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {settings.isError && <Alert type="error" role="alert" title={settings.error instanceof ApiError ? settings.error.message : String(settings.error)} />}
      {settings.data ? <SettingsForm data={settings.data} onClose={onClose} /> : !settings.isError && <Spin />}
    </Modal>
  );
}

/** The form, mounted with the loaded settings (each opening starts from what the server has). */
function SettingsForm({ data, onClose }: { data: NotifySettings; onClose: () => void }) {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rows, setRows] = useState<Row[]>(data.kinds);
  const [form] = Form.useForm<{ quietStart: string; quietEnd: string; digest: boolean; mobile: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (kind: string, channel: 'email' | 'sms', on: boolean) => setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, [channel]: { ...r[channel], on } } : r)));

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const choices = Object.fromEntries(rows.map((r) => [r.kind, [...(r.email.on ? ['email'] : []), ...(r.sms.on ? ['sms'] : [])]]));
      const saved = await channelsApi.saveSettings({ choices, quietStart: v.quietStart, quietEnd: v.quietEnd, digest: v.digest, mobile: v.mobile.trim() === '' ? null : v.mobile.trim() });
      qc.setQueryData(['channels', 'me'], saved);
      message.success(zh ? '通知设置已保存' : 'Saved');
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const name = (kind: string) => KIND_NAMES[kind]?.[zh ? 0 : 1] ?? kind;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {zh
          ? '站内消息始终接收。带锁的渠道由本地区政策规定，不能关闭；督办及以上的紧急消息总会以短信送达。免打扰时段和休息日内，非紧急消息在下一个工作日早上发送。'
          : 'The inbox is always on. Locked channels are set by your region’s policy; urgent notices (督办 and above) always go by SMS. In quiet hours and on rest days, non-urgent notices wait for the next working morning.'}
      </Typography.Paragraph>
      <Form form={form} name="notify" layout="vertical" initialValues={{ quietStart: data.quietStart, quietEnd: data.quietEnd, digest: data.digest, mobile: data.mobile ?? '' }}>
        <Space wrap>
          <Form.Item name="mobile" label={zh ? '手机号码（用于短信和群内@提醒）' : 'Mobile (SMS, mentions)'} rules={[{ pattern: /^(\+?86)?\s*1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}$/, message: zh ? '请输入中国大陆手机号码' : 'A mainland China mobile' }]}>
            <Input style={{ width: 220 }} maxLength={20} data-testid="notify-mobile" />
          </Form.Item>
          <Form.Item name="quietStart" label={zh ? '免打扰开始' : 'Quiet from'} rules={[{ required: true, pattern: HHMM, message: 'HH:MM' }]}>
            <Input style={{ width: 100 }} maxLength={5} />
          </Form.Item>
          <Form.Item name="quietEnd" label={zh ? '免打扰结束' : 'Quiet until'} rules={[{ required: true, pattern: HHMM, message: 'HH:MM' }]}>
            <Input style={{ width: 100 }} maxLength={5} />
          </Form.Item>
          <Form.Item name="digest" label={zh ? `工作日早间汇总（${data.digestAt}）` : `Morning digest (${data.digestAt})`} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
      <Table<Row>
        rowKey="kind"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 320 }}
        columns={[
          { title: zh ? '消息类型' : 'Kind', dataIndex: 'kind', render: (k: string) => name(k) },
          { title: zh ? '站内' : 'Inbox', width: 70, render: (_, r) => <Checkbox checked disabled aria-label={`${name(r.kind)} ${zh ? '站内消息' : 'inbox'}`} /> },
          {
            title: zh ? '邮件' : 'E-mail',
            width: 80,
            render: (_, r) => <Checkbox checked={r.email.on || r.email.locked} disabled={r.email.locked} onChange={(e) => toggle(r.kind, 'email', e.target.checked)} aria-label={`${name(r.kind)} ${zh ? '邮件' : 'e-mail'}`} />,
          },
          {
            title: zh ? '短信' : 'SMS',
            width: 80,
            render: (_, r) => <Checkbox checked={r.sms.on || r.sms.locked} disabled={r.sms.locked || !data.smsAvailable} onChange={(e) => toggle(r.kind, 'sms', e.target.checked)} aria-label={`${name(r.kind)} ${zh ? '短信' : 'SMS'}`} />,
          },
        ]}
      />
      {error && <Alert type="error" role="alert" style={{ marginTop: 12 }} title={error} />}
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{zh ? '取消' : 'Cancel'}</Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="notify-save">
          {zh ? '保存' : 'Save'}
        </Button>
      </Space>
    </>
  );
}
