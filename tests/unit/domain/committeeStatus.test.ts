import { describe, expect, it } from 'vitest';
import { canTransition, nextStatuses } from '../../../shared/domain/committeeStatus';
import { COMMITTEE_STATUSES } from '../../../shared/domain/types';

describe('committee state machine', () => {
  it('goes not formed → declared → verified', () => {
    expect(canTransition('not_formed', 'declared')).toBe(true);
    expect(canTransition('declared', 'verified')).toBe(true);
  });

  it('cannot verify what was never declared', () => {
    expect(canTransition('not_formed', 'verified')).toBe(false);
  });

  it('a verified committee can only be dissolved, and a dissolved one declared again', () => {
    expect(nextStatuses('verified')).toEqual(['dissolved']);
    expect(canTransition('verified', 'declared')).toBe(false);
    expect(canTransition('dissolved', 'declared')).toBe(true);
    expect(canTransition('dissolved', 'verified')).toBe(false);
  });

  it('no status moves to itself or back to not formed', () => {
    for (const s of COMMITTEE_STATUSES) {
      expect(canTransition(s, s)).toBe(false);
      expect(canTransition(s, 'not_formed')).toBe(false);
    }
  });
});
