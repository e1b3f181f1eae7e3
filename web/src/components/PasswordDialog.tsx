import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../lib/api.ts';
import { useT } from '../lib/i18n.ts';

/** 修改密码: says before the change what ends with it (other sessions, API tokens, the calendar link). */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/auth/password', values);
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('password.title')} open={open} onOk={() => void submit()} onCancel={onClose} okText={t('password.submit')} confirmLoading={busy} destroyOnHidden>
      <Alert type="warning" showIcon title={t('password.warning')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true }]} extra={t('password.rule')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
