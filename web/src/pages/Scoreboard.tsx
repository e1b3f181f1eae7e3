import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, List, Radio, Row, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { canSeeScoreboard, serverToday, useMe } from '../lib/auth.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { changeView, componentName, PEER, PERIOD_KIND, periodKind, periodName, periodOf, recentPeriods, redBlack, scoreText, type PeriodKind } from '../lib/score.ts';
import { scoreApi, type PersonScore, type ScoreComponent, type ScoreRow } from './score-api.ts';
import { LIGHT_TEXT } from '../lib/theme.ts';

const LIST_SIZE = 3;
const CHANGE_COLOR = { up: LIGHT_TEXT.green, down: LIGHT_TEXT.red, same: undefined, new: undefined } as const;

/** The period and peer group of the scoreboard, kept in the address so a drill-down can come back. */
export function useScoreParams() {
  const [params, setParams] = useSearchParams();
  const today = serverToday().format('YYYY-MM-DD');
  const asked = params.get('period') ?? '';
  const period = periodKind(asked) ? asked : periodOf('month', today);
  const peer = params.get('peer') === 'department' ? 'department' : 'township';
  return { period, peer, today, params, setParams } as const;
}

/**
 * 比学赶超. Who oversees units (leaders, the supervision office, unit heads, admins) sees the
 * ranking among peers; anyone else (staff) sees their own score, which is all the server shows them.
 */
export default function Scoreboard() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return canSeeScoreboard(me.data) ? <UnitBoard /> : <MyScore />;
}

/** The period kind buttons and the period picker, kept in the address. */
function PeriodPicker() {
  const t = useT();
  const { lang } = useLang();
  const { period, peer, today, setParams } = useScoreParams();
  const kind = periodKind(period)!;
  const set = (patch: { period?: string }) => setParams({ period, peer, ...patch }, { replace: true });
  const periods = recentPeriods(kind, today, kind === 'year' ? 5 : kind === 'quarter' ? 8 : 12);
  return (
    <Space wrap>
      <Radio.Group
        optionType="button"
        aria-label={t('sb.periodKind')}
        value={kind}
        onChange={(e) => set({ period: periodOf(e.target.value as PeriodKind, today) })}
        options={(Object.keys(PERIOD_KIND) as PeriodKind[]).map((k) => ({ value: k, label: PERIOD_KIND[k][lang === 'zh' ? 0 : 1] }))}
        data-testid="sb-period-kind"
      />
      <Select
        aria-label={t('sb.period')}
        value={period}
        onChange={(v) => set({ period: v })}
        options={periods.map((p) => ({ value: p, label: periodName(p, lang) }))}
        style={{ minWidth: 150 }}
        data-testid="sb-period"
      />
    </Space>
  );
}

/** A staff member's own score of the period: the task components, each with its formula. */
function MyScore() {
  const t = useT();
  const { lang } = useLang();
  const { period } = useScoreParams();
  const mine = useQuery({ queryKey: ['scoreboard', 'me', period], queryFn: () => scoreApi.myScore(period) });
  const row: PersonScore | undefined = mine.data?.items[0];
  const c = changeView(row?.change);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('sb.myTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('sb.myHint')}</Typography.Text>
        </Col>
        <Col>
          <PeriodPicker />
        </Col>
      </Row>
      {mine.isError && <ErrorState error={mine.error} onRetry={() => mine.refetch()} />}
      {mine.isPending && <Loading />}
      {mine.data && !row && <Alert type="info" showIcon title={t('sb.myNone')} data-testid="sb-my-none" />}
      {row && (
        <Card size="small" title={`${mine.data!.unit.name} · ${periodName(period, lang)}`} data-testid="sb-my">
          <Space size={32} wrap style={{ marginBottom: 12 }}>
            <div>
              <Typography.Text type="secondary">{t('sb.score')}</Typography.Text>
              <div style={{ fontSize: 24 }} data-testid="sb-my-score">
                {scoreText(row.score, lang)}
              </div>
            </div>
            <div>
              <Typography.Text type="secondary">{t('sb.myRank')}</Typography.Text>
              <div style={{ fontSize: 24 }} data-testid="sb-my-rank">
                {row.rank ?? '—'}
              </div>
            </div>
            <div>
              <Typography.Text type="secondary">{t('sb.change')}</Typography.Text>
              <div style={{ fontSize: 24, color: CHANGE_COLOR[c.dir] }}>{c.text}</div>
            </div>
          </Space>
          <Table<ScoreComponent>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={row.components}
            scroll={{ x: 480 }}
            columns={[
              { title: t('sb.component'), dataIndex: 'key', width: 120, render: (k: string, r) => componentName(k, lang, r.name) },
              { title: t('sb.score'), dataIndex: 'score', width: 80, render: (v: number | null) => scoreText(v, lang) },
              { title: t('sb.explanation'), dataIndex: 'explanation', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{v || '—'}</span> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/** 比学赶超: the efficiency index ranking among peers, with 红榜 / 黑榜; a unit opens its drill-down. */
function UnitBoard() {
  const t = useT();
  const { lang } = useLang();
  const { period, peer, setParams } = useScoreParams();
  const set = (patch: { period?: string; peer?: string }) => setParams({ period, peer, ...patch }, { replace: true });
  const board = useQuery({ queryKey: ['scoreboard', period, peer], queryFn: () => scoreApi.board(period, peer) });
  const items = useMemo(() => board.data?.items ?? [], [board.data]);
  const lists = useMemo(() => {
    if (board.data) {
      const by = new Map(items.map((i) => [i.unitId, i]));
      const get = (ids: number[]) => ids.map((id) => by.get(id)).filter((x): x is ScoreRow => !!x);
      return { red: get(board.data.red), black: get(board.data.black) };
    }
    return redBlack(items, LIST_SIZE);
  }, [board.data, items]);
  const groups = new Set(items.map((i) => i.groupId)).size;
  const unitHref = (unitId: number) => `/scoreboard/units/${unitId}?period=${period}&peer=${peer}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.scoreboard')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('sb.hint')}</Typography.Text>
        </Col>
        <Col>
          <PeriodPicker />
        </Col>
      </Row>
      <Tabs
        activeKey={peer}
        onChange={(k) => set({ peer: k })}
        items={Object.entries(PEER).map(([key, n]) => ({ key, label: n[lang === 'zh' ? 0 : 1] }))}
      />
      {board.isError && <ErrorState error={board.error} onRetry={() => board.refetch()} />}
      <Row gutter={[16, 16]}>
        {(['red', 'black'] as const).map((which) => (
          <Col xs={24} md={12} key={which}>
            <Card size="small" title={<span style={{ color: which === 'red' ? '#c62828' : '#262626' }}>{t(which === 'red' ? 'sb.red' : 'sb.black')}</span>} data-testid={`sb-${which}`}>
              <List
                size="small"
                loading={board.isPending}
                dataSource={lists[which]}
                locale={{ emptyText: t('common.empty') }}
                renderItem={(r) => (
                  <List.Item extra={<Typography.Text strong>{scoreText(r.score, lang)}</Typography.Text>}>
                    <Space>
                      <Tag color={which === 'red' ? 'red' : 'default'}>{r.rank}</Tag>
                      <Link to={unitHref(r.unitId)}>{r.unitName}</Link>
                      {groups > 1 && <Typography.Text type="secondary">{r.groupName}</Typography.Text>}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={`${t('sb.ranking')} · ${periodName(period, lang)}`}
        extra={board.data && <Typography.Text type="secondary">{board.data.closed ? t('sb.closed') : board.data.computedAt ? `${t('sb.computedAt')} ${dateTime(board.data.computedAt)}` : t('sb.notComputed')}</Typography.Text>}
      >
        <Table<ScoreRow>
          rowKey="unitId"
          size="middle"
          loading={board.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('sb.noScores') }}
          data-testid="sb-table"
          columns={[
            { title: t('sb.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
            { title: t('sb.unit'), dataIndex: 'unitName', width: 180, render: (_: unknown, r) => (r.full ? <Link to={unitHref(r.unitId)} data-testid={`sb-unit-${r.unitId}`}>{r.unitName}</Link> : r.unitName) },
            ...(groups > 1 ? [{ title: t('sb.group'), dataIndex: 'groupName', width: 120 }] : []),
            { title: t('sb.score'), dataIndex: 'score', width: 90, render: (v: number | null, r) => (r.full ? <Typography.Text strong={v !== null} type={v === null ? 'secondary' : undefined}>{scoreText(v, lang)}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>) },
            {
              title: t('sb.change'),
              dataIndex: 'change',
              width: 80,
              render: (v: number | null) => {
                const c = changeView(v);
                const label = c.dir === 'up' ? `${t('sb.up')} ${c.text.slice(1)}` : c.dir === 'down' ? `${t('sb.down')} ${c.text.slice(1)}` : c.dir === 'new' ? t('sb.new') : t('sb.same');
                return (
                  <span style={{ color: CHANGE_COLOR[c.dir] }} aria-label={label} title={label} data-change={c.dir}>
                    {c.text}
                  </span>
                );
              },
            },
            { title: t('sb.components'), key: 'components', render: (_: unknown, r) => (r.full ? <ComponentBars components={r.components} /> : null) },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Each component as a small bar, its name and score in words for the screen reader and the tooltip. */
export function ComponentBars({ components }: { components: ScoreComponent[] }) {
  const { lang } = useLang();
  return (
    <div style={{ display: 'flex', gap: 3, alignItems: 'flex-end', height: 28 }} role="list">
      {components.map((c) => {
        const label = `${componentName(c.key, lang, c.name)} ${scoreText(c.score, lang)}`;
        return (
          <Tooltip key={c.key} title={label}>
            <span role="listitem" aria-label={label} style={{ display: 'inline-flex', alignItems: 'flex-end', width: 10, height: 28, background: '#f5f5f5', borderRadius: 2 }}>
              <span style={{ display: 'block', width: '100%', height: c.score === null ? 0 : `${Math.max(4, Math.min(100, c.score))}%`, background: c.score === null ? 'transparent' : c.score >= 80 ? '#52c41a' : c.score >= 60 ? '#faad14' : '#f5222d', borderRadius: 2 }} />
            </span>
          </Tooltip>
        );
      })}
    </div>
  );
}
