import { describe, expect, it } from 'vitest';
import { membershipHeadline, membershipMapFigures, pctOf } from '../../../renderer/src/features/membership/membershipShaping';

describe('membership shaping', () => {
  it('headline: flagged, % of target, digital/offline and women shares', () => {
    expect(membershipHeadline({ claimed: 200, verified: 150, target: 1000, digital: 120, women: 90 })).toEqual({
      claimed: 200, verified: 150, flagged: 50, targetPct: 20, verifiedTargetPct: 15, digitalPct: 60, offlinePct: 40, womenPct: 45,
    });
    expect(pctOf(1, 0)).toBeNull();
  });

  it('map figures carry the chosen measure as pct', () => {
    const areas = [
      { featureId: 1, code: 'AC-1', nameEn: 'A', nameHi: null, claimed: 100, verified: 80, target: 400, digital: 0, women: 0 },
      { featureId: 2, code: 'AC-2', nameEn: 'B', nameHi: null, claimed: 50, verified: 50, target: 0, digital: 0, women: 0 },
    ];
    expect(membershipMapFigures(areas, 'target').map((f) => f.pct)).toEqual([20, null]);
    expect(membershipMapFigures(areas, 'flagged').map((f) => f.pct)).toEqual([20, 0]);
    expect(membershipMapFigures(areas, 'members').map((f) => f.pct)).toEqual([100, 50]);
  });
});
