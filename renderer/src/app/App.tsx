import { useTranslation } from 'react-i18next';
import { AboutPage } from '../features/about/AboutPage';
import { CompliancePage } from '../features/compliance/CompliancePage';
import { ProgressReportPage } from '../features/compliance/ProgressReportPage';
import { ReviewPage } from '../features/compliance/ReviewPage';
import { DirectivesPage } from '../features/directives/DirectivesPage';
import { OfficesPage } from '../features/offices/OfficesPage';
import { SpeakersPage } from '../features/speakers/SpeakersPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ImportExportPage } from '../features/importExport/ImportExportPage';
import { MembershipPage } from '../features/membership/MembershipPage';
import { MembershipReport } from '../features/membership/MembershipReport';
import { useAppInfo, useSession } from '../features/meta/queries';
import { ReportPage } from '../features/report/ReportPage';
import { RulesPage } from '../features/rules/RulesPage';
import { FirstStart } from '../features/session/FirstStart';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { SyncAdminPage } from '../features/sync/SyncAdminPage';
import { SyncPage } from '../features/sync/SyncPage';
import { UnitPage } from '../features/units/UnitPage';
import { UnitSearchPage } from '../features/units/UnitSearchPage';
import { ItineraryPage } from '../features/visits/ItineraryPage';
import { VisitsPage } from '../features/visits/VisitsPage';
import { ChangeBannerProvider } from './ChangeBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorText } from './ErrorText';
import { Layout } from './Layout';
import { Loading } from './Loading';
import { useRoute, type Route } from './route';

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'units':
      return <UnitSearchPage />;
    case 'unit':
      return <UnitPage id={route.id} />;
    case 'report':
      return <ReportPage pc={route.pc} />;
    case 'import':
      return <ImportExportPage />;
    case 'membership':
      return <MembershipPage tab={route.tab} />;
    case 'membershipReport':
      return <MembershipReport pc={route.pc} district={route.district} />;
    case 'rules':
      return <RulesPage />;
    case 'about':
      return <AboutPage />;
    case 'visits':
      return <VisitsPage tab={route.tab} />;
    case 'itinerary':
      return <ItineraryPage leaderId={route.leaderId} date={route.date} />;
    case 'offices':
      return <OfficesPage />;
    case 'speakers':
      return <SpeakersPage />;
    case 'teams':
      return <TeamsPage />;
    case 'directives':
      return <DirectivesPage directiveId={route.id} />;
    case 'compliance':
      return <CompliancePage />;
    case 'progress':
      return <ProgressReportPage key={JSON.stringify(route.scope)} scope={route.scope} />;
    case 'review':
      return <ReviewPage index={route.index} />;
    case 'sync':
      return <SyncPage />;
    case 'conflicts':
      return <ConflictsPage />;
    case 'syncAdmin':
      return <SyncAdminPage />;
    default:
      return (
        <div className="panel">
          <h2>{t('notFound.title')}</h2>
          <a href="#/dashboard">{t('notFound.back')}</a>
        </div>
      );
  }
}

export function App() {
  const route = useRoute();
  const info = useAppInfo();
  const session = useSession();
  const loading = info.isPending || session.isPending;
  const failed = info.error ?? session.error;
  const needsSetup = info.data && session.data && (!session.data.user || !info.data.setupDone);
  return (
    <ChangeBannerProvider>
      <Layout info={info.data} session={session.data} route={route}>
        {loading ? (
          <Loading />
        ) : failed ? (
          <div className="panel">
            <ErrorText error={failed} />
          </div>
        ) : needsSetup ? (
          <FirstStart info={info.data!} session={session.data!} />
        ) : (
          <ErrorBoundary resetKey={JSON.stringify(route)}>
            <Screen route={route} />
          </ErrorBoundary>
        )}
      </Layout>
    </ChangeBannerProvider>
  );
}
