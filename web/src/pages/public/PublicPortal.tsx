import { BarChartOutlined, EditOutlined, SearchOutlined } from '@ant-design/icons';
import { Layout, Result, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { Loading } from '../../components/States.tsx';

const Submit = lazy(() => import('./PublicSubmit.tsx'));
const Track = lazy(() => import('./PublicTrack.tsx'));
const RateVisit = lazy(() => import('./PublicRateVisit.tsx'));
const Stats = lazy(() => import('./PublicStats.tsx'));

const NAV = [
  { to: '/public', end: true, icon: <EditOutlined />, label: '我要反映' },
  { to: '/public/track', end: false, icon: <SearchOutlined />, label: '查询进度' },
  { to: '/public/stats', end: false, icon: <BarChartOutlined />, label: '办理公开' },
];

/**
 * The citizens' portal (群众诉求): phone first, Chinese, no login and no staff menu. A narrow
 * column that is the whole screen on a phone and a centred card on a desk; the three things a
 * citizen comes for are a tab bar at the top.
 */
export default function PublicPortal() {
  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = '群众诉求 · 马上办';
  }, []);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header style={{ background: '#c62828', color: '#fff', padding: '12px 16px' }}>
        <div style={{ maxWidth: 640, margin: '0 auto' }}>
          <div style={{ fontSize: 18, fontWeight: 700 }}>马上办 · 群众诉求</div>
          <div style={{ fontSize: 13, opacity: 0.9 }}>有事您说话，件件有回音</div>
        </div>
      </header>
      <nav aria-label="群众诉求导航" style={{ background: '#fff', borderBottom: '1px solid #eee' }}>
        <ul style={{ maxWidth: 640, margin: '0 auto', padding: 0, listStyle: 'none', display: 'flex' }}>
          {NAV.map((n) => (
            <li key={n.to} style={{ flex: 1 }}>
              <NavLink
                to={n.to}
                end={n.end}
                style={({ isActive }) => ({
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  gap: 6,
                  minHeight: 48,
                  fontSize: 15,
                  color: isActive ? '#c62828' : '#333',
                  fontWeight: isActive ? 600 : 400,
                  borderBottom: isActive ? '3px solid #c62828' : '3px solid transparent',
                })}
              >
                {n.icon}
                {n.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main style={{ maxWidth: 640, width: '100%', margin: '0 auto', padding: 12, boxSizing: 'border-box' }}>
        <Suspense fallback={<Loading rows={6} />}>
          <Routes>
            <Route path="/public" element={<Submit />} />
            <Route path="/public/track" element={<Track />} />
            <Route path="/public/track/:code" element={<Track />} />
            <Route path="/public/windows/:code" element={<RateVisit />} />
            <Route path="/public/stats" element={<Stats />} />
            <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从上方的导航进入。" />} />
          </Routes>
        </Suspense>
      </main>
      <footer style={{ textAlign: 'center', padding: '16px 12px 24px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          您的联系方式只用于办理和回访，不会公开。紧急情况请拨打 110、119、120。
        </Typography.Text>
      </footer>
    </Layout>
  );
}
