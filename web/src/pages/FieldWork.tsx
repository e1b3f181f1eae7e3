import { DownloadOutlined, FileAddOutlined, PlusOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { LightTag } from '../components/LightTag.tsx';
import { PersonPicker, UnitPicker, WorkdayDatePicker } from '../components/pickers.tsx';
import { ErrorState } from '../components/States.tsx';
import { TaskLink } from '../components/TaskLink.tsx';
import { api, ApiError, queryString } from '../lib/api.ts';
import { hasRole, serverToday, useMe } from '../lib/auth.ts';
import { LEVEL, statusName } from '../lib/format.ts';
import { colon, paren, useLang, useT } from '../lib/i18n.ts';
import {
  daysText,
  idParam,
  options,
  PLACE_KIND,
  PLACE_TAGS,
  placeKindName,
  quotaGauge,
  severityName,
  share,
  visitKindName,
  visitSpan,
  yearParam,
  type Annual,
  type Coverage,
  type FieldFinding,
  type FieldVisit,
  type FieldVisitPage,
  type Place,
  type PlacePage,
  type QuotaAnswer,
} from '../lib/research.ts';
import type { Task, TaskLevel } from '../lib/types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 一线工作: a leader's field days against the quota, the county's coverage, and the places. */
export default function FieldWork() {
  const t = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const admin = hasRole(me.data, 'supervisor', 'admin');
  const raw = params.get('tab');
  const tab = raw === 'coverage' ? 'coverage' : raw === 'places' && admin ? 'places' : 'person';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.research')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const p = new URLSearchParams(params);
          if (k === 'person') p.delete('tab');
          else p.set('tab', k);
          setParams(p, { replace: true });
        }}
        items={[
          { key: 'person', label: t('fw.person'), children: tab === 'person' ? <PersonView /> : null },
          { key: 'coverage', label: t('fw.coverage'), children: tab === 'coverage' ? <CoverageView /> : null },
          ...(admin ? [{ key: 'places', label: t('fw.places'), children: tab === 'places' ? <PlacesView /> : null }] : []),
        ]}
      />
    </Space>
  );
}

/** One person's year: the quota gauge, the visits, the findings and their tasks. */
function PersonView() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const personId = idParam(params.get('personId')) ?? me.data?.id;
  const year = yearParam(params.get('year'), serverToday().year());
  const set = (k: string, v: string | number | undefined) => {
    const p = new URLSearchParams(params);
    if (v === undefined || v === '') p.delete(k);
    else p.set(k, String(v));
    setParams(p, { replace: true });
  };
  const quota = useQuery({
    queryKey: ['field-visits', 'quota', personId, year],
    queryFn: () => api.get<QuotaAnswer>('/api/v1/field-visits/quota', { personId, year }),
    enabled: personId !== undefined,
  });
  const visits = useInfiniteQuery({
    queryKey: ['field-visits', 'list', personId, year],
    queryFn: ({ pageParam }) => api.get<FieldVisitPage>('/api/v1/field-visits', { personId, year, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: personId !== undefined,
  });
  const rows = visits.data?.pages.flatMap((p) => p.items) ?? [];
  const findings = rows.flatMap((v) => v.findings.map((f) => ({ ...f, visit: v })));
  const [converting, setConverting] = useState<(FieldFinding & { visit: FieldVisit }) | null>(null);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} sm={12} lg={8}>
            <PersonPicker id="fw-person" aria-label={t('fw.who')} placeholder={me.data ? `${t('fw.who')}${colon(lang)}${me.data.name}` : t('fw.who')} value={idParam(params.get('personId')) ?? null} onChange={(v) => set('personId', v)} />
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <InputNumber id="fw-year" aria-label={t('fw.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => set('year', v ?? undefined)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={13} style={{ textAlign: 'right' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`/field-work/new${personId ? `?personId=${personId}` : ''}`)} data-testid="fw-log">
              {t('fw.log')}
            </Button>
          </Col>
        </Row>
      </Card>
      {quota.isError ? <ErrorState error={quota.error} onRetry={() => quota.refetch()} /> : <QuotaCard quota={quota.data} loading={quota.isPending} year={year} />}

      <Card size="small" title={t('fw.visits')}>
        {visits.isError ? (
          <ErrorState error={visits.error} onRetry={() => visits.refetch()} />
        ) : (
          <Table<FieldVisit>
            rowKey="id"
            size="small"
            loading={visits.isPending && personId !== undefined}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 880 }}
            data-testid="fw-visits"
            locale={{ emptyText: t('fw.noVisits') }}
            expandable={{
              expandedRowRender: (v) => (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('fw.people')}>{v.people.map((p) => p.name).join('、')}</Descriptions.Item>
                  <Descriptions.Item label={t('fw.seen')}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{v.seen || '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('fw.met')}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{v.peopleMet || '—'}</span>
                  </Descriptions.Item>
                </Descriptions>
              ),
              expandRowByClick: false,
            }}
            columns={[
              { title: t('fw.dates'), render: (_, v) => visitSpan(v, lang), width: 230 },
              { title: t('fw.kind'), render: (_, v) => visitKindName(v.kind, lang), width: 100 },
              { title: t('fw.places'), render: (_, v) => v.places.map((p) => p.name).join('、') || '—' },
              { title: t('fw.purpose'), dataIndex: 'purpose', ellipsis: true },
              { title: t('fw.unannounced'), width: 110, render: (_, v) => (v.unannounced ? <Tag color="blue">{t('fw.unannouncedYes')}</Tag> : <Tag>{t('fw.unannouncedNo')}</Tag>) },
              { title: t('fw.findingCount'), width: 80, align: 'right', render: (_, v) => v.findings.length },
            ]}
          />
        )}
        {visits.hasNextPage && (
          <Button style={{ marginTop: 8 }} onClick={() => void visits.fetchNextPage()} loading={visits.isFetchingNextPage}>
            {t('common.more')}
          </Button>
        )}
      </Card>

      <Card size="small" title={t('fw.findings')}>
        <Table<FieldFinding & { visit: FieldVisit }>
          rowKey="id"
          size="small"
          loading={visits.isPending && personId !== undefined}
          dataSource={findings}
          pagination={false}
          scroll={{ x: 880 }}
          data-testid="fw-findings"
          locale={{ emptyText: t('fw.noFindings') }}
          columns={[
            { title: t('fw.problem'), dataIndex: 'problem' },
            { title: t('fw.dates'), render: (_, f) => f.visit.startDate, width: 110 },
            { title: t('fw.place'), render: (_, f) => f.visit.places.find((p) => p.id === f.placeId)?.name ?? '—', width: 140 },
            { title: t('fw.category'), render: (_, f) => f.category ?? '—', width: 100 },
            { title: t('fw.severity'), render: (_, f) => severityName(f.severity, lang), width: 80 },
            {
              title: t('fw.task'),
              width: 260,
              render: (_, f) =>
                f.task ? (
                  <Space size={6} wrap data-testid={`finding-task-${f.id}`}>
                    <LightTag light={f.task.light} />
                    <Tag>{statusName(f.task.status, lang)}</Tag>
                    <TaskLink task={{ id: f.task.id, title: `${t('fw.task')} #${f.task.id}` }} />
                  </Space>
                ) : f.visit.canAssign ? (
                  <Button size="small" icon={<FileAddOutlined />} onClick={() => setConverting(f)} aria-label={`${t('fw.toTask')}${colon(lang)}${f.problem}`} data-testid={`finding-convert-${f.id}`}>
                    {t('fw.toTask')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('fw.noTask')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {converting && <ToTaskDialog finding={converting} onClose={() => setConverting(null)} />}
    </Space>
  );
}

/** The quota as a dial (days done, the mark expected by now) with the numbers in words beside it. */
function QuotaCard({ quota, loading, year }: { quota: QuotaAnswer | undefined; loading: boolean; year: number }) {
  const t = useT();
  const { lang } = useLang();
  const g = quota ? quotaGauge(quota) : null;
  const option = useMemo<ChartOption>(() => {
    // The mark for "expected by now" is a dark notch on the dial's track, not a second needle.
    const at = Math.min(0.995, Math.max(0, (g?.expectedPct ?? 0) / 100));
    return {
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          radius: '92%',
          center: ['50%', '58%'],
          progress: { show: true, width: 16, itemStyle: { color: g?.state === 'behind' ? '#f5222d' : '#c62828' } },
          axisLine: { lineStyle: { width: 16, color: [[Math.max(0, at - 0.008), '#e8e8e8'], [at + 0.008, '#262626'], [1, '#e8e8e8']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          detail: { valueAnimation: false, fontSize: 24, fontWeight: 600, offsetCenter: [0, '-5%'], formatter: () => (quota ? `${daysText(quota.days)} / ${daysText(quota.target)}` : '—') },
          title: { offsetCenter: [0, '30%'], fontSize: 12, color: '#595959' },
          data: [{ value: g?.donePct ?? 0, name: quota ? `${t('fw.expected')} ${daysText(quota.expectedByNow)}${paren(lang, '▮')}` : '' }],
        },
      ],
    };
  }, [g?.donePct, g?.expectedPct, g?.state, quota, t, lang]);
  return (
    <Card size="small" title={`${t('fw.quota')}${paren(lang, String(year))}`} data-testid="fw-quota" data-state={g?.state ?? 'loading'}>
      <Row gutter={[12, 12]} align="middle">
        <Col xs={24} md={10}>
          <Chart option={option} height={220} testId="fw-gauge" title={t('fw.quota')} alt={quota ? `${t('fw.daysDone')} ${daysText(quota.days)}${lang === 'zh' ? '，' : ', '}${t('fw.target')} ${daysText(quota.target)}${lang === 'zh' ? '，' : ', '}${t('fw.expected')} ${daysText(quota.expectedByNow)}` : t('common.loading')} />
        </Col>
        <Col xs={24} md={14}>
          <Row gutter={[12, 12]}>
            <Col xs={8}>
              <Statistic title={t('fw.daysDone')} value={quota ? daysText(quota.days) : '—'} loading={loading} data-testid="fw-days" />
            </Col>
            <Col xs={8}>
              <Statistic title={t('fw.target')} value={quota ? daysText(quota.target) : '—'} loading={loading} data-testid="fw-target" />
            </Col>
            <Col xs={8}>
              <Statistic title={t('fw.expected')} value={quota ? daysText(quota.expectedByNow) : '—'} loading={loading} data-testid="fw-expected" />
            </Col>
          </Row>
          {quota && g && (
            <>
              <Progress percent={g.donePct} success={{ percent: Math.min(g.donePct, g.expectedPct) }} status={g.state === 'behind' ? 'exception' : 'normal'} aria-label={t('fw.daysDone')} style={{ marginTop: 12 }} />
              {g.state === 'behind' ? (
                <Alert type="error" showIcon icon={<WarningOutlined />} role="alert" data-testid="fw-behind" title={`${t('fw.behind')} ${daysText(quota.shortfall)} ${t('fw.daysUnit')}`} />
              ) : g.state === 'done' ? (
                <Alert type="success" showIcon title={t('fw.reached')} />
              ) : g.state === 'none' ? (
                <Alert type="info" role="note" showIcon title={t('fw.noTarget')} />
              ) : (
                <Typography.Text type="secondary">{g.gap > 0 ? `${t('fw.short')} ${daysText(g.gap)} ${t('fw.daysUnit')}` : t('fw.onTrack')}</Typography.Text>
              )}
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}

interface ToTaskForm {
  title?: string;
  leadUnitId?: number | null;
  responsibleId?: number | null;
  deadline?: Dayjs | null;
  level: TaskLevel;
}

/** 转为督办事项: lead unit, responsible person, deadline and level; afterwards the new task's light. */
function ToTaskDialog({ finding, onClose }: { finding: FieldFinding & { visit: FieldVisit }; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm<ToTaskForm>();
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const go = useMutation({
    mutationFn: (v: ToTaskForm) =>
      api.post<Task>(`/api/v1/field-visits/${finding.visit.id}/findings/${finding.id}/task`, {
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        leadUnitId: v.leadUnitId,
        ...(v.responsibleId ? { responsibleId: v.responsibleId } : {}),
        deadline: v.deadline?.format('YYYY-MM-DD'),
        level: v.level,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['field-visits'] });
    },
  });
  const done = go.data;
  return (
    <Modal
      open
      title={`${t('fw.toTask')} · ${finding.problem}`}
      onCancel={onClose}
      onOk={() => (done ? onClose() : form.submit())}
      okText={done ? t('fw.close') : t('fw.toTask')}
      cancelText={t('common.cancel')}
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      confirmLoading={go.isPending}
      width={600}
      destroyOnHidden
    >
      {done ? (
        <Space orientation="vertical" data-testid="fw-task-created">
          <Alert type="success" showIcon title={t('fw.taskCreated')} />
          <Space size={6} wrap>
            <LightTag light={done.light} reasons={done.lightReasons} />
            <TaskLink task={done} />
            <Typography.Text type="secondary">{`${t('mtg.deadline')} ${done.deadline}`}</Typography.Text>
          </Space>
        </Space>
      ) : (
        <Form<ToTaskForm>
          form={form}
          name="task"
          layout="vertical"
          initialValues={{ title: finding.problem.slice(0, 200), level: 'normal' }}
          onFinish={(v) => go.mutate(v)}
          onValuesChange={(changed: Partial<ToTaskForm>) => {
            if ('leadUnitId' in changed) form.setFieldsValue({ responsibleId: null });
          }}
        >
          <Form.Item name="title" label={t('fw.taskTitle')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="leadUnitId" label={t('mtg.leadUnit')} rules={[{ required: true, message: t('fw.needLeadUnit') }]}>
            <UnitPicker aria-label={t('mtg.leadUnit')} />
          </Form.Item>
          <Form.Item name="responsibleId" label={t('mtg.responsible')}>
            <PersonPicker aria-label={t('mtg.responsible')} under={leadUnitId ?? null} />
          </Form.Item>
          <Form.Item name="deadline" label={t('mtg.deadline')} rules={[{ required: true, message: t('fw.needDeadline') }]}>
            <WorkdayDatePicker minDate={serverToday()} />
          </Form.Item>
          <Form.Item name="level" label={t('mtg.level')}>
            <Select aria-label={t('mtg.level')} options={Object.entries(LEVEL).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }))} style={{ width: 200 }} />
          </Form.Item>
          {go.isError && <Alert type="error" role="alert" title={go.error instanceof ApiError ? go.error.message : String(go.error)} />}
        </Form>
      )}
    </Modal>
  );
}

/** The county's coverage and showcase checks, per leader, with the annual table to download. */
function CoverageView() {
  const t = useT();
  const { lang } = useLang();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [year, setYear] = useState<number>(serverToday().year());
  const cov = useQuery({ queryKey: ['field-visits', 'coverage', unitId, year], queryFn: () => api.get<Coverage>('/api/v1/field-visits/stats', { unitId, year }) });
  const annual = useQuery({ queryKey: ['field-visits', 'annual', unitId, year], queryFn: () => api.get<Annual>('/api/v1/field-visits/annual', { unitId, year }) });
  const c = cov.data;
  const leaders = useMemo(() => c?.leaders ?? [], [c]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 48, bottom: 70, top: 40 },
      xAxis: { type: 'category', data: leaders.map((l) => l.person.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('fw.visitsUnit') },
        { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
      ],
      series: [
        { name: t('fw.advanced'), type: 'bar', stack: 'tag', barMaxWidth: 48, data: leaders.map((l) => l.advanced), itemStyle: { color: '#8c8c8c', decal: { symbol: 'line' } } },
        { name: t('fw.backward'), type: 'bar', stack: 'tag', barMaxWidth: 48, data: leaders.map((l) => l.lagging), itemStyle: { color: '#c62828' } },
        { name: t('fw.unannouncedShare'), type: 'line', yAxisIndex: 1, data: leaders.map((l) => (l.unannouncedShare === null ? null : Math.round(l.unannouncedShare * 1000) / 10)), itemStyle: { color: '#1677ff' } },
        { name: t('fw.concentration'), type: 'line', yAxisIndex: 1, lineStyle: { type: 'dashed' }, data: leaders.map((l) => (l.topTenthShare === null ? null : Math.round(l.topTenthShare * 1000) / 10)), itemStyle: { color: '#fa8c16' } },
      ],
    }),
    [leaders, t],
  );
  const stat = (title: string, value: string | number | undefined, testId: string) => (
    <Col xs={12} md={8} lg={6}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value ?? '—'} loading={cov.isPending} />
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="fw-coverage">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={14} md={10}>
          <UnitPicker id="fw-cov-unit" aria-label={t('stats.unit')} value={unitId ?? null} onChange={(v: number | undefined) => setUnitId(v ?? undefined)} placeholder={t('stats.unit')} />
        </Col>
        <Col xs={24} sm={10} md={6}>
          <InputNumber id="fw-cov-year" aria-label={t('fw.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} style={{ width: '100%' }} />
        </Col>
      </Row>
      {cov.isError ? (
        <ErrorState error={cov.error} onRetry={() => cov.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {stat(t('fw.unvisited'), c ? `${c.unvisitedVillages.length} / ${c.villages}` : undefined, 'cov-unvisited')}
            {stat(t('fw.concentration'), c ? share(c.county.topTenthShare) : undefined, 'cov-concentration')}
            {stat(`${t('fw.advanced')} : ${t('fw.backward')}`, c ? `${c.county.advanced} : ${c.county.lagging}` : undefined, 'cov-balance')}
            {stat(t('fw.unannouncedShare'), c ? share(c.county.unannouncedShare) : undefined, 'cov-unannounced')}
            {stat(t('fw.taskShare'), c ? share(c.county.taskShare) : undefined, 'cov-task-share')}
            {stat(t('fw.resolvedShare'), c ? share(c.county.resolvedShare) : undefined, 'cov-resolved-share')}
          </Row>
          <Card size="small" title={t('fw.byLeader')}>
            <Chart option={option} height={320} testId="fw-cov-chart" title={t('fw.byLeader')} />
            <Table
              rowKey={(l) => l.person.id}
              size="small"
              pagination={false}
              loading={cov.isPending}
              dataSource={leaders}
              scroll={{ x: 760 }}
              data-testid="fw-cov-leaders"
              columns={[
                {
                  title: t('fw.leader'),
                  render: (_, l) => (
                    <Space size={4} wrap>
                      {l.person.name}
                      {l.showcaseHeavy && (
                        <Tag color="warning" icon={<WarningOutlined />} data-testid={`showcase-${l.person.id}`}>
                          {t('fw.showcaseHeavy')}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
                { title: t('fw.villagesUnvisited'), dataIndex: 'villagesUnvisited', align: 'right', width: 90 },
                { title: t('fw.visitsUnit'), dataIndex: 'visits', align: 'right', width: 70 },
                { title: t('fw.concentration'), render: (_, l) => share(l.topTenthShare), align: 'right', width: 110 },
                { title: t('fw.advanced'), dataIndex: 'advanced', align: 'right', width: 70 },
                { title: t('fw.backward'), dataIndex: 'lagging', align: 'right', width: 70 },
                { title: t('fw.unannouncedShare'), render: (_, l) => share(l.unannouncedShare), align: 'right', width: 110 },
                { title: t('fw.taskShare'), render: (_, l) => share(l.taskShare), align: 'right', width: 110 },
                { title: t('fw.resolvedShare'), render: (_, l) => share(l.resolvedShare), align: 'right', width: 110 },
              ]}
            />
          </Card>
          <Card size="small" title={`${t('fw.unvisited')}${paren(lang, `${c?.unvisitedVillages.length ?? 0}`)}`}>
            <Table
              rowKey="id"
              size="small"
              loading={cov.isPending}
              dataSource={c?.unvisitedVillages ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="fw-cov-unvisited"
              columns={[
                { title: t('fw.village'), dataIndex: 'name' },
                { title: t('fw.township'), render: (_, v) => v.townshipName },
              ]}
            />
          </Card>
        </>
      )}
      <Card
        size="small"
        title={`${t('fw.annual')}${paren(lang, String(year))}`}
        extra={
          <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/field-visits/annual.xlsx${queryString({ unitId, year })}`} download data-testid="fw-annual-xlsx">
            {t('fw.download')}
          </Button>
        }
      >
        {annual.isError ? (
          <ErrorState error={annual.error} onRetry={() => annual.refetch()} />
        ) : (
          <Table
            rowKey={(r) => r.person.id}
            size="small"
            pagination={false}
            loading={annual.isPending}
            dataSource={annual.data?.rows ?? []}
            scroll={{ x: 900 }}
            data-testid="fw-annual"
            columns={[
              { title: t('fw.leader'), render: (_, r) => r.person.name },
              { title: t('fw.unit'), render: (_, r) => r.person.unitName },
              { title: t('fw.daysDone'), render: (_, r) => daysText(r.quota.days), align: 'right', width: 80 },
              { title: t('fw.target'), render: (_, r) => daysText(r.quota.target), align: 'right', width: 80 },
              { title: t('fw.expected'), render: (_, r) => daysText(r.quota.expectedByNow), align: 'right', width: 90 },
              { title: t('fw.state'), width: 90, render: (_, r) => (r.quota.behind ? <Tag color="error" icon={<WarningOutlined />}>{t('fw.behindShort')}</Tag> : <Tag color="success">{t('fw.onTrack')}</Tag>) },
              { title: t('fw.visitsUnit'), dataIndex: 'visits', align: 'right', width: 70 },
              { title: t('fw.unannouncedShare'), render: (_, r) => share(r.visits ? r.unannounced / r.visits : null), align: 'right', width: 100 },
              { title: t('fw.findings'), render: (_, r) => `${r.findings} / ${r.findingsWithTask} / ${r.findingsResolved}`, width: 120 },
            ]}
          />
        )}
        <Typography.Text type="secondary">{t('fw.findingsCols')}</Typography.Text>
      </Card>
    </Space>
  );
}

interface PlaceForm {
  unitId?: number;
  name?: string;
  kind?: string;
  tags?: string[];
}

/** The places under the townships (villages, communities, …): list, add one, import a workbook. */
function PlacesView() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ unitId?: number; kind?: string; tag?: string; q?: string }>({});
  const [adding, setAdding] = useState(false);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const q = useInfiniteQuery({
    queryKey: ['places', filters],
    queryFn: ({ pageParam }) => api.get<PlacePage>('/api/v1/field-visits/places', { ...filters, cursor: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const onImport = async (file: File) => {
    setImportError(null);
    try {
      const r = await api.upload<{ imported: number }>('/api/v1/field-visits/places/import', file, XLSX);
      message.success(`${t('fw.imported')} ${r.imported}`);
      await qc.invalidateQueries({ queryKey: ['places'] });
    } catch (err) {
      if (err instanceof ApiError) setImportError(err);
      else message.error(String(err));
    }
    return false;
  };
  const rowErrors = (importError?.details as { errors?: string[] } | undefined)?.errors ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={7}>
            <UnitPicker id="place-filter-unit" aria-label={t('fw.township')} placeholder={t('fw.township')} value={filters.unitId ?? null} onChange={(v: number | undefined) => setFilters({ ...filters, unitId: v ?? undefined })} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select id="place-filter-kind" allowClear aria-label={t('fw.placeKind')} placeholder={t('fw.placeKind')} value={filters.kind} onChange={(v) => setFilters({ ...filters, kind: v })} options={options(PLACE_KIND, lang)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select id="place-filter-tag" allowClear aria-label={t('fw.tags')} placeholder={t('fw.tags')} value={filters.tag} onChange={(v) => setFilters({ ...filters, tag: v })} options={PLACE_TAGS.map((x) => ({ value: x, label: x }))} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Input.Search allowClear aria-label={t('fw.placeName')} placeholder={t('fw.placeName')} onSearch={(v) => setFilters({ ...filters, q: v.trim() || undefined })} />
          </Col>
          <Col xs={24} sm={12} lg={4}>
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="place-add">
                {t('fw.addPlace')}
              </Button>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => onImport(f)}>
                <Button icon={<UploadOutlined />} title={t('fw.importHint')}>
                  {t('fw.import')}
                </Button>
              </Upload>
            </Space>
          </Col>
        </Row>
      </Card>
      {importError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ 'aria-label': t('fw.close') }}
          onClose={() => setImportError(null)}
          title={importError.message.split('\n')[0]}
          description={
            rowErrors.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {rowErrors.slice(0, 20).map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Typography.Text type="secondary">{t('fw.importHint')}</Typography.Text>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<Place>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="fw-places"
          columns={[
            { title: t('fw.placeName'), dataIndex: 'name' },
            { title: t('fw.placeKind'), render: (_, p) => placeKindName(p.kind, lang), width: 100 },
            { title: t('fw.township'), render: (_, p) => p.townshipName, width: 160 },
            { title: t('fw.tags'), render: (_, p) => (p.tags.length ? p.tags.map((x) => <Tag key={x}>{x}</Tag>) : '—'), width: 220 },
          ]}
        />
      )}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
      {adding && <PlaceDialog onClose={() => setAdding(false)} />}
    </Space>
  );
}

function PlaceDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm<PlaceForm>();
  const save = useMutation({
    mutationFn: (v: PlaceForm) => api.post<Place>('/api/v1/field-visits/places', { townshipId: v.unitId, name: v.name?.trim(), kind: v.kind, tags: v.tags ?? [] }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['places'] });
      onClose();
    },
  });
  return (
    <Modal open title={t('fw.addPlace')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form<PlaceForm> form={form} name="place" layout="vertical" initialValues={{ kind: 'village', tags: [] }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('fw.township')} rules={[{ required: true, message: t('fw.needTownship') }]}>
          <UnitPicker aria-label={t('fw.township')} />
        </Form.Item>
        <Form.Item name="name" label={t('fw.placeName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('fw.placeKind')}>
          <Select aria-label={t('fw.placeKind')} options={options(PLACE_KIND, lang)} />
        </Form.Item>
        <Form.Item name="tags" label={t('fw.tags')}>
          <Select aria-label={t('fw.tags')} mode="multiple" options={PLACE_TAGS.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        {save.isError && <Alert type="error" role="alert" title={save.error instanceof ApiError ? save.error.message : String(save.error)} />}
      </Form>
    </Modal>
  );
}
