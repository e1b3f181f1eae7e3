import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CheckSummary, MarkedText } from '../components/CheckView.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { api, ApiError } from '../lib/api.ts';
import { docStatusName, kindName } from '../lib/documents.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import type { DocumentDetail as Detail } from '../lib/types.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** One document: its text (marked after a check), the check, editing, .docx upload and 印发. */
export default function DocumentDetail() {
  const { id } = useParams();
  const docId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [draftText, setDraftText] = useState('');
  const [issuing, setIssuing] = useState(false);
  const key = ['documents', 'detail', docId];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Detail>(`/api/v1/documents/${docId}`), enabled: Number.isInteger(docId) && docId > 0 });
  const done = (d: Detail, text: string) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['documents', 'list'] });
    message.success(text);
  };
  const fail = (e: unknown) => message.error(errorText(e));
  const save = useMutation({
    mutationFn: (body: string) => api.patch<Detail>(`/api/v1/documents/${docId}`, { version: q.data!.version, body }),
    onSuccess: (d) => {
      setEditing(false);
      done(d, t('doc.saved'));
    },
    onError: fail,
  });
  const check = useMutation({ mutationFn: () => api.post<Detail>(`/api/v1/documents/${docId}/check`, { version: q.data!.version }), onSuccess: (d) => done(d, t('doc.checked')), onError: fail });
  const upload = async (file: File) => {
    try {
      const d = await api.upload<Detail>(`/api/v1/documents/${docId}/docx?version=${q.data!.version}`, file, DOCX);
      done(d, t('doc.uploaded'));
    } catch (e) {
      fail(e);
    }
    return false;
  };

  if (!Number.isInteger(docId) || docId <= 0) return <ErrorState error={new Error('没有这个文件 (no such document).')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const d = q.data;
  const can = (a: 'edit' | 'check' | 'issue') => d.allowedActions.includes(a);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <Tag color={d.status === 'issued' ? 'blue' : d.status === 'checked' ? 'green' : undefined} data-testid="doc-status">
                {docStatusName(d.status, lang)}
              </Tag>
              <Tag>{kindName(d.kind, lang)}</Tag>
              {d.number && <Tag color="red" data-testid="doc-number">{d.number}</Tag>}
            </Space>
            <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="doc-title">
              {d.title}
            </Typography.Title>
          </div>
          <Space wrap data-testid="doc-actions">
            {can('edit') && !editing && (
              <Button
                onClick={() => {
                  setDraftText(d.body);
                  setEditing(true);
                }}
              >
                {t('doc.edit')}
              </Button>
            )}
            {can('edit') && (
              <Upload accept=".docx" showUploadList={false} beforeUpload={upload}>
                <Button icon={<UploadOutlined />}>{t('doc.upload')}</Button>
              </Upload>
            )}
            {can('check') && (
              <Button type={d.status === 'draft' ? 'primary' : 'default'} onClick={() => check.mutate()} loading={check.isPending} data-action="check">
                {t('doc.runCheck')}
              </Button>
            )}
            {can('issue') && (
              <Button type="primary" onClick={() => setIssuing(true)} data-action="issue">
                {t('doc.issue')}
              </Button>
            )}
          </Space>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('doc.unit')}>{d.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('doc.author')}>{d.author.name}</Descriptions.Item>
          <Descriptions.Item label={t('doc.characters')}>{d.characters.toLocaleString('en-US')}</Descriptions.Item>
          {d.fileName && <Descriptions.Item label=".docx">{d.fileName}</Descriptions.Item>}
          {d.issuedAt && <Descriptions.Item label={t('doc.issuedAt')}>{dateTime(d.issuedAt)}</Descriptions.Item>}
          {d.quota && (
            <Descriptions.Item label={t('doc.quota')}>
              <span title={t('doc.quotaText')}>
                {d.quota.issuedThisYear} / {d.quota.issuedLastYear} / {d.quota.allowed}
              </span>
            </Descriptions.Item>
          )}
          {d.explanation && <Descriptions.Item label={t('doc.explanation')}>{d.explanation}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {editing ? (
        <Card size="small" title={t('doc.edit')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea aria-label={t('doc.body')} value={draftText} onChange={(e) => setDraftText(e.target.value)} autoSize={{ minRows: 10, maxRows: 30 }} />
            <Space>
              <Button type="primary" onClick={() => save.mutate(draftText)} loading={save.isPending}>
                {t('doc.save')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            </Space>
          </Space>
        </Card>
      ) : d.check ? (
        <>
          <CheckSummary check={d.check} />
          <MarkedText text={d.body} check={d.check} />
        </>
      ) : (
        <Card size="small" title={t('doc.body')} extra={<Typography.Text type="secondary">{t('doc.noCheck')}</Typography.Text>}>
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 2 }} data-testid="doc-body">
            {d.body || '—'}
          </div>
        </Card>
      )}
      {issuing && <IssueDialog doc={d} onClose={() => setIssuing(false)} onDone={(x) => done(x, t('doc.issued'))} />}
    </Space>
  );
}

function IssueDialog({ doc, onClose, onDone }: { doc: Detail; onClose: () => void; onDone: (d: Detail) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ number: string; explanation?: string }>();
  const [needExplanation, setNeedExplanation] = useState(doc.quota?.explanationRequired ?? false);
  const issue = useMutation({
    mutationFn: (v: { number: string; explanation?: string }) => api.post<Detail>(`/api/v1/documents/${doc.id}/issue`, { version: doc.version, number: v.number, ...(v.explanation ? { explanation: v.explanation } : {}) }),
    onSuccess: (d) => {
      onClose();
      onDone(d);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'DOCUMENT_QUOTA_EXPLANATION_REQUIRED') setNeedExplanation(true);
    },
  });
  return (
    <Modal open title={`${t('doc.issue')} · ${doc.title}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={issue.isPending} okText={t('doc.issue')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)}>
        <Form.Item name="number" label={t('doc.number')} extra={t('doc.numberHint')} rules={[{ required: true, max: 60 }]}>
          <Input id="issue-number" />
        </Form.Item>
        {needExplanation && (
          <>
            <Alert type="warning" showIcon title={t('doc.explanationNeeded')} style={{ marginBottom: 12 }} />
            <Form.Item name="explanation" label={t('doc.explanation')} rules={[{ required: true, max: 5000 }]}>
              <Input.TextArea id="issue-explanation" autoSize={{ minRows: 3 }} />
            </Form.Item>
          </>
        )}
        {issue.isError && (
          <Typography.Text type="danger" role="alert">
            {errorText(issue.error)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
