import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Row, Space, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LightTag } from '../components/LightTag.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { hasRole, serverToday, useMe } from '../lib/auth.ts';
import { ApiError } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { useLang } from '../lib/i18n.ts';
import { acknowledgeLight, nameOf, ratingName, REQUEST_STATUS, REQUEST_TYPE, STATUS_COLOR } from '../lib/public.ts';
import { deskApi, type DeskRequestDetail } from './desk-api.ts';
import { categoryName, useCatalog } from './public/public-api.ts';

/** The actions on a request, in the order the buttons stand, with their names and dialogs. */
const ACTIONS = {
  assign: { zh: '交办', en: 'Assign', primary: true },
  forward: { zh: '转达单位', en: 'Forward', primary: true },
  merge: { zh: '合并重复件', en: 'Merge duplicate', primary: false },
  decline: { zh: '不予受理', en: 'Decline', primary: false, danger: true },
  reply: { zh: '答复群众', en: 'Reply', primary: true },
  return: { zh: '退回（交办有误）', en: 'Return (misrouted)', primary: false, danger: true },
  rectify: { zh: '登记整改', en: 'Record rectification', primary: true },
  callback: { zh: '登记回访', en: 'Record call-back', primary: true },
} as const;
type Action = keyof typeof ACTIONS;

/** A citizen's request as the desk and the unit see it: the text, masked contact, what was done, what may be done now. */
export default function DeskRequest() {
  const id = Number(useParams().id);
  const { lang } = useLang();
  const zh = lang === 'zh';
  const [action, setAction] = useState<Action | null>(null);
  const catalog = useCatalog();
  const me = useMe();
  const desk = hasRole(me.data, 'supervisor', 'admin');
  const q = useQuery({ queryKey: ['public-requests', 'detail', id], queryFn: () => deskApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={new Error(zh ? '没有这件诉求' : 'No such request')} />;
  if (q.isPending) return <Loading rows={8} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  const actions = (Object.keys(ACTIONS) as Action[]).filter((a) => r.allowedActions.includes(a));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Link to="/desk">{zh ? '← 受理台' : '← Desk'}</Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="req-title">
            {nameOf(REQUEST_TYPE, r.type, lang)} · {categoryName(catalog.data, r.category)}
          </Typography.Title>
          <Tag color={STATUS_COLOR[r.status]} data-testid="req-status" data-status={r.status}>
            {nameOf(REQUEST_STATUS, r.status, lang)}
          </Tag>
        </Space>
        <Space wrap data-testid="req-actions">
          {actions.map((a) => (
            <Button key={a} type={ACTIONS[a].primary ? 'primary' : 'default'} danger={'danger' in ACTIONS[a]} data-action={a} onClick={() => setAction(a)}>
              {ACTIONS[a][zh ? 'zh' : 'en']}
            </Button>
          ))}
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={zh ? '群众反映' : 'What the citizen wrote'} size="small">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="req-description">
              {r.description}
            </Typography.Paragraph>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={zh ? '查询码' : 'Code'}>
                <Typography.Text code>{r.code}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={zh ? '地点' : 'Place'}>
                {[r.address, r.lat !== null && r.long !== null ? `${r.lat}, ${r.long}` : null].filter(Boolean).join(' · ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={zh ? '联系人' : 'Contact'}>
                <span data-testid="req-contact">{r.contactName || r.contactPhone ? [r.contactName, r.contactPhone].filter(Boolean).join(' ') : zh ? '未留联系方式' : 'none given'}</span>
                {r.contactMasked && (r.contactName || r.contactPhone) && <Typography.Text type="secondary">{zh ? '（已隐去；受理台和承办人可见全号）' : ' (masked)'}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={zh ? '提交时间' : 'Submitted'}>{dateTime(r.submittedAt)}</Descriptions.Item>
              {r.photos.length > 0 && (
                <Descriptions.Item label={zh ? '照片' : 'Photos'}>
                  <Space wrap>
                    {r.photos.map((p, i) => (
                      <a key={p.id} href={`/api/v1/public-requests/${r.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                        {zh ? `照片 ${i + 1}` : `Photo ${i + 1}`}：{p.fileName}
                      </a>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={zh ? '办理' : 'Handling'} size="small" data-testid="req-handling">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={zh ? '受理时限' : 'Accept by'}>
                <Space size={4}>
                  {r.status === 'submitted' && <LightTag light={acknowledgeLight(r.acknowledgeDue, serverToday().format('YYYY-MM-DD'))} />}
                  {r.acknowledgeDue}
                  {r.acknowledgedAt && <Typography.Text type="secondary">{zh ? `（${dateTime(r.acknowledgedAt)} 已受理）` : `(taken in ${dateTime(r.acknowledgedAt)})`}</Typography.Text>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={zh ? '承办单位' : 'Unit'}>{r.unit?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={zh ? '督办任务' : 'Task'}>
                {r.task ? (
                  <Space size={4} wrap>
                    <LightTag light={r.task.light} />
                    <Link to={`/tasks/${r.task.id}`} data-testid="req-task-link">
                      {zh ? `督办任务 #${r.task.id}` : `Task #${r.task.id}`}
                    </Link>
                    <Typography.Text type="secondary">{zh ? `时限 ${r.task.deadline}` : `due ${r.task.deadline}`}</Typography.Text>
                    {r.task.extensionsUsed > 0 && <Tag>{zh ? '已延期' : 'extended'}</Tag>}
                  </Space>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              {r.declineReason && <Descriptions.Item label={zh ? '不予受理理由' : 'Declined because'}>{r.declineReason}</Descriptions.Item>}
              {r.mergedInto && (
                <Descriptions.Item label={zh ? '并入' : 'Merged into'}>
                  <Link to={`/desk/${r.mergedInto}`}>#{r.mergedInto}</Link>
                </Descriptions.Item>
              )}
              {r.mergedFrom.length > 0 && (
                <Descriptions.Item label={zh ? '并入的重复件' : 'Duplicates merged in'}>
                  <Space wrap>
                    {r.mergedFrom.map((m) => (
                      <Link key={m} to={`/desk/${m}`}>
                        #{m}
                      </Link>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              {r.returnUntil && r.status === 'assigned' && <Descriptions.Item label={zh ? '可退回至' : 'Return until'}>{r.returnUntil}</Descriptions.Item>}
              {r.round > 0 && <Descriptions.Item label={zh ? '整改轮次' : 'Round'}>{r.round}</Descriptions.Item>}
              {r.rectifyDue && <Descriptions.Item label={zh ? '整改时限' : 'Rectify by'}>{r.rectifyDue}</Descriptions.Item>}
              {r.rectifyNote && <Descriptions.Item label={zh ? '整改情况' : 'Rectification'}>{r.rectifyNote}</Descriptions.Item>}
            </Descriptions>
            {r.task && r.status === 'assigned' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {zh ? '答复后在任务页报请办结；延期申请（限一次）也在任务页提出。督查室审核办结后，群众即可看到答复。' : 'After replying, submit the task for verification on its page (extensions too, once). The citizen sees the reply when the task is verified.'}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      {desk && <PublishableSwitch request={r} />}
      <Card title={zh ? '答复' : 'Reply'} size="small" data-testid="req-reply">
        {r.reply ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{r.reply}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {r.repliedAt && dateTime(r.repliedAt)} {r.answeredAt ? (zh ? `· 群众已可见（${dateTime(r.answeredAt)}）` : '· visible to the citizen') : zh ? '· 办结审核后群众可见' : '· visible once verified'}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{zh ? '尚未答复' : 'Not replied yet'}</Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={zh ? '群众评价' : 'Ratings'}
            size="small"
            data-testid="req-ratings"
            extra={r.effectiveRating?.defaulted && <Tag>{zh ? `逾期未评，按${r.effectiveRating.levelName}计` : `Not rated in time: counts as ${ratingName(r.effectiveRating.level, lang)}`}</Tag>}
          >
            <List
              size="small"
              locale={{ emptyText: zh ? '暂无评价' : 'No ratings yet' }}
              dataSource={r.ratings}
              renderItem={(x) => (
                <List.Item data-level={x.level}>
                  <Space wrap>
                    <Tag color={x.level <= 2 ? 'red' : 'green'}>{ratingName(x.level, lang)}</Tag>
                    <span>{x.comment}</span>
                    <Typography.Text type="secondary">{zh ? `第 ${x.round + 1} 轮` : `round ${x.round + 1}`} · {dateTime(x.ratedAt)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={zh ? '回访记录' : 'Call-backs'} size="small" data-testid="req-callbacks">
            <List
              size="small"
              locale={{ emptyText: zh ? '暂无回访' : 'No call-backs yet' }}
              dataSource={r.callbacks}
              renderItem={(c) => (
                <List.Item>
                  <div>
                    <div>{c.said}</div>
                    <Typography.Text type="secondary">
                      {c.calledBy.name} · {dateTime(c.calledAt)}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {action && <RequestActionDialog action={action} request={r} onClose={() => setAction(null)} />}
    </Space>
  );
}

/** Whether the public statistics may quote the citizen's words (staff decide; off by default). */
function PublishableSwitch({ request }: { request: DeskRequestDetail }) {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const qc = useQueryClient();
  const set = useMutation({
    mutationFn: (publishable: boolean) => deskApi.act(request.id, 'publishable', { version: request.version, publishable }),
    onSuccess: (d) => qc.setQueryData(['public-requests', 'detail', request.id], d),
  });
  return (
    <Space wrap>
      <Switch id="req-publishable" checked={request.publishable} loading={set.isPending} onChange={(v) => set.mutate(v)} aria-label={zh ? '允许在公开统计中引用群众原话' : 'May be quoted in the public statistics'} />
      <label htmlFor="req-publishable">{zh ? '允许在公开统计中引用群众原话和答复（不含联系方式）' : 'May be quoted in the public statistics (never the contact)'}</label>
      {set.isError && <Typography.Text type="danger" role="alert">{set.error instanceof ApiError ? set.error.message : String(set.error)}</Typography.Text>}
    </Space>
  );
}

function RequestActionDialog({ action, request, onClose }: { action: Action; request: DeskRequestDetail; onClose: () => void }) {
  const { lang } = useLang();
  const zh = lang === 'zh';
  const qc = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => deskApi.act(request.id, action, { ...v, version: request.version }),
    onSuccess: (d) => {
      qc.setQueryData(['public-requests', 'detail', request.id], d);
      void qc.invalidateQueries({ queryKey: ['public-requests'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
  });
  const need = (label: string) => [{ required: true, whitespace: true, message: zh ? `请填写${label}` : `${label} is required` }];
  const fields = (() => {
    switch (action) {
      case 'assign':
      case 'forward':
        return (
          <Form.Item name="unitId" label={zh ? '承办单位' : 'Unit'} rules={[{ required: true, message: zh ? '请选择承办单位' : 'Pick the unit' }]}>
            <UnitPicker allowClear={false} aria-label={zh ? '承办单位' : 'Unit'} />
          </Form.Item>
        );
      case 'merge':
        return (
          <Form.Item name="intoId" label={zh ? '并入诉求的编号' : 'Number of the request to merge into'} rules={[{ required: true, message: zh ? '请填写编号' : 'Which request?' }]} extra={zh ? '重复件并入后，群众凭原查询码看到的是所并入诉求的进度和答复。' : 'The citizen then follows that request.'}>
            <InputNumber min={1} max={2147483647} precision={0} prefix="#" style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'decline':
      case 'return':
        return (
          <Form.Item name="reason" label={zh ? (action === 'decline' ? '理由（群众可见）' : '退回理由') : 'Reason'} rules={need(zh ? '理由' : 'the reason')}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        );
      case 'reply':
        return (
          <Form.Item name="text" label={zh ? '答复内容（办结审核后群众可见）' : 'Reply (the citizen sees it once verified)'} rules={need(zh ? '答复内容' : 'the reply')}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
        );
      case 'rectify':
        return (
          <Form.Item name="text" label={zh ? '整改情况' : 'What was rectified'} rules={need(zh ? '整改情况' : 'the rectification')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        );
      case 'callback':
        return (
          <>
            <Form.Item name="calledAt" label={zh ? '回访时间' : 'Called at'} extra={zh ? '刚刚打完电话的，留空即为现在。' : 'Leave empty for now.'}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d: Dayjs) => d.isAfter(serverToday().endOf('day'))} />
            </Form.Item>
            <Form.Item name="said" label={zh ? '群众意见' : 'What the citizen said'} rules={need(zh ? '群众意见' : 'what was said')}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </>
        );
    }
  })();
  const submit = (v: Record<string, unknown>) => {
    const body = { ...v };
    if (dayjs.isDayjs(body.calledAt)) body.calledAt = body.calledAt.second(0).millisecond(0).toISOString();
    run.mutate(body);
  };
  return (
    <Modal open title={ACTIONS[action][zh ? 'zh' : 'en']} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okText={zh ? '确定' : 'OK'} cancelText={zh ? '取消' : 'Cancel'} destroyOnHidden>
      <Form form={form} name="req" layout="vertical" onFinish={submit} initialValues={{}}>
        {fields}
        {run.isError && <Alert type="error" role="alert" title={run.error instanceof ApiError ? run.error.message : String(run.error)} />}
      </Form>
    </Modal>
  );
}
