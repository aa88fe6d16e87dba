import type { Leader, PollDate, Venue, Visit, VisitStatus } from './types';

export type CoverageState = 'held' | 'confirmed' | 'proposed' | 'gap';

export interface CoverageRow {
  pcNo: number;
  pollDate: string | null;
  phase: number | null;
  /** The strongest national-leader rally before polling: held beats confirmed beats proposed; none = gap. */
  state: CoverageState;
  visits: { visitId: string; leaderId: string; date: string; status: VisitStatus }[];
}

const RANK: Record<CoverageState, number> = { gap: 0, proposed: 1, confirmed: 2, held: 3 };

/**
 * Which Lok Sabha constituencies have had, or will have, a national leader's rally before their polling
 * date. Gaps first (earliest polling first — the most urgent), then proposed, confirmed, held.
 */
export function computeCoverage(
  pcNos: readonly number[],
  pollDates: readonly PollDate[],
  visits: readonly Visit[],
  leaders: ReadonlyMap<string, Leader>,
  venues: ReadonlyMap<string, Venue>,
): CoverageRow[] {
  const poll = new Map(pollDates.map((p) => [p.pcNo, p]));
  const rows = new Map<number, CoverageRow>(
    pcNos.map((pcNo) => [pcNo, { pcNo, pollDate: poll.get(pcNo)?.pollDate ?? null, phase: poll.get(pcNo)?.phase ?? null, state: 'gap', visits: [] }]),
  );
  for (const v of visits) {
    if (v.status === 'cancelled') continue;
    if (leaders.get(v.leaderId)?.tier !== 'national') continue;
    const venue = venues.get(v.venueId);
    const row = venue && rows.get(venue.pcNo);
    if (!row) continue;
    if (row.pollDate && v.date >= row.pollDate) continue;
    row.visits.push({ visitId: v.id, leaderId: v.leaderId, date: v.date, status: v.status });
    const s = v.status as CoverageState;
    if (RANK[s] > RANK[row.state]) row.state = s;
  }
  return [...rows.values()].sort(
    (a, b) => RANK[a.state] - RANK[b.state] || (a.pollDate ?? '9999').localeCompare(b.pollDate ?? '9999') || a.pcNo - b.pcNo,
  );
}
