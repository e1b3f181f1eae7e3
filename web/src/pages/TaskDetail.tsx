import { PaperClipOutlined, PrinterOutlined, TrophyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, Popconfirm, Progress, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionDialog } from '../components/ActionDialog.tsx';
import { LightTag } from '../components/LightTag.tsx';
import { NominateCase } from '../components/NominateCase.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { hasRole, useMe } from '../lib/auth.ts';
import { actionButtons, DANGEROUS, extensionDecision, primaryAction, type ActionKind } from '../lib/actions.ts';
import { api, ApiError } from '../lib/api.ts';
import { actionName, dateTime, deadlineText, describeEvent, escalationName, eventColor, levelName, reasonName, sourceName, statusName } from '../lib/format.ts';
import { colon, paren, useLang, useT } from '../lib/i18n.ts';
import type { TaskDetail as Detail } from '../lib/types.ts';

/** Where a task's origin lives in the app, by source kind (a meeting's decision links back to the meeting). */
const ORIGIN_PAGES: Partial<Record<string, string>> = { meeting: '/meetings', document: '/documents' };

export default function TaskDetail() {
  const { id } = useParams();
  const taskId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState<ActionKind | null>(null);
  // Focus goes back to the button that opened a dialog, or (when the action removed it) to the first action left.
  const trigger = useRef<HTMLElement | null>(null);
  const closeDialog = () => {
    setOpen(null);
    setTimeout(() => {
      const el = trigger.current?.isConnected ? trigger.current : document.querySelector<HTMLElement>('[data-testid="task-actions"] button');
      el?.focus();
    }, 0);
  };
  const [nominating, setNominating] = useState(false);
  const me = useMe();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['tasks', 'detail', taskId],
    queryFn: () => api.get<Detail>(`/api/v1/tasks/${taskId}`),
    enabled: Number.isInteger(taskId) && taskId > 0,
  });
  if (!Number.isInteger(taskId) || taskId <= 0) return <ErrorState error={new Error(lang === 'zh' ? '没有这个事项。' : 'No such task.')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const task = q.data;
  const buttons = actionButtons(task.allowedActions);
  const primary = primaryAction(task.allowedActions);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {task.status === 'withdrawn' && <Alert type="warning" showIcon title={t('task.withdrawn')} data-testid="task-withdrawn" />}
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <LightTag light={task.light} />
              <Tag color={task.level === 'major' ? 'red' : task.level === 'key' ? 'orange' : undefined}>{levelName(task.level, lang)}</Tag>
              <Tag data-testid="task-status">{statusName(task.status, lang)}</Tag>
              {task.escalations.map((e) => (
                <Tag key={e.level} color={['notice', 'accountability'].includes(e.level) ? 'red' : 'orange'} data-testid={`escalation-${e.level}`}>
                  {escalationName(e.level, lang)}
                </Tag>
              ))}
            </Space>
            <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="task-title" lang="zh">
              {task.title}
            </Typography.Title>
            <Typography.Text type={task.light === 'red' ? 'danger' : 'secondary'} data-testid="task-deadline">
              {t('task.deadline')}
              {colon(lang)}
              {deadlineText(task, lang)}
              {task.deadline !== task.originalDeadline && paren(lang, `${t('task.originalDeadline')} ${task.originalDeadline}`)}
            </Typography.Text>
            {task.lightReasons.length > 0 && (
              <div>
                <Typography.Text type="secondary">
                  {t('task.reasons')}
                  {colon(lang)}
                  {task.lightReasons.map((r) => reasonName(r, lang)).join(lang === 'zh' ? '；' : '; ')}
                </Typography.Text>
              </div>
            )}
          </div>
          <div style={{ width: 120 }}>
            <Progress type="circle" percent={task.progressPercent} size={88} aria-label={t('task.progress')} />
          </div>
        </Flex>
        <div style={{ marginTop: 16 }} data-testid="task-actions">
          <Space wrap>
            {buttons.length === 0 && <Typography.Text type="secondary">{t('task.noActions')}</Typography.Text>}
            {buttons.map((a) => (
              <Button key={a} type={a === primary ? 'primary' : 'default'} danger={DANGEROUS.includes(a)} onClick={(ev) => { trigger.current = ev.currentTarget; setOpen(a); }} data-action={a}>
                {actionName(a, lang)}
              </Button>
            ))}
            <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/tasks/${task.id}/notice?kind=supervise`)} data-testid="print-notice">
              {t('task.print')}
            </Button>
            {hasRole(me.data, 'supervisor') && (
              <Button icon={<TrophyOutlined />} onClick={() => setNominating(true)} data-testid="nominate-case">
                {t('case.nominate')}
              </Button>
            )}
            {task.urgings.some((u) => u.level === 'urge') && (
              <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/tasks/${task.id}/notice?kind=urge`)} data-testid="print-urge-notice">
                {t('task.printUrge')}
              </Button>
            )}
          </Space>
        </div>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('task.title')}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('task.leadUnit')}>{task.leadUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t('task.responsible')}>{task.responsible?.name ?? '—'}</Descriptions.Item>
              {task.coUnits.length > 0 && <Descriptions.Item label={t('task.coUnits')}>{task.coUnits.map((c) => c.unitName).join('、')}</Descriptions.Item>}
              {task.leader && (
                <Descriptions.Item label={t('task.leader')}>
                  <span data-testid="task-leader">{task.leader.name}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('task.source')}>
                {ORIGIN_PAGES[task.source.kind] && task.source.id ? (
                  <Link to={`${ORIGIN_PAGES[task.source.kind]}/${task.source.id}`}>
                    {sourceName(task.source.kind, lang)}
                    {task.source.ref ? ` · ${task.source.ref}` : ''}
                  </Link>
                ) : (
                  <>
                    {sourceName(task.source.kind, lang)}
                    {task.source.ref ? ` · ${task.source.ref}` : ''}
                  </>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('task.assignedAt')}>{dateTime(task.assignedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('task.signDue')}>{task.signDue}</Descriptions.Item>
              {task.planDue && <Descriptions.Item label={t('task.planDue')}>{task.planDue}</Descriptions.Item>}
              {task.nextReportDue && task.status !== 'verified' && task.status !== 'closed' && <Descriptions.Item label={t('task.nextReport')}>{task.nextReportDue}</Descriptions.Item>}
            </Descriptions>
            {[
              ['task.description', task.description],
              ['task.standard', task.standard],
              ['task.assessment', task.assessment],
            ].map(([label, value]) =>
              value ? (
                <div key={label} style={{ marginTop: 12 }}>
                  <Typography.Text strong>{t(label as 'task.description')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph>
                </div>
              ) : null,
            )}
            {task.completion && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text strong>{t('task.completion')}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {task.completion.text}
                  {task.completion.evidence ? `\n${task.completion.evidence}` : ''}
                </Typography.Paragraph>
              </div>
            )}
            {task.summary && (
              <Descriptions title={t('task.summary')} column={1} size="small" style={{ marginTop: 12 }} data-testid="task-summary">
                <Descriptions.Item label={t('task.summary.done')}>{task.summary.done}</Descriptions.Item>
                <Descriptions.Item label={t('task.summary.result')}>{task.summary.result}</Descriptions.Item>
                <Descriptions.Item label={t('task.summary.lessons')}>{task.summary.lessons}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
          {task.milestones.length > 0 && (
            <Card title={t('task.milestones')} style={{ marginTop: 16 }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={task.milestones}
                columns={[
                  { title: t('assign.milestone'), dataIndex: 'title' },
                  { title: t('assign.due'), dataIndex: 'due', width: 110 },
                  { title: t('assign.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
                  { title: t('task.status'), dataIndex: 'doneAt', width: 90, render: (v: string | null) => (v ? <Tag color="success">{t('common.done')}</Tag> : '—') },
                ]}
              />
            </Card>
          )}
          {task.coUnits.length > 0 && <CoUnits task={task} />}
          {task.urgings.length > 0 && <Urgings task={task} />}
          {task.extensions.length > 0 && <Extensions task={task} />}
          {task.attachments.length > 0 && <Attachments task={task} />}
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('task.timeline')}>
            <Timeline
              data-testid="timeline"
              items={task.timeline.map((e) => ({
                key: e.id,
                color: eventColor(e.kind, e.data),
                title: dateTime(e.at),
                content: (
                  <span data-event={e.kind} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {describeEvent(e, lang)}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {open && <ActionDialog action={open} task={task} onClose={closeDialog} />}
      {nominating && <NominateCase task={task} onClose={() => setNominating(false)} />}
    </Space>
  );
}

/** The task's files; the assigner may remove one before sign-for (删除附件). */
function Attachments({ task }: { task: Detail }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const canRemove = task.allowedActions.includes('remove_attachment');
  const remove = useMutation({
    mutationFn: (attachmentId: number) => api.post<Detail>(`/api/v1/tasks/${task.id}/attachments/${attachmentId}/remove`, { version: task.version }),
    onSuccess: (d) => {
      qc.setQueryData(['tasks', 'detail', task.id], d);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : String(err)),
  });
  return (
    <Card title={t('task.attachments')} style={{ marginTop: 16 }} data-testid="task-attachments">
      {task.attachments.map((a) => (
        <div key={a.id}>
          <a href={`/api/v1/tasks/${task.id}/attachments/${a.id}`} download>
            <PaperClipOutlined /> {a.fileName}
          </a>{' '}
          <Typography.Text type="secondary">({Math.ceil(a.size / 1024)} KB)</Typography.Text>
          {canRemove && (
            <Popconfirm title={t('task.removeAttachmentConfirm')} onConfirm={() => remove.mutate(a.id)} okText={t('task.removeAttachment')} cancelText={t('common.cancel')}>
              <Button type="link" size="small" danger aria-label={`${t('task.removeAttachment')} ${a.fileName}`} data-testid={`remove-attachment-${a.id}`}>
                {t('task.removeAttachment')}
              </Button>
            </Popconfirm>
          )}
        </div>
      ))}
    </Card>
  );
}

/** 协办单位 and their parts: signed for or not, by whom, their own latest progress (the lead unit sees it here). */
function CoUnits({ task }: { task: Detail }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card title={t('task.coUnits')} style={{ marginTop: 16 }} data-testid="co-units">
      {task.coUnits.map((c) => (
        <div key={c.unitId} data-co-unit={c.unitId} style={{ marginBottom: 12 }}>
          <Space wrap size={8}>
            <Typography.Text strong>{c.unitName}</Typography.Text>
            {c.signedAt ? (
              <Tag color="success">
                {t('task.coPart.signed')}
                {c.signedByName ? ` · ${c.signedByName}` : ''} · {dateTime(c.signedAt)}
              </Tag>
            ) : (
              <Tag>{t('task.coPart.unsigned')}</Tag>
            )}
          </Space>
          {c.lastReportAt && (
            <div>
              <Progress percent={c.percent} size="small" style={{ maxWidth: 240 }} aria-label={`${c.unitName} ${c.percent}%`} />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`co-latest-${c.unitId}`}>
                {t('task.coPart.latest')}
                {paren(lang, dateTime(c.lastReportAt))}
                {colon(lang)}
                {c.lastText}
              </Typography.Paragraph>
            </div>
          )}
        </div>
      ))}
    </Card>
  );
}

/** 催办 / 督办 by hand with their reply deadlines and the unit's 情况说明 (a late or missing answer is marked). */
function Urgings({ task }: { task: Detail }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card title={t('task.urgings')} style={{ marginTop: 16 }} data-testid="urgings">
      {task.urgings.map((u) => (
        <div key={u.id} style={{ marginBottom: 12 }} data-testid={`urging-${u.id}`}>
          <Space wrap size={6}>
            <Tag color={u.level === 'supervise' ? 'red' : 'orange'}>{actionName(u.level, lang)}</Tag>
            <span>
              {u.byName} · {dateTime(u.at)}
            </span>
            <Tag color={u.answer ? 'success' : 'processing'}>{u.answer ? t('task.urging.answered') : t('task.urging.pending')}</Tag>
            {u.overdue && <Tag color="error">{t('task.urging.overdue')}</Tag>}
            <Typography.Text type="secondary">
              {t('task.urging.replyDue')} {u.replyDue}
            </Typography.Text>
          </Space>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{u.text}</Typography.Paragraph>
          {u.answer && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {t('task.urging.answer')}
              {paren(lang, `${u.answeredByName ?? ''}${u.answeredAt ? ` · ${dateTime(u.answeredAt)}` : ''}`)}
              {colon(lang)}
              {u.answer}
            </Typography.Paragraph>
          )}
        </div>
      ))}
    </Card>
  );
}

function Extensions({ task }: { task: Detail }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: ({ eid, approve }: { eid: number; approve: boolean }) => {
      const r = extensionDecision(task.id, eid, approve, task.version, note);
      return api.post<Detail>(r.path, r.body);
    },
    onSuccess: (d) => {
      qc.setQueryData(['tasks', 'detail', task.id], d);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      setNote('');
    },
    onError: (err) => message.error(err instanceof ApiError ? err.message : String(err)),
  });
  const canDecide = task.allowedActions.includes('decide_extension');
  return (
    <Card title={t('task.extensions')} style={{ marginTop: 16 }} data-testid="extensions">
      {task.extensions.map((e) => (
        <div key={e.id} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Tag color={e.status === 'approved' ? 'success' : e.status === 'rejected' ? 'error' : 'processing'}>
              {e.status === 'pending' ? (lang === 'zh' ? '待审批' : 'Pending') : e.status === 'approved' ? (lang === 'zh' ? '已批准' : 'Approved') : lang === 'zh' ? '已驳回' : 'Rejected'}
            </Tag>
            <span>
              {e.currentDeadline} → {e.newDeadline}
            </span>
          </Space>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{e.reason}</Typography.Paragraph>
          {e.decisionNote && <Typography.Text type="secondary">{e.decisionNote}</Typography.Text>}
          {e.status === 'pending' && canDecide && (
            <Space wrap style={{ marginTop: 4 }}>
              <Input placeholder={lang === 'zh' ? '审批意见（选填）' : 'Note (optional)'} aria-label={lang === 'zh' ? '审批意见（选填）' : 'Note (optional)'} value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={2000} style={{ width: 240 }} />
              <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ eid: e.id, approve: true })} data-action="approve-extension">
                {lang === 'zh' ? '批准' : 'Approve'}
              </Button>
              <Popconfirm title={lang === 'zh' ? '确定驳回该延期申请？' : 'Reject this request?'} onConfirm={() => decide.mutate({ eid: e.id, approve: false })}>
                <Button danger loading={decide.isPending}>
                  {lang === 'zh' ? '驳回' : 'Reject'}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </div>
      ))}
      {decide.isError && <Alert type="error" title={decide.error.message} />}
    </Card>
  );
}
