import { useQuery } from '@tanstack/react-query';
import { Card, List, Progress, Space, Typography } from 'antd';
import { EmptyState, ErrorState, Loading } from '../../components/States.tsx';
import { percent } from '../../lib/public.ts';
import { publicApi } from './public-api.ts';

/** 办理公开: each unit's volume, on-time rate and satisfaction; no personal data, no citizen's text. */
export default function PublicStats() {
  const q = useQuery({ queryKey: ['public', 'stats'], queryFn: publicApi.stats });
  return (
    <Card title={<h1 style={{ fontSize: 17, margin: 0 }}>各单位办理情况</h1>} styles={{ body: { padding: 14 } }}>
      {q.isPending ? (
        <Loading rows={6} />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.units.length === 0 ? (
        <EmptyState text="暂无统计数据" />
      ) : (
        <List
          data-testid="pub-stats"
          dataSource={q.data.units}
          renderItem={(u) => (
            <List.Item key={u.unitId}>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{u.unitName}</Typography.Text>
                <Space orientation="vertical" size={2} style={{ width: '100%', marginTop: 4 }}>
                  <Typography.Text type="secondary">受理 {u.volume} 件</Typography.Text>
                  <div>
                    <Typography.Text style={{ fontSize: 13 }}>按时办结率 {percent(u.onTimeRate)}</Typography.Text>
                    <Progress percent={u.onTimeRate === null ? 0 : Math.round(u.onTimeRate * 100)} showInfo={false} size="small" aria-label={`${u.unitName} 按时办结率 ${percent(u.onTimeRate)}`} />
                  </div>
                  <div>
                    <Typography.Text style={{ fontSize: 13 }}>满意率 {percent(u.satisfaction)}</Typography.Text>
                    <Progress percent={u.satisfaction === null ? 0 : Math.round(u.satisfaction * 100)} showInfo={false} size="small" strokeColor="#52c41a" aria-label={`${u.unitName} 满意率 ${percent(u.satisfaction)}`} />
                  </div>
                </Space>
              </div>
            </List.Item>
          )}
        />
      )}
      {q.data?.from && <Typography.Text type="secondary" style={{ fontSize: 12 }}>统计期间：{q.data.from} 至 {q.data.to}</Typography.Text>}
    </Card>
  );
}
