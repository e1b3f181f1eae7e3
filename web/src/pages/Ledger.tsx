import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, DatePicker, Grid, Input, List, Progress, Row, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LightTag } from '../components/LightTag.tsx';
import { UnitPicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { TaskLink } from '../components/TaskLink.tsx';
import { api, ApiError, queryString } from '../lib/api.ts';
import { canAssign, hasRole, useMe } from '../lib/auth.ts';
import { deadlineText, LEVEL, LIGHT, levelName, SOURCE, STATUS, statusName } from '../lib/format.ts';
import { filtersToParams, parseFilters, toQuery, type LedgerFilters } from '../lib/filters.ts';
import { useLang, useT, type MessageKey } from '../lib/i18n.ts';
import type { ImportResult, ResponsibilityList, ResponsibilityRow, TaskListItem, TaskPage } from '../lib/types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const options = (names: Record<string, readonly [string, string]>, lang: 'zh' | 'en') => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));

export default function Ledger() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const view = params.get('view') === 'deadlines' ? 'deadlines' : params.get('view') === 'responsibility' ? 'responsibility' : 'tasks';
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // A phone (narrower than antd's md, 768 px): the ledger as cards, its filters behind a button.
  const phone = Grid.useBreakpoint().md === false;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const active = Object.keys(filters).length;

  const setFilters = (f: LedgerFilters, nextView = view) => {
    const p = filtersToParams(f);
    if (nextView !== 'tasks') p.set('view', nextView);
    setParams(p, { replace: true });
  };

  const onImport = async (file: File, mode: 'new' | 'migration' = 'new') => {
    setProblems(null);
    try {
      const r = await api.upload<ImportResult>(`/api/v1/tasks/import?mode=${mode}`, file, XLSX);
      message.success(`${t('ledger.imported')} ${r.imported}`);
      await qc.invalidateQueries({ queryKey: ['tasks'] });
    } catch (err) {
      // Row-by-row problems stay on screen as a table until dismissed; anything else is a toast.
      const listed = err instanceof ApiError ? importProblems(err.details) : null;
      if (listed?.length) setProblems(listed);
      else message.error(err instanceof ApiError ? err.message : String(err));
    }
    return false;
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.ledger')}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            {canAssign(me.data) && (
              <Link to="/tasks/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('menu.assign')}
                </Button>
              </Link>
            )}
            <Button icon={<DownloadOutlined />} href={`/api/v1/tasks/export.xlsx${queryString(toQuery(filters))}`} download>
              {t('ledger.export')}
            </Button>
            {hasRole(me.data, 'leader', 'supervisor', 'admin') && (
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => onImport(f)}>
                <Button icon={<UploadOutlined />} title={t('ledger.importHint')}>{t('ledger.import')}</Button>
              </Upload>
            )}
            {hasRole(me.data, 'admin') && (
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => onImport(f, 'migration')}>
                <Button icon={<UploadOutlined />} title={t('ledger.migrateHint')}>{t('ledger.migrate')}</Button>
              </Upload>
            )}
          </Space>
        </Col>
      </Row>
      {problems && <ImportProblems problems={problems} onClose={() => setProblems(null)} />}
      {phone && (
        <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen} aria-controls="ledger-filters" data-testid="ledger-filter-toggle">
          {t('ledger.filters')}
          {active > 0 && <Badge count={active} size="small" style={{ marginInlineStart: 6 }} />}
        </Button>
      )}
      {(!phone || filtersOpen) && (
        <div id="ledger-filters">
          <FilterBar filters={filters} onChange={(f) => setFilters(f)} />
        </div>
      )}
      <Tabs
        activeKey={view}
        onChange={(k) => setFilters(filters, k)}
        items={[
          { key: 'tasks', label: t('ledger.tasks'), children: view === 'tasks' ? <TaskTable filters={filters} sort="newest" phone={phone} /> : null },
          { key: 'deadlines', label: t('ledger.deadlines'), children: view === 'deadlines' ? <TaskTable filters={filters} sort="deadline" phone={phone} /> : null },
          { key: 'responsibility', label: t('ledger.responsibility'), children: view === 'responsibility' ? <ResponsibilityTable filters={filters} /> : null },
        ]}
      />
    </Space>
  );
}

function FilterBar({ filters, onChange }: { filters: LedgerFilters; onChange: (f: LedgerFilters) => void }) {
  const t = useT();
  const { lang } = useLang();
  const set = (patch: Partial<LedgerFilters>) => {
    const next: LedgerFilters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof LedgerFilters)[]) if (next[k] === undefined || next[k] === null) delete next[k];
    onChange(next);
  };
  return (
    <Card size="small">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} lg={6}>
          <UnitPicker value={filters.unitId ?? null} onChange={(v: number | undefined) => set({ unitId: v ?? undefined })} placeholder={t('ledger.unit')} aria-label={t('ledger.unit')} />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select allowClear placeholder={t('task.light')} value={filters.light} onChange={(v) => set({ light: v })} options={options(LIGHT, lang)} style={{ width: '100%' }} aria-label={t('task.light')} />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select allowClear placeholder={t('task.level')} value={filters.level} onChange={(v) => set({ level: v })} options={options(LEVEL, lang)} style={{ width: '100%' }} aria-label={t('task.level')} />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select allowClear placeholder={t('task.source')} value={filters.source} onChange={(v) => set({ source: v })} options={options(SOURCE, lang)} style={{ width: '100%' }} aria-label={t('task.source')} />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={t('task.status')} value={filters.status ?? []} onChange={(v: string[]) => set({ status: v.length ? v : undefined })} options={options(STATUS, lang)} style={{ width: '100%' }} aria-label={t('task.status')} />
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            value={[filters.deadlineFrom ? dayjs(filters.deadlineFrom) : null, filters.deadlineTo ? dayjs(filters.deadlineTo) : null]}
            onChange={(r) => set({ deadlineFrom: r?.[0]?.format('YYYY-MM-DD'), deadlineTo: r?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('ledger.deadlineRange'), t('ledger.deadlineRange')]}
          />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Input.Search key={filters.q ?? ''} defaultValue={filters.q} allowClear placeholder={t('ledger.q')} onSearch={(v) => set({ q: v.trim() || undefined })} enterButton={t('common.search')} aria-label={t('ledger.q')} />
        </Col>
        <Col xs={24} lg={16}>
          <Space wrap>
            {filters.todo && (
              <Tag closable color="purple" onClose={() => set({ todo: undefined })}>
                {t('ledger.todo')}{lang === 'zh' ? '：' : ': '}{t(`wb.${filters.todo}` as MessageKey)}
              </Tag>
            )}
            {filters.escalatedFrom && (
              <Tag closable color="red" onClose={() => set({ escalatedFrom: undefined })} data-testid="filter-escalated">
                {t('ov.escalations')}{lang === 'zh' ? '：' : ': '}{filters.escalatedFrom}
              </Tag>
            )}
            <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

/** One row of an import's error table (the API's details.problems). */
interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/** The import's problems from an error's details; null when it has none in that shape. */
function importProblems(details: unknown): ImportProblem[] | null {
  const p = (details as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(p)) return null;
  return p.filter((x): x is ImportProblem => typeof x === 'object' && x !== null && typeof (x as ImportProblem).message === 'string');
}

/** 导入失败: every problem with its row and column, on screen until the user closes it. */
function ImportProblems({ problems, onClose }: { problems: ImportProblem[]; onClose: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose, 'aria-label': t('ledger.closeProblems') }}
      role="alert"
      data-testid="import-problems"
      title={`${t('ledger.importFailed')}（${problems.length}）`}
      description={
        <Table<ImportProblem>
          size="small"
          rowKey={(_, i) => String(i)}
          dataSource={problems}
          pagination={problems.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 480 }}
          columns={[
            { title: t('ledger.row'), dataIndex: 'row', width: 64, render: (v: number | null) => v ?? t('ledger.wholeFile') },
            { title: t('ledger.column'), dataIndex: 'column', width: 110, render: (v: string | null) => v ?? '—' },
            { title: t('ledger.problem'), dataIndex: 'message' },
          ]}
        />
      }
    />
  );
}

/** The ledger on a phone: a card per task with what matters at a glance. */
function TaskCard({ task }: { task: TaskListItem }) {
  const t = useT();
  const { lang } = useLang();
  const overdue = task.overdueWorkdays > 0 && task.light !== 'done';
  return (
    <Card size="small" data-testid="ledger-card" style={{ width: '100%' }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
          <TaskLink task={task} />
          <LightTag light={task.light} reasons={task.lightReasons} />
        </Space>
        <Typography.Text type="secondary">{task.leadUnit.name}</Typography.Text>
        <Space wrap size={8}>
          <Typography.Text>{`${t('task.deadline')}${lang === 'zh' ? '：' : ': '}${task.deadline}`}</Typography.Text>
          {overdue && <Tag color="error">{`${t('ledger.overdueDays')} ${task.overdueWorkdays} ${t('ledger.workdaysShort')}`}</Tag>}
          <Typography.Text type="secondary">{statusName(task.status, lang)}</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

function TaskTable({ filters, sort, phone }: { filters: LedgerFilters; sort: 'deadline' | 'newest'; phone: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const q = useInfiniteQuery({
    queryKey: ['tasks', 'list', sort, filters],
    queryFn: ({ pageParam, signal }) => api.get<TaskPage>('/api/v1/tasks', { ...toQuery(filters), sort, limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <>
      {phone ? (
        <List<TaskListItem>
          aria-label={t('ledger.cards')}
          data-testid="ledger-cards"
          loading={q.isPending}
          dataSource={rows}
          locale={{ emptyText: t('common.empty') }}
          split={false}
          renderItem={(task) => (
            <List.Item style={{ padding: '4px 0' }}>
              <TaskCard task={task} />
            </List.Item>
          )}
        />
      ) : (
      <Table<TaskListItem>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('common.empty') }}
        data-testid="ledger-table"
        columns={[
          { title: t('task.light'), dataIndex: 'light', width: 80, render: (_: unknown, r) => <LightTag light={r.light} reasons={r.lightReasons} /> },
          { title: t('task.title'), dataIndex: 'title', render: (_: unknown, r) => <TaskLink task={r} /> },
          { title: t('task.leadUnit'), dataIndex: ['leadUnit', 'name'], width: 160, render: (v: string) => <span lang="zh">{v}</span> },
          { title: t('task.responsible'), dataIndex: ['responsible', 'name'], width: 100, render: (v: string | undefined) => (v ? <span lang="zh">{v}</span> : '—') },
          { title: t('task.level'), dataIndex: 'level', width: 70, render: (v: string) => <Tag color={v === 'major' ? 'red' : v === 'key' ? 'orange' : undefined}>{levelName(v, lang)}</Tag> },
          { title: t('task.status'), dataIndex: 'status', width: 100, render: (v: string) => statusName(v, lang) },
          { title: t('task.deadline'), dataIndex: 'deadline', width: 210, render: (_: unknown, r) => <Typography.Text type={r.overdueWorkdays > 0 && r.light !== 'done' ? 'danger' : undefined}>{deadlineText(r, lang)}</Typography.Text> },
          { title: t('task.progress'), dataIndex: 'progressPercent', width: 120, render: (v: number) => <Progress percent={v} size="small" aria-label={t('task.progress')} /> },
        ]}
      />
      )}
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {q.hasNextPage ? (
          <Button onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('common.more')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}（{rows.length}）</Typography.Text>
        )}
      </div>
    </>
  );
}

function ResponsibilityTable({ filters }: { filters: LedgerFilters }) {
  const t = useT();
  const { lang } = useLang();
  const [, setParams] = useSearchParams();
  const q = useQuery({
    queryKey: ['tasks', 'responsibility', filters],
    queryFn: () => api.get<ResponsibilityList>('/api/v1/tasks/lists/responsibility', toQuery(filters)).then((r) => r.items),
  });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const drill = (unitId: number, light?: string) => setParams(filtersToParams({ ...filters, unitId, ...(light ? { light } : {}) }));
  return (
    <Table<ResponsibilityRow>
      rowKey={(r) => `${r.unitId}:${r.responsibleId ?? ''}`}
      loading={q.isPending}
      dataSource={q.data ?? []}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      columns={[
        { title: t('task.leadUnit'), dataIndex: 'unitName', render: (v: string, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(r.unitId)}>{v}</Button> },
        { title: t('task.responsible'), dataIndex: 'responsibleName', render: (v: string | null) => v ?? '—' },
        { title: t('ledger.total'), dataIndex: 'total', width: 80 },
        ...(['green', 'yellow', 'red', 'done'] as const).map((light) => ({
          title: LIGHT[light][lang === 'zh' ? 0 : 1],
          key: light,
          width: 80,
          render: (_: unknown, r: ResponsibilityRow) => (r.byLight[light] ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(r.unitId, light)}>{r.byLight[light]}</Button> : 0),
        })),
      ]}
    />
  );
}
