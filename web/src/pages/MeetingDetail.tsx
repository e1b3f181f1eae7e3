import { CheckOutlined, CloseOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, FieldTimeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LightTag } from '../components/LightTag.tsx';
import { MeetingFindings } from '../components/MeetingFindings.tsx';
import { PersonPicker, UnitPicker, WorkdayDatePicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { TaskLink } from '../components/TaskLink.tsx';
import { api, ApiError } from '../lib/api.ts';
import { serverToday } from '../lib/auth.ts';
import { dateTime, LEVEL, levelName } from '../lib/format.ts';
import { colon, paren, useLang, useT } from '../lib/i18n.ts';
import { can, chinaText, kindName, meetingStatusName, missingNames, scopeName, STATUS_COLOR } from '../lib/meetings.ts';
import type { Meeting, MeetingAgendaItem, MeetingDecision, TaskLevel } from '../lib/types.ts';

const levelOptions = (lang: 'zh' | 'en') => Object.entries(LEVEL).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));

/** A meeting: its plan and findings, the approval, the agenda planned vs actual, the decisions and their tasks. */
export default function MeetingDetail() {
  const { id } = useParams();
  const meetingId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['meeting', meetingId], queryFn: () => api.get<Meeting>(`/api/v1/meetings/${meetingId}`), enabled: Number.isInteger(meetingId) && meetingId > 0 });
  const [dialog, setDialog] = useState<null | 'approve' | 'refuse' | 'cancel'>(null);
  const [editing, setEditing] = useState<MeetingDecision | 'new' | null>(null);
  const refresh = (m?: Meeting) => {
    if (m) qc.setQueryData(['meeting', meetingId], m);
    void qc.invalidateQueries({ queryKey: ['meeting', meetingId] });
    void qc.invalidateQueries({ queryKey: ['meetings'] });
  };
  const conclude = useMutation({
    mutationFn: () => api.post<Meeting>(`/api/v1/meetings/${meetingId}/conclude`),
    onSuccess: (m) => {
      refresh(m);
      message.success(t('mtg.concluded'));
    },
  });
  const remove = useMutation({
    mutationFn: (decisionId: number) => api.del(`/api/v1/meetings/${meetingId}/decisions/${decisionId}`),
    onSuccess: () => refresh(),
  });

  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const m = q.data;
  const allowed = m.allowedActions;
  const editDecisions = can(allowed, 'edit_decisions');
  const mins = lang === 'zh' ? '分钟' : 'min';
  const gaps = conclude.error instanceof ApiError && conclude.error.code === 'DECISIONS_INCOMPLETE' ? ((conclude.error.details as { decisions?: { decisionId: number; text: string; missing: string[] }[] } | undefined)?.decisions ?? []) : [];
  const gapOf = new Map(gaps.map((g) => [g.decisionId, g.missing]));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="mtg-title">
          {m.title}
        </Typography.Title>
        <Space wrap style={{ marginTop: 8 }}>
          <Tag color={STATUS_COLOR[m.status]} data-testid="mtg-status" data-status={m.status}>
            {meetingStatusName(m.status, lang)}
          </Tag>
          <Tag>{kindName(m.kind, lang)}</Tag>
          <Tag>{scopeName(m.scope, lang)}</Tag>
        </Space>
      </div>
      <Space wrap data-testid="mtg-actions">
        {can(allowed, 'update') && (
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/meetings/${m.id}/edit`)} data-action="update">
            {t('mtg.edit')}
          </Button>
        )}
        {can(allowed, 'approve') && (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')} data-action="approve">
            {t('mtg.approve')}
          </Button>
        )}
        {can(allowed, 'refuse') && (
          <Button danger icon={<CloseOutlined />} onClick={() => setDialog('refuse')} data-action="refuse">
            {t('mtg.refuse')}
          </Button>
        )}
        {(can(allowed, 'record_actual') || m.status === 'held' || m.status === 'planned') && (
          <Button icon={<FieldTimeOutlined />} onClick={() => void navigate(`/meetings/${m.id}/timer`)} data-testid="mtg-timer-link">
            {t('mtg.timer')}
          </Button>
        )}
        <Button href={`/api/v1/meetings/${m.id}/minutes.docx`} download icon={<DownloadOutlined />} data-testid="mtg-minutes">
          {t('mtg.minutesDocx')}
        </Button>
        {can(allowed, 'conclude') && (
          <Button type="primary" onClick={() => conclude.mutate()} loading={conclude.isPending} data-action="conclude">
            {t('mtg.conclude')}
          </Button>
        )}
        {can(allowed, 'cancel') && (
          <Button danger icon={<StopOutlined />} onClick={() => setDialog('cancel')} data-action="cancel">
            {t('mtg.cancel')}
          </Button>
        )}
      </Space>
      {can(allowed, 'conclude') && !conclude.isError && <Typography.Text type="secondary">{t('mtg.concludeHint')}</Typography.Text>}
      {conclude.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="conclude-error"
          title={conclude.error.message}
          description={
            gaps.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {gaps.map((g) => (
                  <li key={g.decisionId}>{`「${g.text}」${t('mtg.missing')}${missingNames(g.missing, lang)}`}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}

      <Card size="small" title={t('mtg.data')}>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="mtg-data">
          <Descriptions.Item label={t('mtg.organizer')}>{m.organizerUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.time')}>{`${chinaText(m.startsAt)} – ${chinaText(m.endsAt).slice(11)}`}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.place')}>{[m.place, m.online ? t('mtg.online') : null].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.chair')}>{m.chair ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.attending')}>{m.attendingUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.headcount')}>{m.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.plannedLength')}>{m.plannedMinutes}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.actualLength')}>{m.actualMinutes ?? t('mtg.notTimed')}</Descriptions.Item>
          <Descriptions.Item label={t('mtg.plannedBy')}>{m.plannedBy.name}</Descriptions.Item>
          {m.cancelReason && <Descriptions.Item label={t('mtg.cancelReason')}>{m.cancelReason}</Descriptions.Item>}
        </Descriptions>
      </Card>

      {(m.findings.length > 0 || m.overrideReason) && (
        <Card size="small" title={t('mtg.findingsStored')}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <MeetingFindings findings={m.findings} />
            {m.overrideReason && (
              <Descriptions size="small" column={1} bordered data-testid="mtg-approval">
                <Descriptions.Item label={t('mtg.override')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{m.overrideReason}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('mtg.approval')}>
                  {m.approval ? (
                    <span>
                      {m.status === 'refused' ? `✗ ${t('mtg.refuse')}` : `✓ ${t('mtg.approve')}`}
                      {` · ${m.approval.decidedBy.name} · ${dateTime(m.approval.decidedAt)}`}
                      {m.approval.comment ? ` · ${m.approval.comment}` : ''}
                    </span>
                  ) : (
                    `⏳ ${t('mtg.awaiting')}`
                  )}
                </Descriptions.Item>
              </Descriptions>
            )}
          </Space>
        </Card>
      )}

      <Card size="small" title={t('mtg.agenda')}>
        <Table<MeetingAgendaItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={m.agenda}
          scroll={{ x: 640 }}
          data-testid="mtg-agenda"
          columns={[
            { title: '#', render: (_, _a, i) => i + 1, width: 40 },
            { title: t('mtg.speaker'), render: (_, a) => a.speaker ?? '—' },
            { title: t('mtg.role'), render: (_, a) => (a.role === 'main' ? t('mtg.roleMain') : t('mtg.roleOther')), width: 100 },
            { title: t('mtg.topic'), render: (_, a) => a.topic ?? '—' },
            { title: t('mtg.minutes'), dataIndex: 'minutes', align: 'right', width: 90 },
            {
              title: t('mtg.actual'),
              align: 'right',
              width: 150,
              render: (_, a) =>
                a.actualMinutes === null ? (
                  <Typography.Text type="secondary">{t('mtg.notTimed')}</Typography.Text>
                ) : (
                  <span data-testid={`actual-${a.id}`}>
                    {a.actualMinutes}
                    {a.overrun > 0 && <Tag color="error" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{`▲ ${t('mtg.overrun')} ${a.overrun} ${mins}`}</Tag>}
                  </span>
                ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('mtg.decisions')}
        extra={
          editDecisions ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="decision-add">
              {t('mtg.addDecision')}
            </Button>
          ) : null
        }
      >
        <Table<MeetingDecision>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={m.decisions}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('mtg.noDecisions') }}
          data-testid="mtg-decisions"
          columns={[
            {
              title: t('mtg.decision'),
              render: (_, d) => (
                <span>
                  {d.text}
                  {gapOf.has(d.id) && <Tag color="error" style={{ marginInlineStart: 6 }}>{`✗ ${t('mtg.missing')}${missingNames(gapOf.get(d.id)!, lang)}`}</Tag>}
                </span>
              ),
            },
            { title: t('mtg.leadUnit'), render: (_, d) => d.leadUnit?.name ?? '—', width: 140 },
            { title: t('mtg.responsible'), render: (_, d) => d.responsible?.name ?? '—', width: 100 },
            { title: t('mtg.deadline'), render: (_, d) => d.task?.deadline ?? d.deadline ?? (d.deadlineWorkdays !== null ? `${d.deadlineWorkdays} ${t('common.workdays')}` : '—'), width: 130 },
            { title: t('mtg.level'), render: (_, d) => levelName(d.level, lang), width: 70 },
            {
              title: t('mtg.task'),
              width: 170,
              render: (_, d) =>
                d.task ? (
                  <Space size={6} data-testid={`decision-task-${d.id}`}>
                    <LightTag light={d.task.light} reasons={d.task.lightReasons} />
                    <TaskLink task={{ id: d.task.id, title: `${t('mtg.task')} #${d.task.id}` }} />
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('mtg.noTask')}</Typography.Text>
                ),
            },
            ...(editDecisions
              ? [
                  {
                    title: t('mtg.actions'),
                    width: 110,
                    render: (_: unknown, d: MeetingDecision) => (
                      <Space size={4}>
                        <Button size="small" type="text" icon={<EditOutlined />} aria-label={`${t('mtg.editDecision')}${colon(lang)}${d.text}`} onClick={() => setEditing(d)} />
                        <Popconfirm title={t('mtg.deleteConfirm')} onConfirm={() => remove.mutate(d.id)} okText={t('mtg.deleteDecision')} cancelText={t('common.cancel')}>
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('mtg.deleteDecision')}${colon(lang)}${d.text}`} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {remove.isError && <Alert type="error" role="alert" title={remove.error.message} />}
      </Card>

      {dialog && <DecideDialog meeting={m} kind={dialog} onClose={() => setDialog(null)} onDone={refresh} />}
      {editing && <DecisionDialog meetingId={m.id} decision={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={() => refresh()} />}
    </Space>
  );
}

/** Approve / refuse (with a comment) or cancel (with a reason). */
function DecideDialog({ meeting, kind, onClose, onDone }: { meeting: Meeting; kind: 'approve' | 'refuse' | 'cancel'; onClose: () => void; onDone: (m: Meeting) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [text, setText] = useState('');
  const required = kind !== 'approve';
  const label = kind === 'approve' ? t('mtg.comment') : kind === 'refuse' ? t('mtg.refuseComment') : t('mtg.cancelReason');
  const title = kind === 'approve' ? t('mtg.approve') : kind === 'refuse' ? t('mtg.refuse') : t('mtg.cancel');
  const go = useMutation({
    mutationFn: () => api.post<Meeting>(`/api/v1/meetings/${meeting.id}/${kind}`, kind === 'cancel' ? { reason: text.trim() } : text.trim() ? { comment: text.trim() } : {}),
    onSuccess: (m) => {
      onDone(m);
      onClose();
    },
  });
  return (
    <Modal open title={`${title} · ${meeting.title}`} onCancel={onClose} onOk={() => go.mutate()} okButtonProps={{ disabled: required && !text.trim(), danger: kind !== 'approve' }} confirmLoading={go.isPending} okText={title} cancelText={t('common.cancel')} destroyOnHidden>
      <label htmlFor="decide-text" style={{ display: 'block', marginBottom: 6 }}>
        {label}
        {!required && `${paren(lang, t('common.optional'))}`}
      </label>
      <Input.TextArea id="decide-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      {go.isError && <Alert style={{ marginTop: 12 }} type="error" role="alert" title={go.error.message} />}
    </Modal>
  );
}

interface DecisionForm {
  text: string;
  description?: string;
  leadUnitId?: number | null;
  responsibleId?: number | null;
  deadlineMode: 'date' | 'workdays';
  deadlineDate?: Dayjs | null;
  deadlineWorkdays?: number | null;
  level: TaskLevel;
}

/** Add or edit a decision: text, lead unit, the responsible person from that unit, deadline, level. */
function DecisionDialog({ meetingId, decision, onClose, onDone }: { meetingId: number; decision: MeetingDecision | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<DecisionForm>();
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const mode = Form.useWatch('deadlineMode', form);
  const save = useMutation({
    mutationFn: (v: DecisionForm) => {
      const body = {
        text: v.text.trim(),
        description: v.description?.trim() ? v.description.trim() : null,
        leadUnitId: v.leadUnitId ?? null,
        responsibleId: v.responsibleId ?? null,
        deadline: v.deadlineMode === 'date' ? (v.deadlineDate ? v.deadlineDate.format('YYYY-MM-DD') : null) : v.deadlineWorkdays !== null && v.deadlineWorkdays !== undefined ? { workdays: v.deadlineWorkdays } : null,
        level: v.level,
      };
      return decision ? api.patch(`/api/v1/meetings/${meetingId}/decisions/${decision.id}`, body) : api.post(`/api/v1/meetings/${meetingId}/decisions`, body);
    },
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  const initial: DecisionForm = decision
    ? {
        text: decision.text,
        description: decision.description ?? undefined,
        leadUnitId: decision.leadUnit?.id ?? null,
        responsibleId: decision.responsible?.id ?? null,
        deadlineMode: decision.deadlineWorkdays !== null ? 'workdays' : 'date',
        deadlineDate: decision.deadline ? dayjs(decision.deadline) : null,
        deadlineWorkdays: decision.deadlineWorkdays,
        level: decision.level,
      }
    : { text: '', deadlineMode: 'date', level: 'normal' };
  return (
    <Modal open title={decision ? t('mtg.editDecision') : t('mtg.addDecision')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')} width={640} destroyOnHidden>
      <Form<DecisionForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} onValuesChange={(changed: Partial<DecisionForm>) => {
          // The responsible person is someone of the lead unit: a new unit, a new choice.
          if ('leadUnitId' in changed) form.setFieldsValue({ responsibleId: null });
        }}>
        <Form.Item name="text" label={t('mtg.decision')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input id="decision-text" maxLength={200} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('mtg.leadUnit')}>
          <UnitPicker id="decision-leadUnitId" />
        </Form.Item>
        <Form.Item name="responsibleId" label={t('mtg.responsible')}>
          <PersonPicker id="decision-responsibleId" under={leadUnitId ?? null} />
        </Form.Item>
        <Form.Item name="deadlineMode" label={t('mtg.deadline')} style={{ marginBottom: 8 }}>
          <Radio.Group
            id="decision-deadlineMode"
            options={[
              { value: 'date', label: t('mtg.deadlineDate') },
              { value: 'workdays', label: t('mtg.deadlineWorkdays') },
            ]}
          />
        </Form.Item>
        {mode === 'workdays' ? (
          <Form.Item name="deadlineWorkdays" label={t('mtg.deadlineWorkdays')}>
            <InputNumber id="decision-deadlineWorkdays" min={0} max={1000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item name="deadlineDate" label={t('mtg.deadlineDate')}>
            <WorkdayDatePicker id="decision-deadlineDate" minDate={serverToday()} />
          </Form.Item>
        )}
        <Form.Item name="level" label={t('mtg.level')}>
          <Select id="decision-level" options={levelOptions(lang)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="description" label={t('mtg.description')}>
          <Input.TextArea id="decision-description" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {save.isError && <Alert type="error" role="alert" title={save.error instanceof ApiError ? save.error.message : String(save.error)} />}
      </Form>
    </Modal>
  );
}
