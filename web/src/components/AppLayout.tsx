import { AimOutlined, ApiOutlined, AuditOutlined, BarChartOutlined, BookOutlined, EditOutlined, FileDoneOutlined, TrophyOutlined, BellOutlined, NotificationOutlined, CalendarOutlined, ClusterOutlined, CommentOutlined, DashboardOutlined, FileAddOutlined, FileTextOutlined, KeyOutlined, LogoutOutlined, ScheduleOutlined, SettingOutlined, TableOutlined, TeamOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../lib/api.ts';
import { canAssign, canSeeReports, canSeeScoreboard, hasRole } from '../lib/auth.ts';
import { roleName } from '../lib/format.ts';
import { NotifySettingsDialog } from './NotifySettingsDialog.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { useLang, useT } from '../lib/i18n.ts';
import type { NotificationPage, User } from '../lib/types.ts';

const { Header, Sider, Content } = Layout;

export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [notifyOpen, setNotifyOpen] = useState(false);
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api.get<NotificationPage>('/api/v1/notifications', { unread: true, limit: 1 }).then((r) => r.unreadCount),
    refetchInterval: 60_000,
  });

  const items = [
    { key: '/', icon: <DashboardOutlined />, label: <Link to="/">{t('menu.workbench')}</Link> },
    { key: '/tasks', icon: <TableOutlined />, label: <Link to="/tasks">{t('menu.ledger')}</Link> },
    ...(canAssign(user) ? [{ key: '/tasks/new', icon: <FileAddOutlined />, label: <Link to="/tasks/new">{t('menu.assign')}</Link> }] : []),
    { key: '/meetings', icon: <ScheduleOutlined />, label: <Link to="/meetings">{t('menu.meetings')}</Link> },
    { key: '/desk', icon: <CommentOutlined />, label: <Link to="/desk">{t('menu.desk')}</Link> },
    { key: '/documents', icon: <FileTextOutlined />, label: <Link to="/documents">{t('menu.documents')}</Link> },
    { key: '/field-work', icon: <AimOutlined />, label: <Link to="/field-work">{t('menu.research')}</Link> },
    { key: '/dashboard', icon: <BarChartOutlined />, label: <Link to="/dashboard">{t('menu.dashboard')}</Link> },
    ...(canSeeScoreboard(user) ? [{ key: '/scoreboard', icon: <TrophyOutlined />, label: <Link to="/scoreboard">{t('menu.scoreboard')}</Link> }] : []),
    { key: '/cases', icon: <BookOutlined />, label: <Link to="/cases">{t('menu.cases')}</Link> },
    { key: '/accountability', icon: <AuditOutlined />, label: <Link to="/accountability">{t('menu.accountability')}</Link> },
    ...(canSeeReports(user) ? [{ key: '/reports', icon: <FileDoneOutlined />, label: <Link to="/reports">{t('menu.reports')}</Link> }] : []),
    { key: '/summary', icon: <EditOutlined />, label: <Link to="/summary">{t('menu.summary')}</Link> },
    { key: '/notifications', icon: <BellOutlined />, label: <Link to="/notifications">{t('menu.notifications')}</Link> },
    {
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('menu.admin'),
      children: [
        ...(hasRole(user, 'admin')
          ? [
              { key: '/admin/units', icon: <ClusterOutlined />, label: <Link to="/admin/units">{t('menu.units')}</Link> },
              { key: '/admin/people', icon: <TeamOutlined />, label: <Link to="/admin/people">{t('menu.people')}</Link> },
              { key: '/admin/open311', icon: <ApiOutlined />, label: <Link to="/admin/open311">{t('menu.open311')}</Link> },
            ]
          : []),
        ...(hasRole(user, 'admin', 'supervisor') ? [{ key: '/admin/channels', icon: <NotificationOutlined />, label: <Link to="/admin/channels">{t('menu.channels')}</Link> }] : []),
        { key: '/admin/calendar', icon: <CalendarOutlined />, label: <Link to="/admin/calendar">{t('menu.calendar')}</Link> },
        { key: '/admin/policy', icon: <SettingOutlined />, label: <Link to="/admin/policy">{t('menu.policy')}</Link> },
      ],
    },
  ];
  const section = ['/scoreboard', '/cases', '/accountability', '/reports'].find((p) => location.pathname.startsWith(`${p}/`));
  const selected = section ? section : location.pathname.startsWith('/tasks/') && location.pathname !== '/tasks/new' ? '/tasks' : location.pathname.startsWith('/documents/') ? '/documents' : location.pathname.startsWith('/meetings/') ? '/meetings' : location.pathname.startsWith('/field-work/') ? '/field-work' : location.pathname.startsWith('/desk/') ? '/desk' : location.pathname;

  const logout = async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(['me'], null);
      void navigate('/login');
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsedWidth={narrow ? 0 : 64}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        theme="light"
        width={208}
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, color: '#c62828', fontSize: collapsed ? 18 : 17, whiteSpace: 'nowrap' }}>
          {collapsed ? '马上' : t('appName')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={location.pathname.startsWith('/admin') ? ['admin'] : []}
          items={items}
          onClick={() => narrow && setCollapsed(true)}
          aria-label="main menu"
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 8, borderBottom: '1px solid #f0f0f0', height: 56 }}>
          <Link to="/notifications" aria-label={t('menu.notifications')}>
            <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
              <Button type="text" icon={<BellOutlined />} />
            </Badge>
          </Link>
          <Button type="text" icon={<TranslationOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'roles', label: user.roles.map((r) => roleName(r, lang)).join('、'), disabled: true },
                { key: 'notify', icon: <NotificationOutlined />, label: <span data-testid="notify-settings">{t('notify.title')}</span>, onClick: () => setNotifyOpen(true) },
                { key: 'password', icon: <KeyOutlined />, label: t('password.title'), onClick: () => setPasswordOpen(true) },
                { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: () => void logout() },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              <Space>
                <Typography.Text ellipsis style={{ maxWidth: 120 }}>
                  {user.name}
                </Typography.Text>
              </Space>
            </Button>
          </Dropdown>
          <PasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
          <NotifySettingsDialog open={notifyOpen} onClose={() => setNotifyOpen(false)} />
        </Header>
        <Content style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
