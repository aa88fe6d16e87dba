import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SessionState } from '../../../shared/ipc/views';
import { ComplianceReminder } from '../features/compliance/ComplianceReminder';
import { UserMenu } from '../features/session/UserMenu';
import { SyncStrip } from '../features/sync/SyncStrip';
import { LangToggle } from './LangToggle';
import type { Route } from './route';

const NAV = [
  { name: 'dashboard', href: '#/dashboard', label: 'nav.dashboard' },
  { name: 'units', href: '#/units', label: 'nav.units' },
  { name: 'membership', href: '#/membership/overview', label: 'nav.membership' },
  { name: 'visits', href: '#/visits/plan', label: 'nav.visits' },
  { name: 'compliance', href: '#/compliance', label: 'nav.compliance' },
  { name: 'directives', href: '#/directives', label: 'nav.directives' },
  { name: 'offices', href: '#/offices', label: 'nav.offices' },
  { name: 'speakers', href: '#/speakers', label: 'nav.speakers' },
  { name: 'teams', href: '#/teams', label: 'nav.teams' },
  { name: 'import', href: '#/import', label: 'nav.import' },
  { name: 'rules', href: '#/rules', label: 'nav.rules' },
  { name: 'about', href: '#/about', label: 'nav.about' },
] as const;

function activeNav(route: Route): string {
  if (route.name === 'unit') return 'units';
  if (route.name === 'report') return 'dashboard';
  if (route.name === 'membershipReport') return 'membership';
  if (route.name === 'itinerary') return 'visits';
  if (route.name === 'progress' || route.name === 'review') return 'compliance';
  return route.name;
}

export function Layout({ info, session, route, children }: { info: AppInfo | undefined; session: SessionState | undefined; route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const active = activeNav(route);
  return (
    <div className="app">
      <header className="app-header no-print">
        <div className="brand">
          <span className="app-name">{t('app.name')}</span>
          {info?.demo && (
            <span className="demo-badge" data-testid="demo-badge" title={t('demo.tooltip')}>
              {t('demo.badge')}
            </span>
          )}
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          {NAV.map((n) => (
            <a key={n.name} href={n.href} className={active === n.name ? 'active' : undefined} aria-current={active === n.name ? 'page' : undefined}>
              {t(n.label)}
            </a>
          ))}
        </nav>
        <div className="header-right">
          {session?.user && <ComplianceReminder />}
          {session?.user && <UserMenu session={session} />}
          <LangToggle />
        </div>
        {session?.user && <SyncStrip />}
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
