import { DownloadOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Chart } from '../components/Chart.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { ApiError } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { chartSummary, periodName, reportKindName, reportStatusName, tableChart } from '../lib/score.ts';
import { scoreApi, type Report, type ReportSection } from './score-api.ts';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** One report: its sections (editable in a draft), its tables with charts, 印发, and DOCX / XLSX. */
export default function ReportDetail() {
  const { id } = useParams();
  const reportId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const key = ['reports', 'detail', reportId];
  const q = useQuery({ queryKey: key, queryFn: () => scoreApi.report(reportId), enabled: Number.isInteger(reportId) && reportId > 0 });
  const done = (r: Report, text: string) => {
    qc.setQueryData(key, r);
    void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
    message.success(text);
  };
  const issue = useMutation({ mutationFn: () => scoreApi.issueReport(reportId, q.data!.version), onSuccess: (r) => done(r, t('rep.issued')), onError: (e) => message.error(errorText(e)) });
  const refresh = useMutation({ mutationFn: () => scoreApi.refreshReport(reportId, q.data!.version), onSuccess: (r) => done(r, t('rep.refreshed')), onError: (e) => message.error(errorText(e)) });

  if (!Number.isInteger(reportId) || reportId <= 0) return <ErrorState error={new Error('没有这份报告 (no such report).')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const r = q.data;
  const can = (a: Report['allowedActions'][number]) => r.allowedActions.includes(a);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/reports">← {t('menu.reports')}</Link>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <Tag color={r.status === 'issued' ? 'blue' : undefined} data-testid="rep-status">
                {reportStatusName(r.status, lang)}
              </Tag>
              <Tag>{reportKindName(r.kind, lang)}</Tag>
              <Tag>{periodName(r.period.key, lang)}</Tag>
              <Tag>{r.unit.name}</Tag>
              {r.number && (
                <Tag color="red" data-testid="rep-number">
                  {r.number}
                </Tag>
              )}
            </Space>
            <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="rep-title">
              {r.title}
            </Typography.Title>
            {r.issuedAt && <Typography.Text type="secondary">{t('rep.issuedAt')} {dateTime(r.issuedAt)}</Typography.Text>}
          </div>
          <Space wrap data-testid="rep-actions">
            {can('edit') && !editing && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-action="edit">
                {t('rep.edit')}
              </Button>
            )}
            {can('refresh') && !editing && (
              <Popconfirm title={t('rep.refreshConfirm')} onConfirm={() => refresh.mutate()} okText={t('rep.refresh')} cancelText={t('common.cancel')}>
                <Button icon={<ReloadOutlined />} loading={refresh.isPending} data-action="refresh">
                  {t('rep.refresh')}
                </Button>
              </Popconfirm>
            )}
            {can('issue') && !editing && (
              <Popconfirm title={t('rep.issueConfirm')} onConfirm={() => issue.mutate()} okText={t('rep.issue')} cancelText={t('common.cancel')}>
                <Button type="primary" loading={issue.isPending} data-action="issue">
                  {t('rep.issue')}
                </Button>
              </Popconfirm>
            )}
            <Button icon={<DownloadOutlined />} href={`/api/v1/reports/${r.id}.docx`} download data-testid="rep-docx" title={r.status === 'issued' ? undefined : t('rep.draftFile')}>
              {t('rep.docx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={`/api/v1/reports/${r.id}.xlsx`} download data-testid="rep-xlsx" title={r.status === 'issued' ? undefined : t('rep.draftFile')}>
              {t('rep.xlsx')}
            </Button>
          </Space>
        </Flex>
      </Card>
      {editing ? <SectionsForm report={r} onDone={(x) => (setEditing(false), done(x, t('common.saved')))} onCancel={() => setEditing(false)} /> : <Sections report={r} />}
      <Card size="small">
        <Typography.Paragraph style={{ textAlign: 'right', margin: 0 }} data-testid="rep-signature">
          {r.signer}
          <br />
          {r.date}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}

function Sections({ report }: { report: Report }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="rep-sections">
      {report.sections.map((s, i) => (
        <Card key={s.key} size="small" title={s.heading || undefined} data-section={s.key}>
          {s.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{s.text}</Typography.Paragraph>}
          <SectionData section={s} index={i} />
        </Card>
      ))}
    </Space>
  );
}

function SectionsForm({ report, onDone, onCancel }: { report: Report; onDone: (r: Report) => void; onCancel: () => void }) {
  const t = useT();
  const editable = report.sections;
  const [form] = Form.useForm<{ title: string; sections: Record<string, string> }>();
  const save = useMutation({
    mutationFn: (v: { title: string; sections: Record<string, string> }) =>
      scoreApi.editReport(report.id, { version: report.version, title: v.title.trim(), sections: editable.map((s) => ({ key: s.key, text: v.sections[s.key] ?? s.text })) }),
    onSuccess: onDone,
  });
  return (
    <Card data-testid="rep-edit">
      <Form form={form} layout="vertical" name="rep_edit" initialValues={{ title: report.title, sections: Object.fromEntries(editable.map((s) => [s.key, s.text])) }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('rep.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        {report.sections.map((s) => (
          <Form.Item key={s.key} name={['sections', s.key]} label={s.heading || s.key} rules={[{ max: 20000 }]} extra={s.table ? t('rep.tableFromData') : undefined}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 16 }} maxLength={20000} data-section-input={s.key} />
          </Form.Item>
        ))}
        {save.isError && <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-action="save">
            {t('common.save')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** A section's table, and its chart (the API's, or one from the table's numeric columns) with a text alternative. */
function SectionData({ section, index }: { section: ReportSection; index: number }) {
  const t = useT();
  const table = section.table;
  const chart = useMemo(() => section.chart ?? (table ? tableChart({ title: section.heading, columns: table.columns, rows: table.rows }) : null), [section, table]);
  const option = useMemo(
    () =>
      chart && {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, rotate: chart.categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: chart.series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
      },
    [chart],
  );
  if (!table && !chart) return null;
  const rows = (table?.rows ?? []).map((row, i) => ({ key: i, ...Object.fromEntries(row.map((v, j) => [`c${j}`, v])) }));
  return (
    <>
      {chart && option && chart.categories.length > 1 && (
        <div style={{ marginBottom: 12 }}>
          <Chart option={option} height={260} testId={`rep-chart-${index}`} title={section.heading} alt={chartSummary(section.heading, chart)} />
        </div>
      )}
      {table && (
        <Table
          size="small"
          pagination={false}
          scroll={{ x: Math.max(480, table.columns.length * 110) }}
          dataSource={rows}
          locale={{ emptyText: t('common.empty') }}
          data-testid={`rep-table-${section.key}`}
          columns={table.columns.map((c, j) => ({ title: c, dataIndex: `c${j}`, render: (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v)) }))}
        />
      )}
    </>
  );
}
