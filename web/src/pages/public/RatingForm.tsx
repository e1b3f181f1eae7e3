import { Alert, Button, Form, Input, Radio } from 'antd';
import { ApiError } from '../../lib/api.ts';
import { ratingName, RATING_LEVELS, reopens, type RatingLevel } from '../../lib/public.ts';

/** 好差评: five levels as large buttons (a thumb's width on a phone) and a comment. */
export function RatingForm({ onRate, pending, error, testid, hint }: { onRate: (v: { level: RatingLevel; comment?: string }) => void; pending: boolean; error: unknown; testid: string; hint?: string }) {
  const [form] = Form.useForm<{ level: RatingLevel; comment?: string }>();
  const level = Form.useWatch('level', form);
  return (
    <Form form={form} name={testid} layout="vertical" onFinish={(v) => onRate({ level: v.level, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) })} data-testid={testid}>
      <Form.Item name="level" label="您对办理结果的评价" rules={[{ required: true, message: '请选择一个评价' }]}>
        <Radio.Group aria-label="评价等级" optionType="button" buttonStyle="solid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(96px, 1fr))', gap: 8 }}>
          {RATING_LEVELS.map((k) => (
            <Radio.Button key={k} value={k} data-level={k} style={{ textAlign: 'center', borderRadius: 6, height: 44, lineHeight: '42px' }}>
              {ratingName(k)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {level && reopens(level) && <Alert type="info" role="note" showIcon title="选择不满意，有关单位将在规定时限内整改并回访您。" style={{ marginBottom: 12 }} />}
      {hint && <Alert type="info" role="note" title={hint} style={{ marginBottom: 12 }} />}
      <Form.Item name="comment" label="评价意见（选填）" rules={[{ validator: (_, v: string | undefined) => (level && reopens(level) && !v?.trim() ? Promise.reject(new Error('选择不满意时，请写明哪里不满意')) : Promise.resolve()) }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      {!!error && (
        <Alert type="error" role="alert" showIcon title="未能提交评价" description={error instanceof ApiError ? error.message : '网络异常，请稍后再试。'} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={pending} data-testid={`${testid}-submit`}>
        提交评价
      </Button>
    </Form>
  );
}
