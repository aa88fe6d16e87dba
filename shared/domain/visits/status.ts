import type { VisitStatus } from './types';

/**
 * The visit state machine: proposed → confirmed → held, cancelled from either, a confirmed one can go back
 * to proposed and a cancelled one can be proposed again; a held visit is final. The app's visit service
 * and the state server's merge (shared/sync/merge.ts) both follow it.
 */
const NEXT: Record<VisitStatus, readonly VisitStatus[]> = {
  proposed: ['confirmed', 'cancelled'],
  confirmed: ['held', 'cancelled', 'proposed'],
  held: [],
  cancelled: ['proposed'],
};

// A status the server reads from a pushed row may be one this version does not know (a newer client's):
// no step leads from or to it.
const stepsFrom = (from: string): readonly string[] => (NEXT as Partial<Record<string, readonly VisitStatus[]>>)[from] ?? [];

export function canVisitTransition(from: VisitStatus, to: VisitStatus): boolean {
  return stepsFrom(from).includes(to);
}

export function nextVisitStatuses(from: VisitStatus): readonly VisitStatus[] {
  return NEXT[from];
}
