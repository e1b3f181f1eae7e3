import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, List, Space, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { api, ApiError } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { groupCounts, groupQuery, INBOX_GROUPS, type InboxGroupKey } from '../lib/inbox.ts';
import type { NotificationPage } from '../lib/types.ts';

export default function Inbox() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { lang } = useLang();
  const zh = lang === 'zh';
  const [unread, setUnread] = useState(false);
  const [group, setGroup] = useState<InboxGroupKey>('all');
  // 26 unread in a minute are read by group: what waits for me, urgings, progress, the rest.
  const kinds = useQuery({ queryKey: ['notifications', 'kinds'], queryFn: () => api.get<{ items: { kind: string; total: number; unread: number }[] }>('/api/v1/notifications/kinds') });
  const counts = groupCounts(kinds.data?.items ?? []);
  const q = useInfiniteQuery({
    queryKey: ['notifications', 'inbox', unread, group],
    queryFn: ({ pageParam }) => api.get<NotificationPage>('/api/v1/notifications', { unread: unread || undefined, ...groupQuery(group), cursor: pageParam ?? undefined, limit: 30 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const done = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const onError = (err: unknown) => message.error(err instanceof ApiError ? err.message : String(err));
  const readOne = useMutation({ mutationFn: (id: number) => api.post(`/api/v1/notifications/${id}/read`), onSuccess: done, onError });
  const readAll = useMutation({ mutationFn: () => api.post('/api/v1/notifications/read-all'), onSuccess: done, onError });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = q.data?.pages[0]?.unreadCount ?? 0;

  return (
    <Card
      title={
        <Space>
          {t('inbox.title')}
          <Badge count={unreadCount} />
        </Space>
      }
      extra={
        <Space wrap>
          <Switch checked={unread} onChange={setUnread} aria-label={t('inbox.unread')} /> {t('inbox.unread')}
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={!unreadCount}>
            {t('inbox.readAll')}
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={group}
        onChange={(k) => setGroup(k as InboxGroupKey)}
        items={[
          { key: 'all', name: ['全部', 'All'] as const },
          ...INBOX_GROUPS.map((g) => ({ key: g.key, name: g.name })),
          { key: 'other', name: ['其他', 'Other'] as const },
        ].map((g) => ({
          key: g.key,
          label: (
            <span data-testid={`inbox-group-${g.key}`}>
              {g.name[zh ? 0 : 1]}
              {counts[g.key as InboxGroupKey].unread > 0 ? ` (${counts[g.key as InboxGroupKey].unread})` : ''}
            </span>
          ),
        }))}
      />
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.isPending ? (
        <Loading rows={6} />
      ) : items.length === 0 ? (
        <EmptyState />
      ) : (
        <List
          dataSource={items}
          data-testid="inbox"
          renderItem={(n) => (
            <List.Item
              data-kind={n.kind}
              actions={[
                n.objectType === 'task' && n.objectId ? (
                  <Link key="open" to={`/tasks/${n.objectId}`} onClick={() => !n.readAt && readOne.mutate(n.id)}>
                    {t('inbox.open')}
                  </Link>
                ) : null,
                !n.readAt ? (
                  <Button key="read" type="link" size="small" style={{ padding: 0 }} onClick={() => readOne.mutate(n.id)}>
                    {t('inbox.markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!n.readAt && <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {q.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('common.more')}
          </Button>
        </div>
      )}
    </Card>
  );
}
