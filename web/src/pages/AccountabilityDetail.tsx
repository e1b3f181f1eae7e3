import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Space, Steps, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { api, ApiError } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { ACC_ORIGIN, ACC_STEPS, accKindName, accStatusName, accStep } from '../lib/score.ts';
import { ACC_STATUS_COLOR, RecordForm } from './Accountability.tsx';
import { scoreApi, type AccRecord } from './score-api.ts';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** One 问责 record: its steps (草稿 → 印发 → 已说明 → 结案), evidence, and the actions the caller may take. */
export default function AccountabilityDetail() {
  const { id } = useParams();
  const recordId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [explanation, setExplanation] = useState('');
  const key = ['accountability', 'detail', recordId];
  const q = useQuery({ queryKey: key, queryFn: () => scoreApi.record(recordId), enabled: Number.isInteger(recordId) && recordId > 0 });
  const done = (r: AccRecord, text: string) => {
    qc.setQueryData(key, r);
    void qc.invalidateQueries({ queryKey: ['accountability', 'list'] });
    message.success(text);
  };
  const fail = (e: unknown) => message.error(errorText(e));
  const issue = useMutation({ mutationFn: () => scoreApi.issueRecord(recordId, q.data!.version), onSuccess: (r) => done(r, t('acc.issued')), onError: fail });
  const explain = useMutation({
    mutationFn: () => scoreApi.explainRecord(recordId, q.data!.version, explanation.trim()),
    onSuccess: (r) => {
      setExplanation('');
      done(r, t('acc.explained'));
    },
  });

  if (!Number.isInteger(recordId) || recordId <= 0) return <ErrorState error={new Error('没有这条记录 (no such record).')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const r = q.data;
  const can = (a: string) => (r.allowedActions as string[]).includes(a);
  const step = accStep(r.status);
  const stepTimes = [r.createdAt, r.issuedAt, r.explainedAt, r.closedAt];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/accountability">← {t('menu.accountability')}</Link>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <Tag color={ACC_STATUS_COLOR[r.status]} data-testid="acc-status">
                {accStatusName(r.status, lang)}
              </Tag>
              <Tag>{accKindName(r.kind, lang)}</Tag>
              {r.origin && <Tag>{ACC_ORIGIN[r.origin]?.[lang === 'zh' ? 0 : 1] ?? r.origin}</Tag>}
            </Space>
            <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="acc-title">
              {r.title}
            </Typography.Title>
          </div>
          <Space wrap data-testid="acc-actions">
            {can('edit') && (
              <Button onClick={() => setEditing(true)} data-action="edit">
                {t('acc.edit')}
              </Button>
            )}
            {can('issue') && (
              <Popconfirm title={t('acc.issueConfirm')} onConfirm={() => issue.mutate()} okText={t('acc.issue')} cancelText={t('common.cancel')}>
                <Button type="primary" loading={issue.isPending} data-action="issue">
                  {t('acc.issue')}
                </Button>
              </Popconfirm>
            )}
            {can('close') && (
              <Button onClick={() => setClosing(true)} data-action="close">
                {t('acc.close')}
              </Button>
            )}
          </Space>
        </Flex>
        <Steps
          style={{ marginTop: 16 }}
          size="small"
          current={step}
          status={r.status === 'closed' ? 'finish' : 'process'}
          data-testid="acc-steps"
          items={ACC_STEPS.map((s, i) => ({
            title: accStatusName(s, lang),
            content: stepTimes[i] ? dateTime(stepTimes[i]) : s === 'explained' && r.status === 'closed' ? t('acc.noExplanation') : undefined,
          }))}
        />
      </Card>
      <Card title={t('acc.details')}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('acc.targetUnit')}>{r.targetUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('acc.targetPerson')}>{r.targetPerson?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('acc.createdBy')}>{r.createdBy?.name ?? t('acc.byJob')}</Descriptions.Item>
          <Descriptions.Item label={t('acc.issuedBy')}>{r.issuedBy ? `${r.issuedBy.name} · ${dateTime(r.issuedAt!)}` : '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Text strong>{t('acc.reason')}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="acc-reason">
          {r.reason}
        </Typography.Paragraph>
        {(r.evidence.length > 0 || r.taskId) && (
          <>
            <Typography.Text strong>{t('acc.evidence')}</Typography.Text>
            <ul data-testid="acc-evidence">
              {r.taskId && !r.evidence.some((e) => e.kind === 'task' && e.id === r.taskId) && (
                <li>
                  <Link to={`/tasks/${r.taskId}`}>
                    {t('acc.task')} #{r.taskId}
                  </Link>
                </li>
              )}
              {r.evidence.map((e, i) => (
                <li key={i}>
                  {e.kind === 'task' && e.id ? (
                    <Link to={`/tasks/${e.id}`}>
                      {t('acc.task')} #{e.id}
                    </Link>
                  ) : e.kind === 'citizen_request' && e.id ? (
                    <Link to={`/desk/${e.id}`}>
                      {t('acc.request')} #{e.id}
                    </Link>
                  ) : e.kind === 'link' && e.note && /^https?:\/\//.test(e.note) ? (
                    <a href={e.note} target="_blank" rel="noreferrer noopener">
                      {e.note}
                    </a>
                  ) : (
                    <span>
                      {e.kind} {e.id ? `#${e.id}` : ''}
                    </span>
                  )}
                  {e.note && e.kind !== 'link' && <Typography.Text type="secondary"> {e.note}</Typography.Text>}
                </li>
              ))}
            </ul>
          </>
        )}
        <EvidenceFiles record={r} onUploaded={() => void qc.invalidateQueries({ queryKey: key })} />
      </Card>
      {(r.explanation || can('explain')) && (
        <Card title={t('acc.explanation')} data-testid="acc-explanation">
          {r.explanation ? (
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.explanation}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {r.explainedBy?.name} · {r.explainedAt ? dateTime(r.explainedAt) : ''}
              </Typography.Text>
            </>
          ) : (
            <Form layout="vertical" onFinish={() => explain.mutate()}>
              <Form.Item label={t('acc.explainLabel')} htmlFor="acc-explain" extra={t('acc.explainOnce')}>
                <Input.TextArea id="acc-explain" rows={4} maxLength={5000} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
              </Form.Item>
              {explain.isError && <Alert type="error" showIcon title={errorText(explain.error)} style={{ marginBottom: 12 }} />}
              <Button type="primary" htmlType="submit" disabled={!explanation.trim()} loading={explain.isPending} data-action="explain">
                {t('acc.explain')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      {r.conclusion && (
        <Card title={t('acc.conclusion')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="acc-conclusion">
            {r.conclusion}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {r.closedBy?.name} · {r.closedAt ? dateTime(r.closedAt) : ''}
          </Typography.Text>
        </Card>
      )}
      {editing && <RecordForm record={r} onClose={() => setEditing(false)} />}
      {closing && <CloseDialog record={r} onClose={() => setClosing(false)} onDone={(x) => done(x, t('acc.closed'))} />}
    </Space>
  );
}

function CloseDialog({ record, onClose, onDone }: { record: AccRecord; onClose: () => void; onDone: (r: AccRecord) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ conclusion: string }>();
  const close = useMutation({
    mutationFn: (v: { conclusion: string }) => scoreApi.closeRecord(record.id, record.version, v.conclusion.trim()),
    onSuccess: (r) => {
      onDone(r);
      onClose();
    },
  });
  return (
    <Modal open title={t('acc.close')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={close.isPending} okText={t('acc.close')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" name="accClose" onFinish={(v) => close.mutate(v)}>
        <Form.Item name="conclusion" label={t('acc.conclusion')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        {close.isError && <Alert type="error" showIcon title={errorText(close.error)} />}
      </Form>
    </Modal>
  );
}

/** The record's evidence files (证据附件): download links, and an upload for a supervisor over the target until it is closed. */
function EvidenceFiles({ record: r, onUploaded }: { record: AccRecord; onUploaded: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  if (r.attachments.length === 0 && !r.canAttach) return null;
  return (
    <div data-testid="acc-files">
      <Typography.Text strong>{t('acc.files')}</Typography.Text>
      {r.attachments.length > 0 && (
        <ul>
          {r.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/v1/accountability/${r.id}/attachments/${a.id}`} download>
                {a.fileName}
              </a>{' '}
              <Typography.Text type="secondary">
                {Math.max(1, Math.round(a.size / 1024))} KB · {a.uploadedBy} · {dateTime(a.createdAt)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {r.canAttach && (
        <div style={{ marginTop: 8 }}>
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={async (file) => {
              try {
                setError(null);
                await api.upload(`/api/v1/accountability/${r.id}/attachments`, file);
                onUploaded();
              } catch (err) {
                setError(`${file.name}：${errorText(err)}`);
              }
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="acc-upload">
              {t('acc.attach')}
            </Button>
          </Upload>
          {error && <Alert type="error" title={error} style={{ marginTop: 8 }} />}
        </div>
      )}
    </div>
  );
}
