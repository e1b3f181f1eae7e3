import { FontSizeOutlined, MenuOutlined, AimOutlined, ApiOutlined, AuditOutlined, BarChartOutlined, BookOutlined, EditOutlined, FileDoneOutlined, TrophyOutlined, BellOutlined, NotificationOutlined, CalendarOutlined, ClusterOutlined, CommentOutlined, DashboardOutlined, CheckSquareOutlined, FileAddOutlined, FileTextOutlined, KeyOutlined, LogoutOutlined, ScheduleOutlined, SettingOutlined, TableOutlined, TeamOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../lib/api.ts';
import { canAssign, canSeeReports, hasRole } from '../lib/auth.ts';
import { roleName } from '../lib/format.ts';
import { NotifySettingsDialog } from './NotifySettingsDialog.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { useLang, useT } from '../lib/i18n.ts';
import { pageTitleKey } from '../lib/page-title.ts';
import { useTextSize } from '../lib/theme.ts';
import type { NotificationPage, User } from '../lib/types.ts';

const { Header, Sider, Content } = Layout;

export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  // Below 992 px the menu is a drawer over the page, opened by the ☰ button (never a squeezed sidebar).
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { largeText, setLargeText } = useTextSize();
  const main = useRef<HTMLElement>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [notifyOpen, setNotifyOpen] = useState(false);
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api.get<NotificationPage>('/api/v1/notifications', { unread: true, limit: 1 }).then((r) => r.unreadCount),
    refetchInterval: 60_000,
  });

  // Leaders and supervisors land on the 驾驶舱 (App.tsx); their own to-dos are at /workbench.
  const overview = hasRole(user, 'leader', 'supervisor');
  const items = [
    { key: '/', icon: <DashboardOutlined aria-hidden />, label: <Link to="/">{t(overview ? 'ov.title' : 'menu.workbench')}</Link> },
    ...(overview ? [{ key: '/workbench', icon: <CheckSquareOutlined aria-hidden />, label: <Link to="/workbench">{t('ov.myTodo')}</Link> }] : []),
    { key: '/tasks', icon: <TableOutlined aria-hidden />, label: <Link to="/tasks">{t('menu.ledger')}</Link> },
    ...(canAssign(user) ? [{ key: '/tasks/new', icon: <FileAddOutlined aria-hidden />, label: <Link to="/tasks/new">{t('menu.assign')}</Link> }] : []),
    { key: '/meetings', icon: <ScheduleOutlined aria-hidden />, label: <Link to="/meetings">{t('menu.meetings')}</Link> },
    { key: '/desk', icon: <CommentOutlined aria-hidden />, label: <Link to="/desk">{t('menu.desk')}</Link> },
    { key: '/documents', icon: <FileTextOutlined aria-hidden />, label: <Link to="/documents">{t('menu.documents')}</Link> },
    { key: '/field-work', icon: <AimOutlined aria-hidden />, label: <Link to="/field-work">{t('menu.research')}</Link> },
    { key: '/dashboard', icon: <BarChartOutlined aria-hidden />, label: <Link to="/dashboard">{t('menu.dashboard')}</Link> },
    // Everyone: who oversees units sees the ranking, anyone else their own score (Scoreboard.tsx).
    { key: '/scoreboard', icon: <TrophyOutlined aria-hidden />, label: <Link to="/scoreboard">{t('menu.scoreboard')}</Link> },
    { key: '/cases', icon: <BookOutlined aria-hidden />, label: <Link to="/cases">{t('menu.cases')}</Link> },
    { key: '/accountability', icon: <AuditOutlined aria-hidden />, label: <Link to="/accountability">{t('menu.accountability')}</Link> },
    ...(canSeeReports(user) ? [{ key: '/reports', icon: <FileDoneOutlined aria-hidden />, label: <Link to="/reports">{t('menu.reports')}</Link> }] : []),
    { key: '/summary', icon: <EditOutlined aria-hidden />, label: <Link to="/summary">{t('menu.summary')}</Link> },
    { key: '/notifications', icon: <BellOutlined aria-hidden />, label: <Link to="/notifications">{t('menu.notifications')}</Link> },
    {
      key: 'admin',
      icon: <SettingOutlined aria-hidden />,
      label: t('menu.admin'),
      children: [
        ...(hasRole(user, 'admin')
          ? [
              { key: '/admin/units', icon: <ClusterOutlined aria-hidden />, label: <Link to="/admin/units">{t('menu.units')}</Link> },
              { key: '/admin/people', icon: <TeamOutlined aria-hidden />, label: <Link to="/admin/people">{t('menu.people')}</Link> },
              { key: '/admin/open311', icon: <ApiOutlined aria-hidden />, label: <Link to="/admin/open311">{t('menu.open311')}</Link> },
            ]
          : []),
        ...(hasRole(user, 'admin', 'supervisor') ? [{ key: '/admin/channels', icon: <NotificationOutlined aria-hidden />, label: <Link to="/admin/channels">{t('menu.channels')}</Link> }] : []),
        { key: '/admin/calendar', icon: <CalendarOutlined aria-hidden />, label: <Link to="/admin/calendar">{t('menu.calendar')}</Link> },
        { key: '/admin/policy', icon: <SettingOutlined aria-hidden />, label: <Link to="/admin/policy">{t('menu.policy')}</Link> },
      ],
    },
  ];
  const section = ['/scoreboard', '/cases', '/accountability', '/reports'].find((p) => location.pathname.startsWith(`${p}/`));
  const selected = section ? section : location.pathname.startsWith('/tasks/') && location.pathname !== '/tasks/new' ? '/tasks' : location.pathname.startsWith('/documents/') ? '/documents' : location.pathname.startsWith('/meetings/') ? '/meetings' : location.pathname.startsWith('/field-work/') ? '/field-work' : location.pathname.startsWith('/desk/') ? '/desk' : location.pathname;

  // One name per page: the h1 in the header and the document title ("督办台账 · 马上").
  const pageTitle = t(pageTitleKey(location.pathname, overview ? 'overview' : 'workbench'));
  useEffect(() => {
    document.title = `${pageTitle} · ${t('a11y.appShort')}`;
  }, [pageTitle, t]);
  const count = unread.data ?? 0;

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

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={location.pathname.startsWith('/admin') ? ['admin'] : []}
      items={items}
      onClick={() => setDrawerOpen(false)}
      aria-label={t('a11y.menu')}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main" onClick={(ev) => { ev.preventDefault(); main.current?.focus(); }}>
        {t('a11y.skip')}
      </a>
      {narrow ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title={<span style={{ color: '#c62828', fontWeight: 700 }}>{t('appName')}</span>} styles={{ body: { padding: 0 } }}>
          <nav aria-label={t('a11y.menu')}>{menu}</nav>
        </Drawer>
      ) : (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} collapsedWidth={64} theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, color: '#c62828', fontSize: collapsed ? 18 : 17, whiteSpace: 'nowrap' }}>
            {collapsed ? '马上' : t('appName')}
          </div>
          <nav aria-label={t('a11y.menu')}>{menu}</nav>
        </Sider>
      )}
      <Layout>
        <Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0', minHeight: 56, height: 'auto', lineHeight: 1.4, flexWrap: 'wrap' }}>
          {narrow && (
            <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('a11y.menu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} data-testid="menu-button" />
          )}
          <h1 style={{ fontSize: 18, margin: 0, flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' }} data-testid="page-title">
            {pageTitle}
          </h1>
          <Link to="/notifications" className="app-bell" data-testid="bell">
            <Badge count={count} size="small" overflowCount={99} color="#c41d1d" aria-hidden>
              <BellOutlined aria-hidden style={{ fontSize: 18 }} />
            </Badge>
            <span className="sr-only">{count ? `${t('menu.notifications')}（${t('a11y.unread')} ${count}）` : t('menu.notifications')}</span>
          </Link>
          {/* On a phone the header's buttons are icons (their names stay for the screen reader), so the header stays one line. */}
          <Button type="text" icon={<FontSizeOutlined aria-hidden />} aria-pressed={largeText} onClick={() => setLargeText(!largeText)} data-testid="large-text">
            <span className={narrow ? 'sr-only' : undefined}>{t('a11y.largeText')}</span>
          </Button>
          <Button type="text" icon={<TranslationOutlined aria-hidden />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            <span lang={lang === 'zh' ? 'en' : 'zh'} className={narrow ? 'sr-only' : undefined}>
              {t('language')}
            </span>
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'roles', label: user.roles.map((r) => roleName(r, lang)).join('、'), disabled: true },
                { key: 'notify', icon: <NotificationOutlined aria-hidden />, label: <span data-testid="notify-settings">{t('notify.title')}</span>, onClick: () => setNotifyOpen(true) },
                { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('password.title'), onClick: () => setPasswordOpen(true) },
                { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('logout'), onClick: () => void logout() },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined aria-hidden />} data-testid="user-menu">
              <Space className={narrow ? 'sr-only' : undefined}>
                <Typography.Text ellipsis style={{ maxWidth: 120 }} lang="zh">
                  {user.name}
                </Typography.Text>
              </Space>
            </Button>
          </Dropdown>
          <PasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
          <NotifySettingsDialog open={notifyOpen} onClose={() => setNotifyOpen(false)} />
        </Header>
        <Content id="main" ref={main} tabIndex={-1} style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
          {children}
        </Content>
      </Layout>
    </Layout>
  );
}
