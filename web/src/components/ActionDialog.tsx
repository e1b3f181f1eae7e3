import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Slider, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { actionRequest, DANGEROUS, type ActionKind } from '../lib/actions.ts';
import { serverToday } from '../lib/auth.ts';
import { api, ApiError } from '../lib/api.ts';
import { actionName } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import type { TaskDetail, UploadedAttachment } from '../lib/types.ts';
import { MilestoneList } from './MilestoneList.tsx';
import { PersonPicker, UnitPicker, WorkdayDatePicker } from './pickers.tsx';

/** Dayjs values → YYYY-MM-DD strings, everywhere in the form values. */
function normalize(v: unknown): unknown {
  if (dayjs.isDayjs(v)) return v.format('YYYY-MM-DD');
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

/** Uploads files to the task as they are picked; the form field holds their ids. */
function AttachmentField({ taskId, value = [], onChange }: { taskId: number; value?: number[]; onChange?: (ids: number[]) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Upload
        multiple
        beforeUpload={async (file) => {
          try {
            setError(null);
            const a = await api.upload<UploadedAttachment>(`/api/v1/tasks/${taskId}/attachments`, file);
            onChange?.([...value, a.id]);
          } catch (err) {
            setError(`${file.name}：${err instanceof ApiError ? err.message : String(err)}`);
            return Upload.LIST_IGNORE;
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('task.attachments')}</Button>
      </Upload>
      {error && <Alert type="error" title={error} style={{ marginTop: 8 }} />}
    </>
  );
}

function SummaryFields({ required }: { required: boolean }) {
  const t = useT();
  const rules = required ? [{ required: true, whitespace: true, message: `${t('task.summary')}` }] : [];
  return (
    <>
      <Form.Item name="done" label={t('task.summary.done')} rules={rules}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="result" label={t('task.summary.result')} rules={rules}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="lessons" label={t('task.summary.lessons')} rules={rules}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
    </>
  );
}

/** One dialog for every task action; the fields follow the action. */
export function ActionDialog({ action, task, onClose }: { action: ActionKind; task: TaskDetail; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const r = actionRequest(action, task.id, task.version, normalize(values) as Record<string, unknown>);
      return api.post<TaskDetail>(r.path, r.body);
    },
    onSuccess: (d) => {
      qc.setQueryData(['tasks', 'detail', task.id], d);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      onClose();
    },
  });
  const required = (label: string) => [{ required: true, whitespace: true, message: zh ? `请填写${label}` : `${label} is required` }];
  const openMilestones = task.milestones.filter((m) => !m.doneAt);
  const initial: Record<string, unknown> =
    action === 'progress'
      ? { percent: task.progressPercent }
      : action === 'close' && task.summary
        ? { ...task.summary }
        : action === 'plan'
          ? { milestones: [{}] }
          : action === 'reassign'
            ? { leadUnitId: task.leadUnit.id }
            : {};

  const fields = (() => {
    switch (action) {
      case 'sign':
        return <p>{zh ? `签收后请在时限内交办到人、报送进展。确认签收“${task.title}”？` : `Sign for “${task.title}”?`}</p>;
      case 'dispatch':
        return (
          <>
            <Form.Item name="responsibleId" label={t('task.responsible')} rules={[{ required: true, message: zh ? '请选择责任人' : 'Pick the responsible person' }]}>
              <PersonPicker under={task.leadUnit.id} />
            </Form.Item>
            <Form.Item name="note" label={zh ? '交办要求' : 'Note'}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        );
      case 'progress':
        return (
          <>
            <Form.Item name="percent" label={t('task.progress')}>
              <Slider marks={{ 0: '0%', 50: '50%', 100: '100%' }} />
            </Form.Item>
            <Form.Item name="text" label={zh ? '进展情况' : 'Progress'} rules={required(zh ? '进展情况' : 'Progress')}>
              <Input.TextArea rows={4} maxLength={10000} showCount />
            </Form.Item>
            {openMilestones.length > 0 && (
              <Form.Item name="milestoneIds" label={zh ? '完成的节点' : 'Milestones done'}>
                <Checkbox.Group options={openMilestones.map((m) => ({ value: m.id, label: `${m.title}（${m.due}）` }))} />
              </Form.Item>
            )}
            <Form.Item name="attachmentIds" label={t('task.attachments')}>
              <AttachmentField taskId={task.id} />
            </Form.Item>
          </>
        );
      case 'plan':
        return <MilestoneList titleRules={required(t('assign.milestone'))} block />;
      case 'submit':
        return (
          <>
            <Form.Item name="completionText" label={t('task.completion')} rules={required(t('task.completion'))}>
              <Input.TextArea rows={3} maxLength={10000} />
            </Form.Item>
            <Form.Item name="evidence" label={zh ? '佐证材料说明' : 'Evidence'}>
              <Input maxLength={5000} />
            </Form.Item>
            <SummaryFields required />
            <Form.Item name="attachmentIds" label={t('task.attachments')}>
              <AttachmentField taskId={task.id} />
            </Form.Item>
          </>
        );
      case 'verify':
        return (
          <Form.Item name="note" label={zh ? '审核意见' : 'Note'} extra={zh ? '审核通过后，系统立即将结果反馈交办方（马上就反馈）。' : 'Once verified, the source hears at once.'}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        );
      case 'reject':
      case 'return':
        return (
          <Form.Item name="reason" label={zh ? '理由' : 'Reason'} rules={required(zh ? '理由' : 'Reason')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        );
      case 'close':
        return (
          <>
            <Alert type="info" title={zh ? '销号前请确认总结；未填写时沿用申请办结时的总结。' : 'Confirm the close-out summary; the submitted one stands if left as is.'} style={{ marginBottom: 12 }} />
            <SummaryFields required={!task.summary} />
          </>
        );
      case 'reassign':
        return (
          <>
            <Form.Item name="leadUnitId" label={t('task.leadUnit')} rules={[{ required: true }]}>
              <UnitPicker />
            </Form.Item>
            <Form.Item name="deadline" label={t('task.deadline')}>
              <WorkdayDatePicker minDate={serverToday()} />
            </Form.Item>
            <Form.Item name="note" label={zh ? '说明' : 'Note'}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        );
      case 'request_extension':
        return (
          <>
            <Form.Item name="newDeadline" label={zh ? '申请延至' : 'New deadline'} rules={[{ required: true, message: zh ? '请选择新的时限' : 'Pick the new deadline' }]}>
              <WorkdayDatePicker minDate={dayjs(task.deadline).add(1, 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={zh ? '延期理由' : 'Reason'} rules={required(zh ? '延期理由' : 'Reason')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        );
    }
  })();

  return (
    <Modal
      open
      title={`${actionName(action, lang)} · ${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: DANGEROUS.includes(action), loading: run.isPending, 'data-testid': 'dialog-ok' }}
      destroyOnHidden
      width={action === 'submit' || action === 'plan' ? 640 : 520}
      data-testid={`dialog-${action}`}
    >
      {run.isError && <Alert type="error" showIcon title={run.error.message} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => run.mutate(v as Record<string, unknown>)}>
        {fields}
      </Form>
    </Modal>
  );
}
