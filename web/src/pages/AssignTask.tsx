import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MilestoneList } from '../components/MilestoneList.tsx';
import { PersonPicker, UnitPicker, WorkdayDatePicker } from '../components/pickers.tsx';
import { api, ApiError } from '../lib/api.ts';
import { canAssign, useMe, serverToday } from '../lib/auth.ts';
import { LEVEL, SOURCE } from '../lib/format.ts';
import { paren, colon, useLang, useT } from '../lib/i18n.ts';
import { oversizeMessage, sizeText, titleCutMessage, useTaskLimits } from '../lib/limits.ts';
import type { AddWorkdays, TaskDetail } from '../lib/types.ts';

interface Values {
  title: string;
  description?: string;
  level: string;
  leadUnitId: number;
  coUnitIds?: number[];
  responsibleId?: number;
  leaderId?: number;
  deadlineMode: 'date' | 'workdays';
  deadlineDate?: Dayjs;
  workdays?: number;
  sourceKind?: string;
  sourceRef?: string;
  standard?: string;
  assessment?: string;
  milestones?: { title: string; due: Dayjs; ownerId?: number }[];
}

/** What POST /api/v1/tasks takes, from the form. */
export function taskBody(v: Values) {
  const s = (x?: string) => (x && x.trim() ? x.trim() : undefined);
  return {
    title: v.title.trim(),
    description: s(v.description),
    level: v.level,
    leadUnitId: v.leadUnitId,
    coUnitIds: v.coUnitIds?.length ? v.coUnitIds : undefined,
    responsibleId: v.responsibleId,
    leaderId: v.leaderId,
    deadline: v.deadlineMode === 'workdays' ? { workdays: v.workdays ?? 0 } : v.deadlineDate!.format('YYYY-MM-DD'),
    source: v.sourceKind ? { kind: v.sourceKind, ref: s(v.sourceRef) } : undefined,
    standard: s(v.standard),
    assessment: s(v.assessment),
    milestones: v.milestones?.length ? v.milestones.map((m) => ({ title: m.title.trim(), due: m.due.format('YYYY-MM-DD'), ...(m.ownerId ? { ownerId: m.ownerId } : {}) })) : undefined,
  };
}

export default function AssignTask() {
  const t = useT();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [titleCut, setTitleCut] = useState<string | null>(null);
  const limits = useTaskLimits();
  const titleMax = limits.data?.titleChars ?? 200;
  const mode = Form.useWatch('deadlineMode', form) ?? 'date';
  const workdays = Form.useWatch('workdays', form);
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const preview = useQuery({
    queryKey: ['calendar', 'add', workdays],
    queryFn: () => api.get<AddWorkdays>('/api/v1/calendar/add-workdays', { from: serverToday().format('YYYY-MM-DD'), workdays }),
    enabled: mode === 'workdays' && typeof workdays === 'number' && workdays >= 0,
  });

  const create = useMutation({
    mutationFn: async (v: Values) => {
      const task = await api.post<TaskDetail>('/api/v1/tasks', taskBody(v));
      // Attachments belong to a task, so they follow its creation.
      const failed: string[] = [];
      for (const f of files) {
        try {
          if (f.originFileObj) await api.upload(`/api/v1/tasks/${task.id}/attachments`, f.originFileObj);
        } catch (err) {
          failed.push(`${f.name}${colon(lang)}${err instanceof ApiError ? err.message : String(err)}`);
        }
      }
      return { task, failed };
    },
    onSuccess: ({ task, failed }) => {
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      message.success(`${t('assign.created')}${colon(lang)}${task.title}`);
      for (const f of failed) message.error(f, 8);
      void navigate(`/tasks/${task.id}`);
    },
  });

  if (me.data && !canAssign(me.data)) return <Alert type="warning" title={zh ? '只有领导、督查室和单位负责人可以交办任务。' : 'Only leaders, supervisors and unit heads assign tasks.'} />;

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('assign.title')}</Typography.Title>}>
      {create.isError && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} role="alert" />}
      {/* The first error is scrolled to the middle of the screen, clear of the sticky header. */}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ level: 'normal', deadlineMode: 'date', sourceKind: 'instruction' }}
        onFinish={(v) => create.mutate(v)}
        scrollToFirstError={{ behavior: 'smooth', block: 'center', focus: true }}
        disabled={create.isPending}
      >
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Form.Item
              name="title"
              label={t('task.title')}
              rules={[{ required: true, whitespace: true, message: zh ? '请填写事项名称' : 'Title is required' }, { max: titleMax, message: zh ? `事项名称最多 ${titleMax} 字` : `A title holds at most ${titleMax} characters` }]}
              extra={titleCut && <Typography.Text type="warning" data-testid="title-cut">{titleCut}</Typography.Text>}
            >
              <Input
                maxLength={titleMax}
                showCount
                onChange={() => setTitleCut(null)}
                onPaste={(e) => {
                  // The box keeps the first characters that fit; say so instead of cutting silently.
                  const pasted = e.clipboardData.getData('text').length;
                  const el = e.currentTarget;
                  const kept = el.value.length - ((el.selectionEnd ?? 0) - (el.selectionStart ?? 0));
                  const cut = kept + pasted > titleMax;
                  setTimeout(() => setTitleCut(cut ? titleCutMessage(pasted, titleMax, lang) : null));
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item name="level" label={t('task.level')}>
              <Radio.Group optionType="button" options={Object.entries(LEVEL).map(([value, n]) => ({ value, label: n[zh ? 0 : 1] }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('task.description')}>
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="leadUnitId" label={t('task.leadUnit')} rules={[{ required: true, message: zh ? '请选择主办单位' : 'Pick the lead unit' }]}>
              <UnitPicker allowClear={false} id="leadUnitId" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="coUnitIds" label={t('task.coUnits')}>
              <UnitPicker multiple />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="responsibleId" label={`${t('task.responsible')}${paren(lang, t('common.optional'))}`} extra={zh ? '不填时由主办单位负责人签收后交办到人' : 'Left empty, the unit head names one after signing for it'}>
              <PersonPicker under={leadUnitId ?? null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="leaderId" label={`${t('task.leader')}${paren(lang, t('common.optional'))}`}>
              <PersonPicker role="leader" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deadlineMode" label={t('assign.deadlineMode')}>
              <Radio.Group options={[{ value: 'date', label: t('assign.byDate') }, { value: 'workdays', label: t('assign.byWorkdays') }]} />
            </Form.Item>
            {mode === 'date' ? (
              <Form.Item name="deadlineDate" label={t('task.deadline')} rules={[{ required: true, message: zh ? '请选择完成时限' : 'Pick the deadline' }]}>
                <WorkdayDatePicker minDate={serverToday()} id="deadlineDate" />
              </Form.Item>
            ) : (
              <Form.Item
                name="workdays"
                label={t('task.deadline')}
                rules={[
                  { required: true, message: zh ? '请填写工作日数' : 'How many working days?' },
                  { type: 'integer', min: 0, max: 1000, message: zh ? '工作日数须是 0 到 1000 之间的整数（0 表示当日办结）' : 'A whole number of working days from 0 to 1000 (0: due today)' },
                ]}
                extra={preview.data && `${t('assign.workdaysPreview')}${colon(lang)}${preview.data.date}${preview.data.estimated ? paren(lang, t('assign.estimated')) : ''}`}
              >
                <InputNumber precision={0} addonAfter={t('common.workdays')} style={{ width: '100%' }} aria-label={t('common.workdays')} onPressEnter={(e) => e.preventDefault()} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('task.source')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="sourceKind" noStyle>
                  <Select style={{ width: '40%' }} options={Object.entries(SOURCE).map(([value, n]) => ({ value, label: n[zh ? 0 : 1] }))} aria-label={t('task.source')} />
                </Form.Item>
                <Form.Item name="sourceRef" noStyle>
                  <Input style={{ width: '60%' }} placeholder={t('task.sourceRef')} maxLength={200} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="standard" label={t('task.standard')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="assessment" label={t('task.assessment')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Typography.Text strong>{t('task.milestones')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <MilestoneList titleRules={[{ required: true, whitespace: true, message: t('assign.milestone') }]} />
            </div>
          </Col>
          <Col xs={24} style={{ marginTop: 16 }}>
            <Form.Item
              label={t('assign.attachments')}
              validateStatus={fileErrors.length ? 'error' : undefined}
              help={fileErrors.length ? <span role="alert" data-testid="attachment-errors">{fileErrors.join(' ')}</span> : undefined}
              extra={limits.data && (zh ? `单个附件不超过 ${sizeText(limits.data.attachmentBytes)}` : `Up to ${sizeText(limits.data.attachmentBytes)} a file`)}
            >
              <Upload
                multiple
                fileList={files}
                beforeUpload={(f) => {
                  // Checked here, before the task exists: an oversized file is refused with the limit named.
                  const tooBig = oversizeMessage(f, limits.data?.attachmentBytes, lang);
                  if (tooBig) {
                    setFileErrors((prev) => [...prev, tooBig]);
                    return Upload.LIST_IGNORE;
                  }
                  setFiles((prev) => [...prev, { uid: f.uid, name: f.name, originFileObj: f } as UploadFile]);
                  return false;
                }}
                onRemove={(f) => setFiles((prev) => prev.filter((x) => x.uid !== f.uid))}
              >
                <Button icon={<UploadOutlined />} onClick={() => setFileErrors([])}>
                  {t('task.attachments')}
                </Button>
              </Upload>
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="assign-submit">
            {t('menu.assign')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
