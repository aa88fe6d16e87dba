import type { AreaFigure, MembershipArea, MembershipFigure } from '../../../../shared/ipc/views';

export type MembershipMapMeasure = 'members' | 'target' | 'flagged';

/** Percent, one decimal; null when there is nothing to divide by. */
export function pctOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export interface MembershipHeadline {
  claimed: number;
  verified: number;
  flagged: number;
  targetPct: number | null;
  verifiedTargetPct: number | null;
  digitalPct: number | null;
  offlinePct: number | null;
  womenPct: number | null;
}

export function membershipHeadline(f: MembershipFigure): MembershipHeadline {
  return {
    claimed: f.claimed,
    verified: f.verified,
    flagged: f.claimed - f.verified,
    targetPct: pctOf(f.claimed, f.target),
    verifiedTargetPct: pctOf(f.verified, f.target),
    digitalPct: pctOf(f.digital, f.claimed),
    offlinePct: pctOf(f.claimed - f.digital, f.claimed),
    womenPct: pctOf(f.women, f.claimed),
  };
}

/**
 * Membership areas as the choropleth's figures: the map colours by `pct`, so each measure puts its
 * share there — verified members as % of target, flagged records as % of claimed, or members per unit
 * as % of the largest unit on the layer.
 */
export function membershipMapFigures(areas: readonly MembershipArea[], measure: MembershipMapMeasure): AreaFigure[] {
  const max = Math.max(0, ...areas.map((a) => a.claimed));
  return areas.map((a) => ({
    featureId: a.featureId,
    unitId: a.code,
    nameEn: a.nameEn,
    nameHi: a.nameHi,
    expected: a.target,
    declared: a.claimed,
    verified: a.verified,
    done: a.verified,
    pct: measure === 'target' ? pctOf(a.verified, a.target) : measure === 'flagged' ? pctOf(a.claimed - a.verified, a.claimed) : pctOf(a.claimed, max),
  }));
}
