import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Steps, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/States.tsx';
import { ApiError } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { groupCode, normalizeCode, progressStep, PROGRESS_STEPS, STATUS_COLOR } from '../../lib/public.ts';
import { categoryName, publicApi, useCatalog } from './public-api.ts';
import { RatingForm } from './RatingForm.tsx';

/** 查询进度: the tracking code → the status, the reply, the ratings and the rating form when it is due. */
export default function PublicTrack() {
  const { code: raw } = useParams();
  const code = raw ? normalizeCode(decodeURIComponent(raw)) : '';
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => form.setFieldsValue({ code: code ? groupCode(code) : '' }), [code, form]);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 17, margin: 0 }}>查询办理进度</h1>} styles={{ body: { padding: 14 } }}>
        <Form form={form} name="track" layout="vertical" onFinish={(v) => void navigate(`/public/track/${encodeURIComponent(normalizeCode(v.code))}`)}>
          <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请输入提交时得到的查询码' }, { max: 40, message: '查询码不超过 40 个字符' }]}>
            <Input size="large" autoComplete="off" autoCapitalize="characters" spellCheck={false} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" data-testid="pub-track-submit">
            查询
          </Button>
        </Form>
      </Card>
      {code && <RequestView code={code} />}
    </Space>
  );
}

function RequestView({ code }: { code: string }) {
  const qc = useQueryClient();
  const catalog = useCatalog();
  const q = useQuery({ queryKey: ['public', 'request', code], queryFn: () => publicApi.lookup(code), retry: false });
  const rate = useMutation({
    mutationFn: (v: Parameters<typeof publicApi.rate>[1]) => publicApi.rate(code, v),
    onSuccess: (r) => {
      qc.setQueryData(['public', 'request', code], r);
      void qc.invalidateQueries({ queryKey: ['public', 'request', code] });
    },
  });
  if (q.isPending) return <Card><Loading rows={5} /></Card>;
  if (q.isError) {
    // A code of the wrong shape is refused as a bad request (400): to the citizen it is a code
    // that does not exist, not "请求参数有误: params.code".
    const unknown = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return (
      <Alert
        type="error"
        role="alert"
        showIcon
        data-testid="pub-track-error"
        title={unknown ? '没有找到这个查询码' : '查询失败'}
        description={unknown ? '请核对查询码（不区分大小写，可省略横线）。' : q.error instanceof ApiError ? q.error.message : '网络异常，请稍后再试。'}
      />
    );
  }
  const r = q.data;
  const step = progressStep(r.status);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 14 } }} data-testid="pub-request">
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Text strong style={{ fontFamily: 'monospace' }}>{groupCode(r.code)}</Typography.Text>
          <Tag color={STATUS_COLOR[r.status] ?? 'default'} data-testid="pub-status" data-status={r.status} style={{ fontSize: 14, padding: '2px 10px' }}>
            {r.statusName}
          </Tag>
        </Space>
        {step !== null && (
          <Steps
            size="small"
            progressDot
            responsive={false}
            current={step}
            style={{ marginTop: 12 }}
            items={PROGRESS_STEPS.map((title) => ({ title: <span style={{ fontSize: 12 }}>{title}</span> }))}
            aria-label={`办理进度：${PROGRESS_STEPS[step]}`}
          />
        )}
        <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label="类型">{r.typeName}</Descriptions.Item>
          <Descriptions.Item label="分类">{categoryName(catalog.data, r.category)}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{dateTime(r.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="受理时限">{r.acknowledgedAt ? `${dateTime(r.acknowledgedAt)} 已受理` : `${r.acknowledgeDue} 前`}</Descriptions.Item>
          {r.unitName && <Descriptions.Item label="承办单位">{r.unitName}</Descriptions.Item>}
          {r.deadline && !r.answeredAt && <Descriptions.Item label="办理时限">{r.deadline} 前</Descriptions.Item>}
          {r.rectifyDue && r.status === 'reopened' && <Descriptions.Item label="整改时限">{r.rectifyDue} 前</Descriptions.Item>}
          {r.photos > 0 && <Descriptions.Item label="照片">{r.photos} 张</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {r.description}
        </Typography.Paragraph>
      </Card>
      {r.merged && <Alert type="info" role="note" showIcon title="您反映的事项与他人反映的相同，已合并办理；以下是合并后的办理进度和答复。" data-testid="pub-merged" />}
      {r.declineReason && <Alert type="warning" showIcon title="不予受理" description={r.declineReason} data-testid="pub-decline" />}
      {r.reply && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理答复</h2>} styles={{ body: { padding: 14 } }} data-testid="pub-reply">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{r.reply}</Typography.Paragraph>
          {r.answeredAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTime(r.answeredAt)}</Typography.Text>}
        </Card>
      )}
      {(r.rectification || r.callbacks.length > 0) && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>整改与回访</h2>} styles={{ body: { padding: 14 } }} data-testid="pub-rectify">
          {r.rectification && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>整改情况：{r.rectification}</Typography.Paragraph>}
          {r.callbacks.map((c, i) => (
            <div key={i}>
              <Typography.Text type="secondary">{dateTime(c.calledAt)} 已电话回访</Typography.Text>
            </div>
          ))}
        </Card>
      )}
      {r.ratings.length > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>我的评价</h2>} styles={{ body: { padding: 14 } }} data-testid="pub-ratings">
          {r.ratings.map((x) => (
            <div key={`${x.round}-${x.ratedAt}`} data-level={x.level} style={{ marginBottom: 8 }}>
              <Tag color={x.level <= 2 ? 'red' : 'green'}>{x.levelName}</Tag>
              {x.comment && <Typography.Text>{x.comment}</Typography.Text>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.round > 0 ? `回访后第 ${x.round} 次评价 · ` : ''}
                  {dateTime(x.ratedAt)}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Card>
      )}
      {r.effectiveRating?.defaulted && <Alert type="info" role="note" title={`答复后 7 日内未评价，按“${r.effectiveRating.levelName}”计。`} />}
      {r.canRate && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{r.ratings.length ? '回访后再次评价' : '评价办理结果'}</h2>} styles={{ body: { padding: 14 } }}>
          <RatingForm
            testid="pub-rate"
            onRate={(v) => rate.mutate(v)}
            pending={rate.isPending}
            error={rate.error}
            hint={r.ratingWindowEndsAt ? `请于 ${dateTime(r.ratingWindowEndsAt)} 前评价，逾期按“基本满意”计。` : undefined}
          />
        </Card>
      )}
    </Space>
  );
}
