import { useEffect, useState } from 'react';
import { MEMBERSHIP_TABS, type MembershipTab } from '../features/membership/tabs';

export type Route =
  | { name: 'dashboard' }
  | { name: 'units' }
  | { name: 'unit'; id: string }
  | { name: 'report'; pc: number | 'all' }
  | { name: 'import' }
  | { name: 'membership'; tab: MembershipTab }
  | { name: 'membershipReport'; pc: number | 'all'; district?: string }
  | { name: 'rules' }
  | { name: 'about' }
  | { name: 'visits'; tab: 'plan' | 'coverage' | 'records' }
  | { name: 'itinerary'; leaderId: string; date: string }
  | { name: 'offices' }
  | { name: 'speakers' }
  | { name: 'teams' }
  | { name: 'directives'; id: string | null }
  | { name: 'compliance' }
  | { name: 'progress'; scope: { type: 'pc'; pcNo: number } | { type: 'district'; districtCode: string } }
  | { name: 'review'; index: number }
  | { name: 'sync' }
  | { name: 'conflicts' }
  | { name: 'syncAdmin' }
  | { name: 'notFound'; hash: string };

/** Hash routes keep deep links working in both Electron (file://) and the web host without a router package. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = path.split('/').map((p) => decodeURIComponent(p));
  switch (parts[0]) {
    case '':
    case 'dashboard':
      return { name: 'dashboard' };
    case 'units':
      return { name: 'units' };
    case 'unit':
      return parts[1] ? { name: 'unit', id: parts[1] } : { name: 'units' };
    case 'report': {
      if (!parts[1] || parts[1] === 'all') return { name: 'report', pc: 'all' };
      const pc = Number(parts[1]);
      return Number.isInteger(pc) && pc > 0 ? { name: 'report', pc } : { name: 'notFound', hash };
    }
    case 'import':
      return { name: 'import' };
    case 'membership': {
      const tab = (parts[1] || 'overview') as MembershipTab;
      return MEMBERSHIP_TABS.includes(tab) ? { name: 'membership', tab } : { name: 'notFound', hash };
    }
    case 'membership-report': {
      if (!parts[1] || parts[1] === 'all') return { name: 'membershipReport', pc: 'all' };
      if (parts[1] === 'district') return /^\d{3}$/.test(parts[2] ?? '') ? { name: 'membershipReport', pc: 'all', district: parts[2] } : { name: 'notFound', hash };
      const pc = Number(parts[1]);
      return Number.isInteger(pc) && pc > 0 ? { name: 'membershipReport', pc } : { name: 'notFound', hash };
    }
    case 'rules':
      return { name: 'rules' };
    case 'about':
      return { name: 'about' };
    case 'visits': {
      const tab = parts[1] || 'plan';
      return tab === 'plan' || tab === 'coverage' || tab === 'records' ? { name: 'visits', tab } : { name: 'notFound', hash };
    }
    case 'itinerary':
      return parts[1] && /^\d{4}-\d{2}-\d{2}$/.test(parts[2] ?? '') ? { name: 'itinerary', leaderId: parts[1], date: parts[2] } : { name: 'notFound', hash };
    case 'offices':
      return { name: 'offices' };
    case 'speakers':
      return { name: 'speakers' };
    case 'teams':
      return { name: 'teams' };
    case 'directives':
      return { name: 'directives', id: parts[1] || null };
    case 'compliance':
      return { name: 'compliance' };
    case 'progress': {
      if (parts[1] === 'district') {
        return parts[2] && /^\d+$/.test(parts[2]) ? { name: 'progress', scope: { type: 'district', districtCode: parts[2] } } : { name: 'notFound', hash };
      }
      const pc = Number(parts[1]);
      return Number.isInteger(pc) && pc > 0 ? { name: 'progress', scope: { type: 'pc', pcNo: pc } } : { name: 'notFound', hash };
    }
    case 'review': {
      const index = parts[1] ? Number(parts[1]) : 0;
      return Number.isInteger(index) && index >= 0 ? { name: 'review', index } : { name: 'notFound', hash };
    }
    case 'sync':
      return { name: 'sync' };
    case 'conflicts':
      return { name: 'conflicts' };
    case 'sync-admin':
      return { name: 'syncAdmin' };
    default:
      return { name: 'notFound', hash };
  }
}

export function hrefFor(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'unit':
      return `#/unit/${encodeURIComponent(route.id)}`;
    case 'report':
      return `#/report/${route.pc}`;
    case 'membership':
      return `#/membership/${route.tab}`;
    case 'membershipReport':
      return `#/membership-report/${route.pc}`;
    case 'visits':
      return `#/visits/${route.tab}`;
    case 'itinerary':
      return `#/itinerary/${encodeURIComponent(route.leaderId)}/${route.date}`;
    case 'directives':
      return route.id ? `#/directives/${encodeURIComponent(route.id)}` : '#/directives';
    case 'progress':
      return route.scope.type === 'pc' ? `#/progress/${route.scope.pcNo}` : `#/progress/district/${route.scope.districtCode}`;
    case 'review':
      return `#/review/${route.index}`;
    case 'syncAdmin':
      return '#/sync-admin';
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Exclude<Route, { name: 'notFound' }>): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
