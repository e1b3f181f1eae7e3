import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../components/States.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { hasRole, useMe } from '../../lib/auth.ts';
import { parseSchedule } from '../../lib/calendar.ts';
import { dateTime } from '../../lib/format.ts';
import { useLang, useT } from '../../lib/i18n.ts';
import type { CalendarYear, CalendarYears } from '../../lib/types.ts';

export default function Calendar() {
  const t = useT();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const me = useMe();
  const admin = hasRole(me.data, 'admin');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const years = useQuery({ queryKey: ['calendar', 'years'], queryFn: () => api.get<CalendarYears>('/api/v1/calendar/years') });
  const [year, setYear] = useState<number>(() => (years.data?.missingYears[0] ?? new Date().getFullYear() + 1));
  const onError = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const done = () => qc.invalidateQueries({ queryKey: ['calendar'] });
  const importYear = useMutation({
    mutationFn: async (file: File) => {
      const parsed = parseSchedule(await file.text(), year);
      if (!parsed.ok) throw new Error(parsed.error);
      await api.put(`/api/v1/calendar/years/${year}`, { ...parsed.schedule, note: file.name.slice(0, 200) });
    },
    onSuccess: () => (message.success(`${year} ✓`), done()),
    onError,
  });
  const remove = useMutation({ mutationFn: (y: number) => api.del(`/api/v1/calendar/years/${y}`), onSuccess: done, onError });

  if (years.isError) return <ErrorState error={years.error} onRetry={() => years.refetch()} />;
  const missing = years.data?.missingYears ?? [];
  return (
    <Card title={t('admin.calendar')}>
      {missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${t('admin.missingYears')} ${missing.join('、')}`} data-testid="missing-years" />
      )}
      {admin && (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('admin.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={lang === 'zh' ? '年份' : 'Year'} />
          <Upload accept=".json,.csv,.txt" showUploadList={false} beforeUpload={(f) => (importYear.mutate(f), false)}>
            <Button icon={<UploadOutlined />} loading={importYear.isPending}>
              {t('admin.importYear')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('admin.importHint')}
          </Typography.Text>
        </Space>
      )}
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        loading={years.isPending}
        dataSource={years.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('admin.year'), dataIndex: 'year', width: 90 },
          { title: t('admin.source'), dataIndex: 'source', width: 120, render: (s: string) => (s === 'imported' ? <Tag color="blue">{zh ? '已导入' : 'Imported'}</Tag> : <Tag>{zh ? '内置' : 'Built in'}</Tag>) },
          { title: t('admin.holidays'), dataIndex: 'holidays', width: 120 },
          { title: t('admin.makeupDays'), dataIndex: 'workdays', width: 140 },
          { title: zh ? '说明' : 'Note', dataIndex: 'note', render: (n: string | null, y) => [n, y.updatedAt && dateTime(y.updatedAt)].filter(Boolean).join(' · ') },
          ...(admin
            ? [
                {
                  title: '',
                  key: 'ops',
                  width: 100,
                  render: (_: unknown, y: CalendarYear) =>
                    y.source === 'imported' ? (
                      <Popconfirm title={zh ? '删除导入的日历？将恢复内置日历。' : 'Drop the imported year?'} onConfirm={() => remove.mutate(y.year)}>
                        <Button type="link" size="small" style={{ padding: 0 }}>{zh ? '删除' : 'Remove'}</Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
