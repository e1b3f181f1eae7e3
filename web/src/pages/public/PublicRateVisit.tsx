import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Result, Typography } from 'antd';
import { useParams } from 'react-router';
import { Loading } from '../../components/States.tsx';
import { ApiError } from '../../lib/api.ts';
import { publicApi } from './public-api.ts';
import { RatingForm } from './RatingForm.tsx';

/** 一次一评: the page a window's QR code opens; one rating per visit code. */
export default function PublicRateVisit() {
  const { visitCode = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['public', 'visit', visitCode], queryFn: () => publicApi.visit(visitCode), retry: false });
  const rate = useMutation({
    mutationFn: (v: Parameters<typeof publicApi.rateVisit>[1]) => publicApi.rateVisit(visitCode, v),
    onSuccess: (r) => qc.setQueryData(['public', 'visit', visitCode], r),
  });
  if (q.isPending) return <Card><Loading rows={5} /></Card>;
  if (q.isError)
    return <Alert type="error" role="alert" showIcon title="二维码无效或已过期" description={q.error instanceof ApiError ? q.error.message : '网络异常，请稍后再试。'} />;
  const v = q.data;
  if (v.rated) return <Card><Result status="success" title="感谢您的评价" subTitle={`${v.unitName} · ${v.windowName}：本次服务已评价（一次一评）。`} data-testid="visit-done" /></Card>;
  return (
    <Card title={<h1 style={{ fontSize: 17, margin: 0 }}>服务评价</h1>} styles={{ body: { padding: 14 } }}>
      <Typography.Paragraph>
        {v.unitName} · <Typography.Text strong>{v.windowName}</Typography.Text>
      </Typography.Paragraph>
      <RatingForm testid="visit-rate" onRate={(x) => rate.mutate(x)} pending={rate.isPending} error={rate.error} />
    </Card>
  );
}
