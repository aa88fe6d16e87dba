import { computeCommitteeCompleteness } from '../../../shared/domain/completeness';
import type { CommitteeCategory, CompletenessRule, OrgLevel, Role } from '../../../shared/domain/types';
import { committeesForRule } from '../db/repositories/committees';
import { listRules, ruleId } from '../db/repositories/rules';
import { upsertRow } from '../sync/writer';
import { unitLevelsForRule } from './committees';
import { inChange, requireStateAdmin, type ServiceContext } from './context';

export function getRules(ctx: ServiceContext): CompletenessRule[] {
  return listRules(ctx.db);
}

/**
 * Change a completeness rule and, in the same change, every committee it governs: a dashboard must
 * never show figures computed under the old rule next to the new one.
 */
export function updateRule(
  ctx: ServiceContext,
  input: { level: OrgLevel; category: CommitteeCategory; requiredRoles: Role[]; minMembers: number },
): CompletenessRule {
  const user = requireStateAdmin(ctx, 'change completeness rules');
  const requiredRoles = [...new Set(input.requiredRoles)];
  const rule: CompletenessRule = { level: input.level, category: input.category, requiredRoles, minMembers: input.minMembers };
  inChange(ctx, user.id, (w) => {
    upsertRow(
      w,
      'completeness_rules',
      ruleId(input.level, input.category),
      { level: input.level, category: input.category, required_roles: JSON.stringify(requiredRoles), min_members: input.minMembers, deleted: 0 },
      'rule.update',
    );
    for (const c of committeesForRule(ctx.db, unitLevelsForRule(input.level), input.category)) {
      const complete = computeCommitteeCompleteness(rule, c.roles).complete;
      if (complete !== c.complete || c.memberCount !== c.roles.length) {
        upsertRow(w, 'committees', c.id, { complete: complete ? 1 : 0, member_count: c.roles.length }, 'rule.update');
      }
    }
  });
  return rule;
}
