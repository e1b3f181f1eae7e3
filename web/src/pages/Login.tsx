import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, setCsrfToken } from '../lib/api.ts';
import { fetchMe } from '../lib/auth.ts';
import { useLang, useT } from '../lib/i18n.ts';
import type { LoginResponse } from '../lib/types.ts';

export function Login() {
  const t = useT();
  const { lang, setLang } = useLang();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const password = useRef<InputRef>(null);
  useEffect(() => {
    document.title = `${t('login.title')} · ${t('a11y.appShort')}`;
  }, [t]);
  // After a refusal focus goes back to the password (read with the alert), not to the page's body.
  useEffect(() => {
    if (error && !busy) password.current?.focus({ cursor: 'all' });
  }, [error, busy]);

  const submit = async (v: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<LoginResponse>('/api/v1/auth/login', v);
      setCsrfToken(r.csrfToken);
      // Fetch who we are (with the server's date) before leaving the login page.
      await qc.fetchQuery({ queryKey: ['me'], queryFn: () => fetchMe(), staleTime: 0 });
    } catch (err) {
      // The server words wrong passwords and lockouts (with the time to wait) plainly.
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#fff5f5,#f5f5f5)', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ textAlign: 'center', color: '#c62828', marginTop: 0, fontSize: 24 }}>
          {t('appName')}
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.required') }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" ref={password} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 14 }}>
          {t('login.demo')}
        </Typography.Paragraph>
        <Button type="link" size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} style={{ padding: 0 }}>
          <span lang={lang === 'zh' ? 'en' : 'zh'}>{t('language')}</span>
        </Button>
      </Card>
    </div>
  );
}
