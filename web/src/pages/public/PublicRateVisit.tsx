import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/States.tsx';
import { ApiError } from '../../lib/api.ts';
import { normalizeCode } from '../../lib/public.ts';
import { publicApi } from './public-api.ts';
import { RatingForm } from './RatingForm.tsx';

/**
 * 一次一评: the page a service window's QR code opens (/public/windows/:code). The visitor rates
 * with the visit code the window gave them (in the link as ?visit=, or typed); one rating per visit.
 */
export default function PublicRateVisit() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const [visitCode, setVisitCode] = useState(params.get('visit') ?? '');
  const [visitError, setVisitError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['public', 'window', code], queryFn: () => publicApi.window(code), retry: false });
  const rate = useMutation({ mutationFn: (v: Parameters<typeof publicApi.rateWindow>[1]) => publicApi.rateWindow(code, v) });
  if (q.isPending) return <Card><Loading rows={5} /></Card>;
  if (q.isError)
    return <Alert type="error" role="alert" showIcon title="二维码无效" description={q.error instanceof ApiError && q.error.status === 404 ? '没有找到这个服务窗口，请向工作人员确认。' : q.error instanceof ApiError ? q.error.message : '网络异常，请稍后再试。'} />;
  const w = q.data;
  if (rate.isSuccess)
    return (
      <Card>
        <Result status="success" title="感谢您的评价" subTitle={rate.data.message} data-testid="window-done" />
      </Card>
    );
  return (
    <Card title={<h1 style={{ fontSize: 17, margin: 0 }}>服务评价（一次一评）</h1>} styles={{ body: { padding: 14 } }}>
      <Typography.Paragraph data-testid="window-name">
        {w.unitName} · <Typography.Text strong>{w.name}</Typography.Text>
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label="评价码" htmlFor="window-visit" required extra="办事完成后，窗口工作人员给您的评价码；每次办事只能评价一次。" validateStatus={visitError ? 'error' : undefined} help={visitError ?? undefined}>
          <Input id="window-visit" value={visitCode} onChange={(e) => { setVisitCode(e.target.value); setVisitError(null); }} size="large" maxLength={40} autoComplete="off" autoCapitalize="characters" spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
      <RatingForm
        testid="window-rate"
        onRate={(x) => {
          const v = normalizeCode(visitCode);
          if (!v) return setVisitError('请填写评价码');
          rate.mutate({ visitCode: v, ...x });
        }}
        pending={rate.isPending}
        error={rate.error}
      />
    </Card>
  );
}
