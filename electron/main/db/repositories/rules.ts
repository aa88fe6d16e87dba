import type { CommitteeCategory, CompletenessRule, OrgLevel, Role } from '../../../../shared/domain/types';
import { COMMITTEE_CATEGORIES, ORG_LEVELS } from '../../../../shared/domain/types';
import type { Db } from '../connection';

interface RuleRow {
  level: string;
  category: string;
  required_roles: string;
  min_members: number;
}

function parseRoles(text: string): Role[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as Role[]) : [];
  } catch {
    return [];
  }
}

const toRule = (r: RuleRow): CompletenessRule => ({
  level: r.level as OrgLevel,
  category: r.category as CommitteeCategory,
  requiredRoles: parseRoles(r.required_roles),
  minMembers: r.min_members,
});

export function ruleId(level: OrgLevel, category: CommitteeCategory): string {
  return `${level}:${category}`;
}

export function listRules(db: Db): CompletenessRule[] {
  const rows = (
    db.prepare('SELECT level, category, required_roles, min_members FROM completeness_rules WHERE deleted = 0').all() as RuleRow[]
  ).map(toRule);
  const li = (l: string) => ORG_LEVELS.indexOf(l as OrgLevel);
  const ci = (c: string) => COMMITTEE_CATEGORIES.indexOf(c as CommitteeCategory);
  return rows.sort((a, b) => li(a.level) - li(b.level) || ci(a.category) - ci(b.category));
}

export function getRule(db: Db, level: OrgLevel, category: CommitteeCategory): CompletenessRule | undefined {
  const r = db
    .prepare('SELECT level, category, required_roles, min_members FROM completeness_rules WHERE level = ? AND category = ? AND deleted = 0')
    .get(level, category) as RuleRow | undefined;
  return r ? toRule(r) : undefined;
}
