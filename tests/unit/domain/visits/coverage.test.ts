import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../../shared/domain/visits/coverage';
import { leader, venue, visit } from './fixtures';

describe('coverage of Lok Sabha constituencies by national-leader rallies', () => {
  const leaders = new Map([
    ['N', leader({ id: 'N', tier: 'national' })],
    ['S', leader({ id: 'S', tier: 'state' })],
  ]);
  const venues = new Map([
    ['V8', venue('V8', { pcNo: 8 })],
    ['V9', venue('V9', { pcNo: 9 })],
    ['V10', venue('V10', { pcNo: 10 })],
  ]);
  const polls = [
    { pcNo: 8, phase: 2, pollDate: '2026-05-13' },
    { pcNo: 9, phase: 1, pollDate: '2026-04-20' },
    { pcNo: 10, phase: 1, pollDate: '2026-04-20' },
    { pcNo: 11, phase: 3, pollDate: '2026-05-20' },
  ];

  it('gaps first (earliest polling first); only national leaders, before polling, not cancelled, count', () => {
    const rows = computeCoverage([8, 9, 10, 11], polls, [
      visit('a', { leaderId: 'N', venueId: 'V8', status: 'confirmed' }),
      visit('b', { leaderId: 'N', venueId: 'V8', status: 'held', date: '2026-04-02' }),
      visit('c', { leaderId: 'S', venueId: 'V9', status: 'confirmed' }),
      visit('d', { leaderId: 'N', venueId: 'V10', status: 'proposed', date: '2026-04-25' }),
      visit('e', { leaderId: 'N', venueId: 'V10', status: 'cancelled' }),
    ], leaders, venues);
    expect(rows.map((r) => [r.pcNo, r.state])).toEqual([
      [9, 'gap'],
      [10, 'gap'],
      [11, 'gap'],
      [8, 'held'],
    ]);
    expect(rows[3].visits.map((v) => v.visitId)).toEqual(['a', 'b']);
  });
});
