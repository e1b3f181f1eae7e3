import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
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
import { scoreApi, type Report, type ReportTableData } from './score-api.ts';

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

  if (!Number.isInteger(reportId) || reportId <= 0) return <ErrorState error={new Error('没有这份报告 (no such report).')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card><Loading rows={10} /></Card>;
  const r = q.data;
  const can = (a: string) => r.allowedActions.includes(a);
  const downloadable = r.status === 'issued' || can('download');

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
              <Tag>{periodName(r.period, lang)}</Tag>
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
            {can('issue') && !editing && (
              <Popconfirm title={t('rep.issueConfirm')} onConfirm={() => issue.mutate()} okText={t('rep.issue')} cancelText={t('common.cancel')}>
                <Button type="primary" loading={issue.isPending} data-action="issue">
                  {t('rep.issue')}
                </Button>
              </Popconfirm>
            )}
            {downloadable && (
              <>
                <Button icon={<DownloadOutlined />} href={`/api/v1/reports/${r.id}.docx`} download data-testid="rep-docx">
                  {t('rep.docx')}
                </Button>
                <Button icon={<DownloadOutlined />} href={`/api/v1/reports/${r.id}.xlsx`} download data-testid="rep-xlsx">
                  {t('rep.xlsx')}
                </Button>
              </>
            )}
          </Space>
        </Flex>
      </Card>
      {editing ? <SectionsForm report={r} onDone={(x) => (setEditing(false), done(x, t('common.saved')))} onCancel={() => setEditing(false)} /> : <Sections report={r} />}
      {r.tables.map((table, i) => (
        <ReportTable key={table.key ?? i} table={table} index={i} />
      ))}
    </Space>
  );
}

function Sections({ report }: { report: Report }) {
  return (
    <Card data-testid="rep-sections">
      {report.sections.map((s) => (
        <section key={s.key} style={{ marginBottom: 16 }} data-section={s.key}>
          {s.heading && (
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {s.heading}
            </Typography.Title>
          )}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: 0 }}>{s.text}</Typography.Paragraph>
        </section>
      ))}
    </Card>
  );
}

function SectionsForm({ report, onDone, onCancel }: { report: Report; onDone: (r: Report) => void; onCancel: () => void }) {
  const t = useT();
  const editable = report.sections.filter((s) => s.editable !== false);
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
        {report.sections.map((s) =>
          s.editable === false ? (
            <section key={s.key} style={{ marginBottom: 16 }}>
              <Typography.Text strong>{s.heading}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                {s.text}
              </Typography.Paragraph>
            </section>
          ) : (
            <Form.Item key={s.key} name={['sections', s.key]} label={s.heading || s.key} rules={[{ max: 20000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} maxLength={20000} data-section-input={s.key} />
            </Form.Item>
          ),
        )}
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

function ReportTable({ table, index }: { table: ReportTableData; index: number }) {
  const t = useT();
  const chart = useMemo(() => tableChart(table), [table]);
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
  const rows = table.rows.map((row, i) => ({ key: i, ...Object.fromEntries(row.map((v, j) => [`c${j}`, v])) }));
  return (
    <Card size="small" title={table.title} data-testid={`rep-table-${index}`}>
      {chart && option && table.rows.length > 1 && (
        <div role="img" aria-label={chartSummary(table.title, chart)} style={{ marginBottom: 12 }}>
          <Chart option={option} height={280} testId={`rep-chart-${index}`} />
        </div>
      )}
      <Table
        size="small"
        pagination={false}
        scroll={{ x: Math.max(480, table.columns.length * 110) }}
        dataSource={rows}
        locale={{ emptyText: t('common.empty') }}
        columns={table.columns.map((c, j) => ({ title: c, dataIndex: `c${j}`, render: (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v)) }))}
      />
    </Card>
  );
}
