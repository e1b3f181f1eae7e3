import { useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { useA11yFixups } from './lib/a11y-fixups.ts';
import { ErrorState } from './components/States.tsx';
import { UNAUTHORIZED_EVENT } from './lib/api.ts';
import { hasRole, useMe } from './lib/auth.ts';
import { useT } from './lib/i18n.ts';
import { Login } from './pages/Login.tsx';
import { Workbench } from './pages/Workbench.tsx';

// Every page but the first two loads on demand: the login screen and workbench come fast.
const Ledger = lazy(() => import('./pages/Ledger.tsx'));
const Overview = lazy(() => import('./pages/Overview.tsx'));
const TaskDetail = lazy(() => import('./pages/TaskDetail.tsx'));
const TaskNotice = lazy(() => import('./pages/TaskNotice.tsx'));
const AssignTask = lazy(() => import('./pages/AssignTask.tsx'));
const Dashboard = lazy(() => import('./pages/Dashboard.tsx'));
const Inbox = lazy(() => import('./pages/Inbox.tsx'));
const Documents = lazy(() => import('./pages/Documents.tsx'));
const DocumentDetail = lazy(() => import('./pages/DocumentDetail.tsx'));
const Meetings = lazy(() => import('./pages/Meetings.tsx'));
const MeetingForm = lazy(() => import('./pages/MeetingForm.tsx'));
const MeetingDetail = lazy(() => import('./pages/MeetingDetail.tsx'));
const MeetingTimer = lazy(() => import('./pages/MeetingTimer.tsx'));
const FieldWork = lazy(() => import('./pages/FieldWork.tsx'));
const FieldVisitForm = lazy(() => import('./pages/FieldVisitForm.tsx'));
const Units = lazy(() => import('./pages/admin/Units.tsx'));
const People = lazy(() => import('./pages/admin/People.tsx'));
const Calendar = lazy(() => import('./pages/admin/Calendar.tsx'));
const Policy = lazy(() => import('./pages/admin/Policy.tsx'));
const Open311Keys = lazy(() => import('./pages/admin/Open311Keys.tsx'));
const Channels = lazy(() => import('./pages/admin/Channels.tsx'));
const Desk = lazy(() => import('./pages/Desk.tsx'));
const Scoreboard = lazy(() => import('./pages/Scoreboard.tsx'));
const ScoreUnit = lazy(() => import('./pages/ScoreUnit.tsx'));
const Cases = lazy(() => import('./pages/Cases.tsx'));
const CaseDetail = lazy(() => import('./pages/CaseDetail.tsx'));
const Accountability = lazy(() => import('./pages/Accountability.tsx'));
const AccountabilityDetail = lazy(() => import('./pages/AccountabilityDetail.tsx'));
const Reports = lazy(() => import('./pages/Reports.tsx'));
const ReportDetail = lazy(() => import('./pages/ReportDetail.tsx'));
const MySummary = lazy(() => import('./pages/MySummary.tsx'));
const DeskRequest = lazy(() => import('./pages/DeskRequest.tsx'));
// The citizens' portal: no login, its own light layout, loaded only by citizens.
const PublicPortal = lazy(() => import('./pages/public/PublicPortal.tsx'));

const PageFallback = () => (
  <div style={{ minHeight: 320, display: 'grid', placeItems: 'center' }}>
    <Spin />
  </div>
);

export function App() {
  const location = useLocation();
  useA11yFixups(useT()('a11y.scrollRegion'));
  // /public is the citizens' portal: nobody signs in there, so the session is not even asked for.
  if (location.pathname === '/public' || location.pathname.startsWith('/public/'))
    return (
      <Suspense fallback={<PageFallback />}>
        <PublicPortal />
      </Suspense>
    );
  return <StaffApp />;
}

function StaffApp() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();

  useEffect(() => {
    const onUnauthorized = () => {
      qc.setQueryData(['me'], null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [qc, navigate]);

  if (me.isPending) return <PageFallback />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  const user = me.data;
  if (!user) {
    if (location.pathname !== '/login') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    return <Login />;
  }
  if (location.pathname === '/login') {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  const admin = hasRole(user, 'admin');
  // The speech timer fills the meeting room's screen: no menu, no header.
  // The 督办单 print page is a sheet of paper: no menu either.
  if (/^\/tasks\/\d+\/notice$/.test(location.pathname))
    return (
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route path="/tasks/:id/notice" element={<TaskNotice />} />
        </Routes>
      </Suspense>
    );
  if (/^\/meetings\/\d+\/timer$/.test(location.pathname))
    return (
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route path="/meetings/:id/timer" element={<MeetingTimer />} />
        </Routes>
      </Suspense>
    );
  return (
    <AppLayout user={user}>
      <Suspense fallback={<PageFallback />}>
        <Routes>
          {/* Leaders and the supervision office open on the 驾驶舱; everyone else on their to-dos. */}
          <Route path="/" element={hasRole(user, 'leader', 'supervisor') ? <Overview /> : <Workbench />} />
          <Route path="/workbench" element={<Workbench />} />
          <Route path="/tasks" element={<Ledger />} />
          <Route path="/tasks/new" element={<AssignTask />} />
          <Route path="/tasks/:id" element={<TaskDetail />} />
          <Route path="/meetings" element={<Meetings />} />
          <Route path="/meetings/new" element={<MeetingForm />} />
          <Route path="/meetings/:id/edit" element={<MeetingForm />} />
          <Route path="/meetings/:id" element={<MeetingDetail />} />
          <Route path="/field-work" element={<FieldWork />} />
          <Route path="/field-work/new" element={<FieldVisitForm />} />
          <Route path="/dashboard" element={<Dashboard />} />
          <Route path="/notifications" element={<Inbox />} />
          <Route path="/documents" element={<Documents />} />
          <Route path="/documents/:id" element={<DocumentDetail />} />
          <Route path="/admin/units" element={admin ? <Units /> : <Forbidden />} />
          <Route path="/admin/people" element={admin ? <People /> : <Forbidden />} />
          <Route path="/admin/calendar" element={<Calendar />} />
          <Route path="/admin/policy" element={<Policy />} />
          <Route path="/admin/open311" element={admin ? <Open311Keys /> : <Forbidden />} />
          <Route path="/admin/channels" element={hasRole(user, 'admin', 'supervisor') ? <Channels user={user} /> : <Forbidden />} />
          <Route path="/desk" element={<Desk />} />
          <Route path="/desk/:id" element={<DeskRequest />} />
          <Route path="/scoreboard" element={<Scoreboard />} />
          <Route path="/scoreboard/units/:unitId" element={<ScoreUnit />} />
          <Route path="/cases" element={<Cases />} />
          <Route path="/cases/:id" element={<CaseDetail />} />
          <Route path="/accountability" element={<Accountability />} />
          <Route path="/accountability/:id" element={<AccountabilityDetail />} />
          <Route path="/reports" element={<Reports />} />
          <Route path="/reports/:id" element={<ReportDetail />} />
          <Route path="/summary" element={<MySummary />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

// In the reader's language only: not "页面不存在 (no such page)" to someone reading Chinese.
const NotFound = () => <Result status="404" title="404" subTitle={useT()('page.notFound')} />;
const Forbidden = () => <Result status="403" title="403" subTitle={useT()('page.adminOnly')} />;
