import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { Layout } from './components/layout.js';
import { Loading, Page, PagePlace } from './components/page.js';
import { SessionTimeout } from './components/session-timeout.js';
import { api, configureApi } from './lib/api.js';
import { clearToken, currentToken, lastCouncil, signOut } from './lib/auth.js';
import type { RuntimeConfig } from './lib/config.js';
import { clearAllDrafts } from './lib/drafts.js';
import { type Me, type Session, SessionProvider, useSession } from './lib/session.js';
import { AuthCallbackPage } from './pages/auth-callback.js';
import { DashboardPage } from './pages/dashboard.js';
import { HomePage } from './pages/home.js';
import { NotFoundPage } from './pages/not-found.js';
import { SignInPage } from './pages/sign-in.js';

// Pages past the dashboard load on demand, so the first page stays small.
const PlanPage = lazy(() => import('./pages/plan.js'));
const ActionPage = lazy(() => import('./pages/action.js'));
const PeoplePage = lazy(() => import('./pages/people.js'));
const PersonPage = lazy(() => import('./pages/person.js'));
const SettingsPage = lazy(() => import('./pages/settings.js'));
const AlertPreferencesPage = lazy(() => import('./pages/alert-preferences.js'));
const ImportPage = lazy(() => import('./pages/import.js'));
const PartnershipPage = lazy(() => import('./pages/partnership.js'));
const PartnershipMilestonesPage = lazy(() => import('./pages/partnership-milestones.js'));
const PartnershipComparePage = lazy(() => import('./pages/partnership-compare.js'));
const PartnershipPlanPage = lazy(() => import('./pages/partnership-plan.js'));
const CouncilPartnershipsPage = lazy(() => import('./pages/council-partnerships.js'));
const MembersPage = lazy(() => import('./pages/members.js'));
const MyActionsPage = lazy(() => import('./pages/my-actions.js'));
const MyRoundPage = lazy(() => import('./pages/my-round.js'));
const ThemeRoundPage = lazy(() => import('./pages/theme-round.js'));
const NewPlanPage = lazy(() => import('./pages/plan-new.js'));
const OperatorPage = lazy(() => import('./pages/operator.js'));
const ReportsPage = lazy(() => import('./pages/reports.js'));
const TrendsPage = lazy(() => import('./pages/trends.js'));
const SearchPage = lazy(() => import('./pages/search.js'));
const AuditPage = lazy(() => import('./pages/audit.js'));
const MyFeedsPage = lazy(() => import('./pages/my-feeds.js'));

export function App({ config }: { config: RuntimeConfig }) {
  const [location, navigate] = useLocation();
  const [me, setMe] = useState<Me | undefined>();
  const [checked, setChecked] = useState(false);

  const toSignIn = useCallback(() => {
    clearToken();
    setMe(undefined);
    const here = window.location.pathname + window.location.search;
    if (!here.startsWith('/sign-in'))
      // The session ended mid-task: the sign-in page says so, and forms keep their text (lib/drafts.ts).
      navigate(`/sign-in?next=${encodeURIComponent(here)}&expired=1`, { replace: true });
  }, [navigate]);

  useMemo(
    () => configureApi({ base: config.apiBase, token: currentToken, onUnauthorised: toSignIn }),
    [config, toSignIn],
  );

  const loadMe = useCallback(async () => {
    if (!currentToken()) {
      setMe(undefined);
      return;
    }
    try {
      setMe(await api.get('/api/v1/me'));
    } catch {
      setMe(undefined);
    }
  }, []);

  useEffect(() => {
    loadMe().finally(() => setChecked(true));
  }, [loadMe]);

  const session: Session = useMemo(
    () => ({
      config,
      me,
      signIn: loadMe,
      signOut: () => {
        setMe(undefined);
        clearAllDrafts();
        signOut(config.auth);
      },
    }),
    [config, me, loadMe],
  );

  if (!checked) return null;
  const open = location.startsWith('/sign-in') || location.startsWith('/auth/callback');
  return (
    <SessionProvider value={session}>
      <Layout>
        {/* Keyed by the person, so a new sign-in starts its own hour. */}
        {me ? <SessionTimeout key={me.sub} auth={config.auth} onEnded={toSignIn} /> : null}
        {!me && !open ? (
          <Redirect to={`/sign-in?next=${encodeURIComponent(location + window.location.search)}`} replace />
        ) : (
          <Suspense fallback={<Loading />}>
            <AppRoutes />
          </Suspense>
        )}
      </Layout>
    </SessionProvider>
  );
}

function SignOut() {
  const [, navigate] = useLocation();
  const { signOut: out, config } = useSession();
  useEffect(() => {
    out();
    if (config.auth.mode === 'dev') navigate('/sign-in?signedOut=1', { replace: true });
  }, [out, navigate, config]);
  return <Page title="Signing out" />;
}

/** Council pages: only for councils the person belongs to (others read as not found). */
function Council({ c, children }: { c: string; children: ReactNode }) {
  const { me } = useSession();
  const member = me?.councils.find((x) => x.id === c);
  useEffect(() => {
    if (member) lastCouncil.set(c);
  }, [c, member]);
  if (!member) return <NotFoundPage />;
  return <PagePlace.Provider value={member.name}>{children}</PagePlace.Provider>;
}

/** The service operator's pages: only for operators (others read as not found). */
function Operator({ children }: { children: ReactNode }) {
  const { me } = useSession();
  return me?.operator ? children : <NotFoundPage />;
}

/** An operator who belongs to no council or partnership starts on the operator's page. */
function Home() {
  const { me } = useSession();
  if (me?.operator && !me.councils.length && !me.partnerships.length)
    return <Redirect to="/operator" replace />;
  return <HomePage />;
}

/** Every page by its address. Council pages are only for the council's members. */
function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/auth/callback" component={AuthCallbackPage} />
      <Route path="/sign-out">
        <SignOut />
      </Route>
      <Route path="/" component={Home} />
      <Route path="/operator">
        <Operator>
          <OperatorPage />
        </Operator>
      </Route>
      <Route path="/councils/:c">
        {(p) => (
          <Council c={p.c}>
            <DashboardPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/plans/new">
        {(p) => (
          <Council c={p.c}>
            <NewPlanPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/plans/:planId/themes/:themeId/round">
        {(p) => (
          <Council c={p.c}>
            <ThemeRoundPage c={p.c} planId={p.planId} themeId={p.themeId} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/my-actions">
        {(p) => (
          <Council c={p.c}>
            <MyActionsPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/my-actions/round">
        {(p) => (
          <Council c={p.c}>
            <MyRoundPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/plans/:planId/reports">
        {(p) => (
          <Council c={p.c}>
            <ReportsPage c={p.c} planId={p.planId} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/plans/:planId/trends">
        {(p) => (
          <Council c={p.c}>
            <TrendsPage c={p.c} planId={p.planId} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/search">
        {(p) => (
          <Council c={p.c}>
            <SearchPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/audit">
        {(p) => (
          <Council c={p.c}>
            <AuditPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/calendar-feeds">
        {(p) => (
          <Council c={p.c}>
            <MyFeedsPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/plans/:planId">
        {(p) => (
          <Council c={p.c}>
            <PlanPage c={p.c} planId={p.planId} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/actions/:actionId">
        {(p) => (
          <Council c={p.c}>
            <ActionPage c={p.c} actionId={p.actionId} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/people">
        {(p) => (
          <Council c={p.c}>
            <PeoplePage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/people/:personId">
        {(p) => (
          <Council c={p.c}>
            <PersonPage c={p.c} personId={p.personId} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/settings">
        {(p) => (
          <Council c={p.c}>
            <SettingsPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/alert-preferences">
        {(p) => (
          <Council c={p.c}>
            <AlertPreferencesPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/import">
        {(p) => (
          <Council c={p.c}>
            <ImportPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/partnerships">
        {(p) => (
          <Council c={p.c}>
            <CouncilPartnershipsPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/councils/:c/members">
        {(p) => (
          <Council c={p.c}>
            <MembersPage c={p.c} />
          </Council>
        )}
      </Route>
      <Route path="/partnerships/:p">{(p) => <PartnershipPage p={p.p} />}</Route>
      <Route path="/partnerships/:p/milestones">{(p) => <PartnershipMilestonesPage p={p.p} />}</Route>
      <Route path="/partnerships/:p/compare">{(p) => <PartnershipComparePage p={p.p} />}</Route>
      <Route path="/partnerships/:p/councils/:c/plans/:planId">
        {(p) => <PartnershipPlanPage p={p.p} c={p.c} planId={p.planId} />}
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
