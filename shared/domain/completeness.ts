import type { CommitteeCategory, CompletenessResult, CompletenessRule, Figure, OrgLevel, Role } from './types';

/**
 * Default completeness rules. Booth committees follow the common pattern of a president,
 * a booth-level agent (BLA) and a small working team; higher levels need their core office-bearers.
 * The state admin can edit every rule; these are only the starting point.
 */
export function defaultCompletenessRules(): CompletenessRule[] {
  const main: Record<OrgLevel, { roles: Role[]; min: number }> = {
    state: { roles: ['president', 'general_secretary', 'treasurer'], min: 11 },
    district: { roles: ['president', 'general_secretary', 'treasurer'], min: 9 },
    block: { roles: ['president', 'general_secretary', 'treasurer'], min: 7 },
    mandal: { roles: ['president', 'general_secretary'], min: 7 },
    panchayat: { roles: ['president', 'secretary'], min: 5 },
    booth: { roles: ['president', 'bla'], min: 5 },
  };
  const rules: CompletenessRule[] = [];
  for (const level of Object.keys(main) as OrgLevel[]) {
    rules.push({ level, category: 'main', requiredRoles: main[level].roles, minMembers: main[level].min });
    for (const category of ['frontal', 'department', 'cell'] as CommitteeCategory[]) {
      rules.push({ level, category, requiredRoles: ['president'], minMembers: 3 });
    }
    for (const category of ['media', 'social_media'] as CommitteeCategory[]) {
      rules.push({ level, category, requiredRoles: ['convenor'], minMembers: 3 });
    }
  }
  return rules;
}

/** A committee is complete when every required role is filled and it has at least the minimum members. */
export function computeCommitteeCompleteness(
  rule: Pick<CompletenessRule, 'requiredRoles' | 'minMembers'> | undefined,
  roles: readonly Role[],
): CompletenessResult {
  if (!rule) return { complete: roles.length > 0, missingRoles: [], membersShort: roles.length > 0 ? 0 : 1 };
  const held = new Set(roles);
  const missingRoles = rule.requiredRoles.filter((r) => !held.has(r));
  const membersShort = Math.max(0, rule.minMembers - roles.length);
  return { complete: missingRoles.length === 0 && membersShort === 0, missingRoles, membersShort };
}

/**
 * Completeness of a unit = verified-and-complete children ÷ expected children. Callers pass counts that
 * already exclude closed units from both sides, so the result can never exceed 100%; it is clamped anyway
 * because a figure above 100% in a review meeting would be a lie whatever its cause.
 */
export function toFigure(expected: number, declared: number, verified: number, done: number): Figure {
  const e = Math.max(0, expected);
  const d = Math.min(Math.max(0, done), e);
  return {
    expected: e,
    declared: Math.min(declared, e),
    verified: Math.min(verified, e),
    done: d,
    pct: e === 0 ? null : Math.round((d / e) * 1000) / 10,
  };
}
