import { useQuery } from '@tanstack/react-query';
import { Card, List, Progress, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { nameOf, percent, ratingName, REQUEST_TYPE } from '../../lib/public.ts';
import { categoryName, publicApi, useCatalog } from './public-api.ts';

/**
 * 办理公开: each unit's volume, on-time rate and satisfaction for a year; no personal data, and a
 * citizen's own words only where staff marked them publishable.
 */
export default function PublicStats() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number>(thisYear);
  const q = useQuery({ queryKey: ['public', 'stats', year], queryFn: () => publicApi.stats(year) });
  const catalog = useCatalog();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 17, margin: 0 }}>各单位办理情况{q.data ? `（${q.data.region.name}）` : ''}</h1>}
        extra={<Select aria-label="统计年度" value={year} onChange={setYear} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 100 }} />}
        styles={{ body: { padding: 14 } }}
      >
        {q.isPending ? (
          <Loading rows={6} />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => q.refetch()} />
        ) : q.data.units.length === 0 ? (
          <EmptyState text="本年度暂无统计数据" />
        ) : (
          <List
            data-testid="pub-stats"
            dataSource={q.data.units}
            renderItem={(u) => (
              <List.Item key={u.unitId} data-unit={u.unitName}>
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>{u.unitName}</Typography.Text>
                  <Space orientation="vertical" size={2} style={{ width: '100%', marginTop: 4 }}>
                    <Typography.Text type="secondary">
                      受理 {u.volume} 件 · 已答复 {u.answered} 件 · 评价 {u.rated} 件{u.averageLevel !== null ? ` · 平均 ${u.averageLevel.toFixed(1)} 分` : ''}
                    </Typography.Text>
                    <div>
                      <Typography.Text style={{ fontSize: 13 }}>按时办结率 {percent(u.onTimeRate)}</Typography.Text>
                      <Progress percent={u.onTimeRate === null ? 0 : Math.round(u.onTimeRate * 100)} showInfo={false} size="small" aria-label={`${u.unitName} 按时办结率 ${percent(u.onTimeRate)}`} />
                    </div>
                    <div>
                      <Typography.Text style={{ fontSize: 13 }}>满意率 {percent(u.satisfactionRate)}</Typography.Text>
                      <Progress percent={u.satisfactionRate === null ? 0 : Math.round(u.satisfactionRate * 100)} showInfo={false} size="small" strokeColor="#52c41a" aria-label={`${u.unitName} 满意率 ${percent(u.satisfactionRate)}`} />
                    </div>
                  </Space>
                </div>
              </List.Item>
            )}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          满意率：基本满意及以上的评价占比；答复后 7 日内未评价的按基本满意计。
        </Typography.Paragraph>
      </Card>
      {q.data && q.data.quotes.length > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理实例</h2>} styles={{ body: { padding: 14 } }}>
          <List
            dataSource={q.data.quotes}
            renderItem={(x, i) => (
              <List.Item key={i}>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {nameOf(REQUEST_TYPE, x.type)} · {categoryName(catalog.data, x.category)} · {x.unitName}
                    {x.level !== null ? ` · ${ratingName(x.level)}` : ''}
                  </Typography.Text>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{x.description}</Typography.Paragraph>
                  {x.reply && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>答复：{x.reply}</Typography.Paragraph>}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
