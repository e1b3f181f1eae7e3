import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '../lib/api.ts';
import { paren, useLang, useT } from '../lib/i18n.ts';
import { scoreApi } from '../pages/score-api.ts';
import { UnitPicker } from './pickers.tsx';

type NominateValues = { unitId: number; title: string; summary: string; body: string; tags?: string[] };

/** 推荐为典型: a write-up of a task (or of a practice without one). */
export function NominateCase({ task, onClose }: { task?: { id: number; title: string; leadUnit: { id: number } }; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<NominateValues>();
  const save = useMutation({
    mutationFn: (v: NominateValues) => scoreApi.nominate({ ...(task ? { taskId: task.id } : {}), unitId: v.unitId, title: v.title.trim(), summary: v.summary.trim(), body: v.body.trim(), tags: v.tags ?? [] }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      message.success(t('case.nominated'));
      onClose();
      void navigate(`/cases/${c.id}`);
    },
  });
  return (
    <Modal open title={t('case.nominate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.submit')} cancelText={t('common.cancel')} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" name="case" initialValues={task ? { unitId: task.leadUnit.id, title: task.title } : {}} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('case.unit')} rules={[{ required: true }]}>
          <UnitPicker id="case_unitId" allowClear={false} />
        </Form.Item>
        <Form.Item name="title" label={t('case.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('case.summary')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="body" label={t('case.body')} rules={[{ required: true, whitespace: true, max: 20000 }]}>
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
        <Form.Item name="tags" label={`${t('case.tags')}${paren(lang, t('common.optional'))}`}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} aria-label={t('case.tags')} />
        </Form.Item>
        {save.isError && <Alert type="error" showIcon title={save.error instanceof ApiError ? save.error.message : String(save.error)} />}
      </Form>
    </Modal>
  );
}
