import { describe, expect, it } from 'vitest';
import { canVisitTransition, nextVisitStatuses } from '../../../../shared/domain/visits/status';
import { VISIT_STATUSES, type VisitStatus } from '../../../../shared/domain/visits/types';

describe('visit state machine', () => {
  it('goes proposed → confirmed → held', () => {
    expect(canVisitTransition('proposed', 'confirmed')).toBe(true);
    expect(canVisitTransition('confirmed', 'held')).toBe(true);
  });

  it('cannot hold a visit that was never confirmed', () => {
    expect(canVisitTransition('proposed', 'held')).toBe(false);
  });

  it('a held visit is final; a cancelled one can only be proposed again', () => {
    expect(nextVisitStatuses('held')).toEqual([]);
    for (const s of VISIT_STATUSES) expect(canVisitTransition('held', s)).toBe(false);
    expect(nextVisitStatuses('cancelled')).toEqual(['proposed']);
  });

  it('no status moves to itself, and an unknown one (a newer client’s) has no steps', () => {
    for (const s of VISIT_STATUSES) expect(canVisitTransition(s, s)).toBe(false);
    expect(canVisitTransition('postponed' as VisitStatus, 'proposed')).toBe(false);
  });
});
