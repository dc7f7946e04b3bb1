import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { JourneyListPage } from '../list/JourneyListPage';
import { TaskInbox } from '../tasks/TaskInbox';
import { Toasts } from '../ui/Toasts';
import { NotFoundPage } from './NotFoundPage';
import { SignInGate } from './SignInGate';

// The editor (canvas, compiler, layout engine) loads when a journey is first opened, not with the list.
const EditorPage = lazy(() => import('../editor/EditorPage').then(({ EditorPage }) => ({ default: EditorPage })));
// The monitor (with echarts) and the experiments load when first visited, so the editor does not carry them.
const MonitorPage = lazy(() => import('../monitor/MonitorPage').then(({ MonitorPage }) => ({ default: MonitorPage })));
const ExperimentsPage = lazy(() =>
  import('../experiments/ExperimentsPage').then(({ ExperimentsPage }) => ({ default: ExperimentsPage })),
);
const SettingsPage = lazy(() =>
  import('../settings/SettingsPage').then(({ SettingsPage }) => ({ default: SettingsPage })),
);
const CreativesPage = lazy(() =>
  import('../creatives/CreativesPage').then(({ CreativesPage }) => ({ default: CreativesPage })),
);

function Loading() {
  const { t } = useTranslation();
  return <p className="page-message">{t('editor.loading')}</p>;
}

/**
 * Routes. Hash-based (`/#/journeys/:id`) because the runtime serves only the built files: a reload of a
 * path URL would reach it and find no page.
 */
/** Hash routing that also accepts a query typed inside the hash (`#/tasks?assignee=rm1`): routes see the path only. */
function useHashPath(): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation();
  return [location.split('?')[0] ?? location, navigate];
}

/** Links point into the hash, as wouter's hash location writes them. */
const toHashHref = (href: string) => `#${href}`;

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SignInGate>
        <Router hook={useHashPath} hrefs={toHashHref}>
          <Suspense fallback={<Loading />}>
            <Switch>
              <Route path="/" component={JourneyListPage} />
              <Route path="/journeys/:id">{({ id }) => <EditorPage key={id} journeyId={id} />}</Route>
              <Route path="/journeys/:id/monitor">
                {({ id }) => <MonitorPage key={id} journeyId={id} wall={false} />}
              </Route>
              <Route path="/journeys/:id/monitor/wall">
                {({ id }) => <MonitorPage key={id} journeyId={id} wall />}
              </Route>
              <Route path="/journeys/:id/experiments">{({ id }) => <ExperimentsPage key={id} journeyId={id} />}</Route>
              {/* The totals across journeys, for the war room. */}
              <Route path="/monitor">{() => <MonitorPage journeyId={null} wall={false} />}</Route>
              <Route path="/monitor/wall">{() => <MonitorPage journeyId={null} wall />}</Route>
              <Route path="/tasks" component={TaskInbox} />
              <Route path="/creatives">{() => <CreativesPage />}</Route>
              <Route path="/creatives/:id">{({ id }) => <CreativesPage creativeId={id} />}</Route>
              <Route path="/settings">{() => <SettingsPage />}</Route>
              <Route path="/settings/:section">{({ section }) => <SettingsPage sectionId={section} />}</Route>
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
        </Router>
      </SignInGate>
      <Toasts />
    </QueryClientProvider>
  );
}
