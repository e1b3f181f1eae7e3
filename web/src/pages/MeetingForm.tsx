import { CheckCircleOutlined, ClockCircleOutlined, DeleteOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { MeetingFindings } from '../components/MeetingFindings.tsx';
import { PersonPicker, UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { api, ApiError, request } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { blocking, chinaLocal, MEETING_KIND, MEETING_SCOPE, planBody, type PlanForm } from '../lib/meetings.ts';
import type { Meeting, MeetingCheck, MeetingFinding, MeetingPlan } from '../lib/types.ts';

const options = (names: Record<string, readonly [string, string]>, lang: 'zh' | 'en') => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));

/** The plan as the form holds it, from a stored meeting (edit). */
function formFrom(m: Meeting): PlanForm {
  return {
    title: m.title,
    kind: m.kind,
    scope: m.scope,
    organizerUnitId: m.organizerUnit.id,
    startsAt: chinaLocal(m.startsAt),
    endsAt: chinaLocal(m.endsAt),
    place: m.place,
    online: m.online,
    chair: m.chair,
    attendingUnitIds: m.attendingUnits.map((u) => u.id),
    headcount: m.headcount,
    agenda: m.agenda.map((a) => ({ speakerId: a.speakerId, speaker: a.speakerId ? null : a.speaker, role: a.role, minutes: a.minutes, topic: a.topic })),
    overrideReason: m.overrideReason,
  };
}

/** 计划会议 / 修改计划: the plan, checked live against 精文减会 as it would be on submit. */
export default function MeetingForm() {
  const { id } = useParams();
  const editId = id ? Number(id) : null;
  const existing = useQuery({ queryKey: ['meeting', editId], queryFn: () => api.get<Meeting>(`/api/v1/meetings/${editId}`), enabled: editId !== null });
  if (editId !== null) {
    if (existing.isError) return <ErrorState error={existing.error} onRetry={() => existing.refetch()} />;
    if (!existing.data) return <Spin />;
    return <PlanEditor meeting={existing.data} />;
  }
  return <PlanEditor />;
}

function PlanEditor({ meeting }: { meeting?: Meeting }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const initial = useMemo<PlanForm>(
    () => (meeting ? formFrom(meeting) : { kind: 'topic', scope: 'internal', organizerUnitId: me.data?.unitId ?? null, online: false, attendingUnitIds: [], agenda: [{ role: 'main', minutes: 30 }] }),
    [meeting, me.data?.unitId],
  );
  const [values, setValues] = useState<PlanForm>(initial);
  // The plan the live check sees: without the written reason (the check answers what the rules say).
  const body = useMemo(() => planBody({ ...values, overrideReason: null }), [values]);
  const key = body ? JSON.stringify(body) : null;
  const [debounced, setDebounced] = useState<string | null>(key);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(key), 400);
    return () => clearTimeout(h);
  }, [key]);
  const check = useQuery({
    queryKey: ['meetings', 'check', debounced],
    queryFn: ({ signal }) => request<MeetingCheck>('POST', '/api/v1/meetings/check', { body: JSON.parse(debounced!) as MeetingPlan, signal }),
    enabled: debounced !== null,
    placeholderData: (prev) => prev,
    retry: false,
  });
  // Findings of a refused submit (409 MEETING_RULE_BLOCKED): shown, and the written reason offered.
  const [refused, setRefused] = useState<MeetingFinding[] | null>(null);
  const blockedNow = refused !== null || (check.data ? blocking(check.data.findings) : false) || !!meeting?.overrideReason;

  const save = useMutation({
    mutationFn: (plan: MeetingPlan) => (meeting ? api.put<Meeting>(`/api/v1/meetings/${meeting.id}`, { ...plan, version: meeting.version }) : api.post<Meeting>('/api/v1/meetings', plan)),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: ['meetings'] });
      qc.setQueryData(['meeting', m.id], m);
      message.success(m.status === 'pending_approval' ? t('mtg.createdPending') : meeting ? t('mtg.saved') : t('mtg.created'));
      void navigate(`/meetings/${m.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'MEETING_RULE_BLOCKED') {
        const d = e.details as { findings?: MeetingFinding[] } | undefined;
        setRefused(d?.findings ?? []);
      }
    },
  });
  const submit = (v: PlanForm) => {
    const plan = planBody(v);
    if (plan) save.mutate(plan);
  };
  const shown = refused ?? check.data?.findings ?? null;
  const outcome = check.data?.outcome;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {meeting ? `${t('mtg.edit')} · ${meeting.title}` : t('mtg.new')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small">
            <Form<PlanForm>
              form={form}
              layout="vertical"
              initialValues={initial}
              onValuesChange={(_, all) => {
                setValues(all);
                if (refused) setRefused(null);
              }}
              onFinish={submit}
              scrollToFirstError
            >
              <Form.Item name="title" label={t('mtg.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
                <Input id="title" maxLength={200} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="kind" label={t('mtg.kind')} rules={[{ required: true }]}>
                    <Select id="kind" options={options(MEETING_KIND, lang)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="scope" label={t('mtg.scope')} rules={[{ required: true }]}>
                    <Select id="scope" options={options(MEETING_SCOPE, lang)} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="organizerUnitId" label={t('mtg.organizer')} rules={[{ required: true }]}>
                <UnitPicker id="organizerUnitId" allowClear={false} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="startsAt" label={t('mtg.startsAt')} rules={[{ required: true }]}>
                    <Input id="startsAt" type="datetime-local" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="endsAt"
                    label={t('mtg.endsAt')}
                    dependencies={['startsAt']}
                    rules={[
                      { required: true },
                      ({ getFieldValue }) => ({
                        validator: (_, v: string | undefined) => (!v || !getFieldValue('startsAt') || v > (getFieldValue('startsAt') as string) ? Promise.resolve() : Promise.reject(new Error(lang === 'zh' ? '结束时间须晚于开始时间' : 'Must end after it starts'))),
                      }),
                    ]}
                  >
                    <Input id="endsAt" type="datetime-local" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="place" label={t('mtg.place')} rules={[{ max: 200 }]}>
                    <Input id="place" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name="online" label={t('mtg.online')} valuePropName="checked">
                    <Switch id="online" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name="headcount" label={t('mtg.headcount')} rules={[{ required: true }]}>
                    <InputNumber id="headcount" min={1} max={100000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={16}>
                  <Form.Item name="attendingUnitIds" label={t('mtg.attending')}>
                    <UnitPicker id="attendingUnitIds" multiple />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="chair" label={t('mtg.chair')} rules={[{ max: 50 }]}>
                    <Input id="chair" />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Title level={5} id="agenda-heading">
                {t('mtg.agenda')}
              </Typography.Title>
              <Form.List name="agenda">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical" size={8} style={{ width: '100%' }} role="group" aria-labelledby="agenda-heading">
                    {fields.map((field, i) => (
                      <Card key={field.key} size="small" data-testid={`agenda-row-${i}`} title={`${i + 1}.`} extra={
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('mtg.removeRow')} ${i + 1}`} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                      }>
                        <Row gutter={8}>
                          <Col xs={24} sm={12}>
                            <Form.Item name={[field.name, 'speakerId']} htmlFor={`agenda-${i}-speakerId`} label={t('mtg.speakerPerson')} style={{ marginBottom: 8 }}>
                              <PersonPicker id={`agenda-${i}-speakerId`} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={12}>
                            <Form.Item name={[field.name, 'speaker']} htmlFor={`agenda-${i}-speaker`} label={t('mtg.speakerName')} style={{ marginBottom: 8 }} rules={[{ max: 50 }]}>
                              <Input id={`agenda-${i}-speaker`} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} sm={8}>
                            <Form.Item name={[field.name, 'role']} htmlFor={`agenda-${i}-role`} label={t('mtg.role')} style={{ marginBottom: 8 }} rules={[{ required: true }]}>
                              <Select
                                id={`agenda-${i}-role`}
                                options={[
                                  { value: 'main', label: t('mtg.roleMain') },
                                  { value: 'other', label: t('mtg.roleOther') },
                                ]}
                              />
                            </Form.Item>
                          </Col>
                          <Col xs={12} sm={6}>
                            <Form.Item name={[field.name, 'minutes']} htmlFor={`agenda-${i}-minutes`} label={t('mtg.minutes')} style={{ marginBottom: 8 }} rules={[{ required: true }]}>
                              <InputNumber id={`agenda-${i}-minutes`} min={1} max={1440} precision={0} style={{ width: '100%' }} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={10}>
                            <Form.Item name={[field.name, 'topic']} htmlFor={`agenda-${i}-topic`} label={t('mtg.topic')} style={{ marginBottom: 8 }} rules={[{ max: 200 }]}>
                              <Input id={`agenda-${i}-topic`} />
                            </Form.Item>
                          </Col>
                        </Row>
                      </Card>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ role: 'other', minutes: 10 })} disabled={fields.length >= 100} data-testid="agenda-add">
                      {t('mtg.addRow')}
                    </Button>
                  </Space>
                )}
              </Form.List>
              {blockedNow && (
                <Card size="small" style={{ marginTop: 16, borderColor: '#ff4d4f' }} data-testid="override-card">
                  <Typography.Paragraph>{t('mtg.overrideHint')}</Typography.Paragraph>
                  <Form.Item name="overrideReason" label={t('mtg.overrideReason')} rules={[{ min: 15, max: 2000, whitespace: true }]} style={{ marginBottom: 0 }}>
                    <Input.TextArea id="overrideReason" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
                  </Form.Item>
                </Card>
              )}
              {save.isError && !(save.error instanceof ApiError && save.error.code === 'MEETING_RULE_BLOCKED') && (
                <Alert style={{ marginTop: 16 }} type="error" role="alert" title={save.error.message} />
              )}
              {refused && (
                <Alert style={{ marginTop: 16 }} type="error" role="alert" data-testid="mtg-blocked" title={lang === 'zh' ? '会议计划不符合精文减会规定，未能提交。确需召开的，请在上方说明理由后报批。' : 'The plan breaks a rule and was not submitted. If it must be held, give the reason above and submit for approval.'} />
              )}
              <Space style={{ marginTop: 16 }} wrap>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="mtg-submit">
                  {blockedNow && values.overrideReason?.trim() ? t('mtg.submitForApproval') : meeting ? t('common.save') : t('mtg.submit')}
                </Button>
                <Button onClick={() => void navigate(meeting ? `/meetings/${meeting.id}` : '/meetings')}>{t('common.cancel')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={t('mtg.findings')}
            extra={check.isFetching ? <Typography.Text type="secondary">{t('mtg.checking')}</Typography.Text> : null}
            style={{ position: 'sticky', top: 16 }}
          >
            <div aria-live="polite">
              <Typography.Paragraph type="secondary">{t('mtg.findingsLive')}</Typography.Paragraph>
              {!body && !refused && <Typography.Paragraph>{t('mtg.findingsIncomplete')}</Typography.Paragraph>}
              {check.isError && !refused && <Alert type="error" title={check.error instanceof ApiError ? check.error.message : String(check.error)} />}
              {body && outcome && !refused && (
                <Tag
                  color={outcome === 'blocked' ? 'error' : outcome === 'planned' ? 'success' : 'warning'}
                  icon={outcome === 'blocked' ? <StopOutlined /> : outcome === 'planned' ? <CheckCircleOutlined /> : <ClockCircleOutlined />}
                  data-testid="mtg-outcome"
                  style={{ marginBottom: 8, whiteSpace: 'normal' }}
                >
                  {t(`mtg.outcome.${outcome}`)}
                </Tag>
              )}
              {shown && shown.length === 0 && body && <Alert type="success" showIcon title={t('mtg.findingsNone')} />}
              {shown && shown.length > 0 && (body || refused) && <MeetingFindings findings={shown} />}
            </div>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
