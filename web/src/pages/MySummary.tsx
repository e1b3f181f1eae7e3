import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { ApiError } from '../lib/api.ts';
import { serverToday } from '../lib/auth.ts';
import { colon, useLang, useT } from '../lib/i18n.ts';
import { PERIOD_KIND, periodName, periodOf, previousPeriod, recentPeriods, type PeriodKind } from '../lib/score.ts';
import { scoreApi, type PersonalSummary } from './score-api.ts';

/** 一段时间一总结: my summary of a period, prefilled with the close-out summaries of the tasks I closed in it. */
export default function MySummary() {
  const t = useT();
  const { lang } = useLang();
  const today = serverToday().format('YYYY-MM-DD');
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState(() => previousPeriod(periodOf('month', today)));
  const key = ['summaries', 'mine', period];
  // Opening is idempotent: the first time makes my summary of the period (prefilled), later it is the one there is.
  const q = useQuery({ queryKey: key, queryFn: () => scoreApi.openSummary(period) });
  const periods = recentPeriods(kind, today, kind === 'year' ? 3 : kind === 'quarter' ? 6 : 12);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.summary')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('sum.hint')}</Typography.Text>
        </Col>
        <Col>
          <Space wrap>
            <Radio.Group
              optionType="button"
              aria-label={t('sb.periodKind')}
              value={kind}
              onChange={(e) => {
                const k = e.target.value as PeriodKind;
                setKind(k);
                setPeriod(periodOf(k, today));
              }}
              options={(Object.keys(PERIOD_KIND) as PeriodKind[]).map((k) => ({ value: k, label: PERIOD_KIND[k][lang === 'zh' ? 0 : 1] }))}
            />
            <Select aria-label={t('sb.period')} value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: periodName(p, lang) }))} style={{ minWidth: 150 }} data-testid="sum-period" />
          </Space>
        </Col>
      </Row>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.isPending ? (
        <Card>
          <Loading rows={8} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <SummaryForm key={`${period}:${q.data.id}`} summary={q.data} queryKey={key} />
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('sum.closedTasks')} size="small">
              <List
                size="small"
                dataSource={q.data.items}
                locale={{ emptyText: t('sum.noTasks') }}
                data-testid="sum-tasks"
                renderItem={(x) => (
                  <List.Item>
                    <div style={{ minWidth: 0 }}>
                      <Link to={`/tasks/${x.taskId}`}>{x.title}</Link>
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                        {itemText(x, lang)}
                      </Typography.Paragraph>
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

function SummaryForm({ summary, queryKey }: { summary: PersonalSummary; queryKey: unknown[] }) {
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const period = summary.period.key;
  const [text, setText] = useState(() => summary.text || prefill(summary, lang));
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const saved = await scoreApi.saveSummary(summary.id, { version: summary.version, text });
      return submit ? scoreApi.submitSummary(saved.id, saved.version) : saved;
    },
    onSuccess: (s, submit) => {
      qc.setQueryData(queryKey, s);
      message.success(submit ? t('sum.submitted') : t('common.saved'));
    },
  });
  const submitted = summary.status === 'submitted';
  return (
    <Card title={`${periodName(period, lang)} · ${t('sum.mine')}`} extra={submitted ? <Tag color="blue">{t('sum.submittedTag')}</Tag> : null}>
      <Form layout="vertical" onFinish={() => save.mutate(true)}>
        <Form.Item label={t('sum.text')} htmlFor="sum-text">
          <Input.TextArea id="sum-text" autoSize={{ minRows: 10, maxRows: 30 }} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} disabled={submitted} data-testid="sum-text" />
        </Form.Item>
        {save.isError && <Alert type="error" showIcon title={save.error instanceof ApiError ? save.error.message : String(save.error)} style={{ marginBottom: 12 }} />}
        {!submitted && (
          <Space wrap>
            <Button onClick={() => save.mutate(false)} loading={save.isPending && !save.variables} data-action="save">
              {t('common.save')}
            </Button>
            <Button type="primary" htmlType="submit" disabled={!text.trim()} loading={save.isPending && !!save.variables} data-action="submit">
              {t('sum.submit')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}

/** The form's starting text when nothing was saved: one paragraph per closed task. */
function prefill(s: PersonalSummary, lang: 'zh' | 'en'): string {
  if (!s.items.length) return '';
  const head = lang === 'zh' ? `${periodName(s.period.key, lang)}，本人办结督办事项 ${s.items.length} 件：` : `In ${s.period.key} I closed ${s.items.length} supervised tasks:`;
  return [head, ...s.items.map((x, i) => `${i + 1}. ${x.title}${colon(lang)}${itemText(x, lang)}`)].join('\n');
}

/** A closed task's close-out summary (一件事情一小结) in one line. */
const itemText = (x: PersonalSummary['items'][number], lang: 'zh' | 'en') => [x.done, x.result, x.lessons].filter((v) => v.trim()).join(lang === 'zh' ? '；' : '; ');
