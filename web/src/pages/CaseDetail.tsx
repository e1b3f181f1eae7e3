import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { ApiError } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { caseStatusName } from '../lib/score.ts';
import { CASE_COLOR } from './Cases.tsx';
import { scoreApi } from './score-api.ts';

/** One model case: its write-up, the task behind it, and 入选 / 未入选 for supervisors. */
export default function CaseDetail() {
  const { id } = useParams();
  const caseId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const key = ['cases', 'detail', caseId];
  const q = useQuery({ queryKey: key, queryFn: () => scoreApi.case(caseId), enabled: Number.isInteger(caseId) && caseId > 0 });
  const decide = useMutation({
    mutationFn: (action: 'select' | 'reject') => scoreApi.decideCase(caseId, action, q.data!.version, note.trim() || undefined),
    onSuccess: (c) => {
      qc.setQueryData(key, c);
      setNote('');
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      message.success(t('common.saved'));
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });
  if (!Number.isInteger(caseId) || caseId <= 0) return <ErrorState error={new Error('没有这个案例 (no such case).')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const c = q.data;
  // The server says what the caller may do to this case now (no button that would be refused).
  const can = (a: 'select' | 'reject') => c.allowedActions.includes(a);
  const taskId = c.taskId;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/cases">← {t('menu.cases')}</Link>
      <Card>
        <Space wrap size={8} style={{ marginBottom: 8 }}>
          <Tag color={CASE_COLOR[c.status]} data-testid="case-status">
            {caseStatusName(c.status, lang)}
          </Tag>
          {c.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
        <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="case-title">
          {c.title}
        </Typography.Title>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('case.unit')}>{c.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('case.nominatedBy')}>
            {c.nominatedBy.name} · {dateTime(c.createdAt)}
          </Descriptions.Item>
          {c.decidedBy && (
            <Descriptions.Item label={t('case.decidedBy')}>
              {c.decidedBy.name}
              {c.decidedAt ? ` · ${dateTime(c.decidedAt)}` : ''}
              {c.decisionNote ? `：${c.decisionNote}` : ''}
            </Descriptions.Item>
          )}
          {taskId && (
            <Descriptions.Item label={t('case.task')}>
              <Link to={`/tasks/${taskId}`} data-testid="case-task">
                {t('case.task')} #{taskId}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {(can('select') || can('reject')) && (
          <Space wrap style={{ marginTop: 12 }} data-testid="case-actions">
            <Input placeholder={t('case.note')} aria-label={t('case.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} style={{ width: 260, maxWidth: '100%' }} />
            {can('select') && (
              <Button type="primary" onClick={() => decide.mutate('select')} loading={decide.isPending} data-action="select">
                {t('case.select')}
              </Button>
            )}
            {can('reject') && (
              <Button onClick={() => decide.mutate('reject')} loading={decide.isPending} data-action="reject">
                {t('case.decline')}
              </Button>
            )}
          </Space>
        )}
      </Card>
      <Card title={t('case.summary')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{c.summary}</Typography.Paragraph>
      </Card>
      {c.body && (
        <Card title={t('case.body')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="case-body">
            {c.body}
          </Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
