import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Slider, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { actionRequest, DANGEROUS, type ActionKind } from '../lib/actions.ts';
import { serverToday } from '../lib/auth.ts';
import { api, ApiError } from '../lib/api.ts';
import { actionName } from '../lib/format.ts';
import { oversizeMessage, useTaskLimits } from '../lib/limits.ts';
import { colon, useLang, useT, type MessageKey } from '../lib/i18n.ts';
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
  const { lang } = useLang();
  const limits = useTaskLimits();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Upload
        multiple
        beforeUpload={async (file) => {
          const tooBig = oversizeMessage(file, limits.data?.attachmentBytes, lang);
          if (tooBig) {
            setError(tooBig);
            return Upload.LIST_IGNORE;
          }
          try {
            setError(null);
            const a = await api.upload<UploadedAttachment>(`/api/v1/tasks/${taskId}/attachments`, file);
            onChange?.([...value, a.id]);
          } catch (err) {
            setError(`${file.name}${colon(lang)}${err instanceof ApiError ? err.message : String(err)}`);
            return Upload.LIST_IGNORE;
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('task.attachments')}</Button>
      </Upload>
      {error && <Alert type="error" title={error} style={{ marginTop: 8 }} role="alert" />}
    </>
  );
}

function SummaryFields({ required }: { required: boolean }) {
  const t = useT();
  const { lang } = useLang();
  // Each part says which part of the close-out summary is missing, in a sentence (一件事情一小结).
  const rules = (part: MessageKey) => (required ? [{ required: true, whitespace: true, message: lang === 'zh' ? `请填写总结中的「${t(part)}」` : `Fill in “${t(part)}” of the close-out summary` }] : []);
  return (
    <>
      <Form.Item name="done" label={t('task.summary.done')} rules={rules('task.summary.done')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="result" label={t('task.summary.result')} rules={rules('task.summary.result')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="lessons" label={t('task.summary.lessons')} rules={rules('task.summary.lessons')}>
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
      // A lifecycle action answers with what changed (TaskChange), not the page: the page re-reads itself.
      return api.post<unknown>(r.path, r.body);
    },
    // The dialog closes once the page has re-read the task (the refetch of the active queries), so
    // the focus that returns to the task's actions lands on the buttons the task has now.
    onSuccess: async () => {
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
  });
  const required = (label: string) => [{ required: true, whitespace: true, message: zh ? `请填写${label}` : `${label} is required` }];
  const openMilestones = task.milestones.filter((m) => !m.doneAt);
  // A head of several co-units picks which part to sign for (not yet signed) or report on (signed).
  const coChoices = task.coUnits.filter((c) => c.mine && (action === 'co_sign' ? !c.signedAt : action === 'co_progress' ? Boolean(c.signedAt) : false));
  const coPart =
    coChoices.length > 1 ? (
      <Form.Item name="unitId" label={t(action === 'co_sign' ? 'task.coPartSign' : 'task.coPartReport')} rules={[{ required: true, message: zh ? '请选择协办单位' : 'Pick the co-unit' }]}>
        <Radio.Group aria-label={t(action === 'co_sign' ? 'task.coPartSign' : 'task.coPartReport')} data-testid="co-part-choice">
          {coChoices.map((c) => (
            <Radio key={c.unitId} value={c.unitId}>
              {c.unitName}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    ) : null;
  const initial: Record<string, unknown> =
    action === 'progress'
      ? { percent: task.progressPercent }
      : action === 'close' && task.summary
        ? { ...task.summary }
        : action === 'plan'
          ? { milestones: [{}] }
          : action === 'reassign'
            ? { leadUnitId: task.leadUnit.id }
            : action === 'urge' || action === 'supervise'
              ? { replyWorkdays: 3 }
              : action === 'answer_urging'
                ? { urgingId: task.urgings.find((u) => !u.answer)?.id }
                : action === 'edit'
                  ? { title: task.title, description: task.description ?? '', standard: task.standard ?? '', assessment: task.assessment ?? '' }
                  : action === 'co_progress'
                    ? { percent: 0, unitId: coChoices[0]?.unitId }
                    : action === 'co_sign'
                      ? { unitId: coChoices[0]?.unitId }
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
              <Slider marks={{ 0: '0%', 50: '50%', 100: '100%' }} ariaLabelForHandle={t('task.progress')} />
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
            <Alert type="info" role="note" title={
                task.summary
                  ? zh ? '下列总结取自申请办结时的内容，请确认或修改后销号。' : 'The summary below is the one submitted with the completion: confirm or edit it, then close.'
                  : zh ? '销号前请填写总结。' : 'Write the close-out summary, then close.'
              } style={{ marginBottom: 12 }} />
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
      case 'urge':
      case 'supervise':
        return (
          <>
            {action === 'supervise' && (
              <Alert type="warning" role="note" title={zh ? '升级为督办后，该事项列入督办，逐级升级不再重复提醒、催办。' : 'Raised to supervision at once; the ladder will not remind or urge again.'} style={{ marginBottom: 12 }} />
            )}
            <Form.Item name="text" label={zh ? (action === 'urge' ? '催办内容' : '督办要求') : 'What is asked'} rules={required(zh ? (action === 'urge' ? '催办内容' : '督办要求') : 'What is asked')}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="replyWorkdays" label={zh ? '答复时限（工作日内）' : 'Answer within (working days)'} extra={zh ? '或在下方选择具体日期' : 'or pick a date below'}>
              <InputNumber min={0} max={60} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="replyDue" label={zh ? '答复日期（选填）' : 'Answer by (optional)'}>
              <WorkdayDatePicker minDate={serverToday()} />
            </Form.Item>
          </>
        );
      case 'answer_urging':
        return (
          <>
            <Form.Item name="urgingId" label={zh ? '答复的催办' : 'Urging'} rules={[{ required: true, message: zh ? '请选择要答复的催办' : 'Pick the urging' }]}>
              <Select
                options={task.urgings
                  .filter((u) => !u.answer)
                  .map((u) => ({ value: u.id, label: `${actionName(u.level, lang)} · ${u.byName} · ${zh ? '答复时限' : 'due'} ${u.replyDue}${u.overdue ? (zh ? '（已逾期）' : ' (overdue)') : ''}` }))}
              />
            </Form.Item>
            <Form.Item name="text" label={zh ? '情况说明' : 'Answer'} rules={required(zh ? '情况说明' : 'Answer')}>
              <Input.TextArea rows={5} maxLength={5000} showCount />
            </Form.Item>
          </>
        );
      case 'instruct':
        return (
          <>
            <Form.Item name="text" label={zh ? '批示内容' : 'Instruction'} rules={required(zh ? '批示内容' : 'Instruction')} extra={zh ? '如：请××牵头，×月×日前报结果。' : 'e.g. Lead this and report by a date.'}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="milestoneTitle" label={zh ? '新的工作节点（选填）' : 'New milestone (optional)'}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="milestoneDue"
              label={zh ? `节点时限（不晚于 ${task.deadline}）` : `Milestone due (by ${task.deadline})`}
              dependencies={['milestoneTitle']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, v: unknown) => {
                    const titled = String(getFieldValue('milestoneTitle') ?? '').trim() !== '';
                    if (titled && !v) return Promise.reject(new Error(zh ? '请选择节点时限' : 'Pick the milestone date'));
                    if (v && dayjs.isDayjs(v) && v.format('YYYY-MM-DD') > task.deadline) return Promise.reject(new Error(zh ? `节点时限不能晚于事项时限 ${task.deadline}` : `Must be on or before ${task.deadline}`));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <WorkdayDatePicker minDate={serverToday()} />
            </Form.Item>
          </>
        );
      case 'co_sign':
        return (
          <>
            <p>{zh ? `签收本单位承担的协办部分，之后请按时报送协办进展。确认签收“${task.title}”的协办部分？` : `Sign for your unit’s part of “${task.title}”?`}</p>
            {coPart}
          </>
        );
      case 'co_progress':
        return (
          <>
            {coPart}
            <Form.Item name="percent" label={zh ? '协办部分进度' : 'Progress of our part'}>
              <Slider marks={{ 0: '0%', 50: '50%', 100: '100%' }} />
            </Form.Item>
            <Form.Item name="text" label={zh ? '协办进展情况' : 'Progress on our part'} rules={required(zh ? '协办进展情况' : 'Progress on our part')}>
              <Input.TextArea rows={4} maxLength={10000} showCount />
            </Form.Item>
          </>
        );
      case 'edit':
        return (
          <>
            <Form.Item name="title" label={zh ? '标题' : 'Title'} rules={required(zh ? '标题' : 'Title')}>
              <Input maxLength={200} showCount />
            </Form.Item>
            <Form.Item name="description" label={t('task.description')}>
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
            <Form.Item name="standard" label={t('task.standard')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            <Form.Item name="assessment" label={t('task.assessment')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            {task.status === 'assigned' ? (
              <>
                <Form.Item name="deadline" label={zh ? `完成时限（现为 ${task.deadline}，不改则留空）` : `Deadline (now ${task.deadline}; leave empty to keep)`}>
                  <WorkdayDatePicker minDate={serverToday()} />
                </Form.Item>
                <Form.Item name="leadUnitId" label={zh ? `主办单位（现为 ${task.leadUnit.name}，不改则留空）` : `Lead unit (now ${task.leadUnit.name}; leave empty to keep)`}>
                  <UnitPicker />
                </Form.Item>
              </>
            ) : (
              <Alert type="info" role="note" title={zh ? '事项已签收：完成时限请走延期申请，更换主办单位请由主办单位退回后重新交办。' : 'Signed for: change the deadline through an extension, the lead unit through a return and reassignment.'} />
            )}
          </>
        );
      case 'withdraw':
        return (
          <>
            <Alert type="warning" role="note" title={zh ? '撤回后事项从各清单中移除，承办单位将收到通知；操作记入审计。' : 'The task leaves every list and the units are told; the audit keeps it.'} style={{ marginBottom: 12 }} />
            <Form.Item name="reason" label={zh ? '撤回理由' : 'Reason'} rules={required(zh ? '撤回理由' : 'Reason')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        );
      case 'attach':
        return (
          <>
            <Form.Item name="attachmentIds" label={t('task.attachments')} rules={[{ required: true, type: 'array', min: 1, message: zh ? '请选择要补充的附件' : 'Pick the files to add' }]} extra={zh ? '每个文件不超过 20 MB' : 'Up to 20 MB per file'}>
              <AttachmentField taskId={task.id} />
            </Form.Item>
            <Form.Item name="note" label={zh ? '说明（选填）' : 'Note (optional)'}>
              <Input maxLength={1000} />
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
      width={action === 'submit' || action === 'plan' || action === 'answer_urging' ? 640 : 520}
      data-testid={`dialog-${action}`}
    >
      {run.isError && <Alert type="error" showIcon title={run.error.message} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} scrollToFirstError={{ behavior: 'smooth', block: 'center', focus: true }} onFinish={(v) => run.mutate(v as Record<string, unknown>)}>
        {fields}
      </Form>
    </Modal>
  );
}
