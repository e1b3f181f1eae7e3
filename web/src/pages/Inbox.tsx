import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, List, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../components/States.tsx';
import { api, ApiError } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { useT } from '../lib/i18n.ts';
import type { NotificationPage } from '../lib/types.ts';

export default function Inbox() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [unread, setUnread] = useState(false);
  const q = useInfiniteQuery({
    queryKey: ['notifications', 'inbox', unread],
    queryFn: ({ pageParam }) => api.get<NotificationPage>('/api/v1/notifications', { unread: unread || undefined, cursor: pageParam ?? undefined, limit: 30 }),
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
                  <a key="read" onClick={() => readOne.mutate(n.id)}>
                    {t('inbox.markRead')}
                  </a>
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
