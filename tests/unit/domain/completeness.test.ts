import { describe, expect, it } from 'vitest';
import { computeCommitteeCompleteness, defaultCompletenessRules, toFigure } from '../../../shared/domain/completeness';

describe('computeCommitteeCompleteness', () => {
  const booth = defaultCompletenessRules().find((r) => r.level === 'booth' && r.category === 'main')!;

  it('is complete only when every required role is held and the minimum is reached', () => {
    expect(computeCommitteeCompleteness(booth, ['president', 'bla', 'member', 'member', 'member'])).toEqual({
      complete: true,
      missingRoles: [],
      membersShort: 0,
    });
  });

  it('names the missing roles and how many members are short', () => {
    const r = computeCommitteeCompleteness(booth, ['president', 'member']);
    expect(r.complete).toBe(false);
    expect(r.missingRoles).toEqual(['bla']);
    expect(r.membersShort).toBe(3);
  });

  it('enough members without a required role is not complete', () => {
    expect(computeCommitteeCompleteness(booth, ['president', 'member', 'member', 'member', 'member']).complete).toBe(false);
  });

  it('without a rule, any member makes a committee complete and none does not', () => {
    expect(computeCommitteeCompleteness(undefined, []).complete).toBe(false);
    expect(computeCommitteeCompleteness(undefined, ['member']).complete).toBe(true);
  });

  it('default rules cover every level and category once', () => {
    const rules = defaultCompletenessRules();
    expect(new Set(rules.map((r) => `${r.level}:${r.category}`)).size).toBe(rules.length);
    expect(rules).toHaveLength(6 * 6);
  });
});

describe('toFigure', () => {
  it('never reports more than 100% even when counts disagree', () => {
    const f = toFigure(3, 5, 5, 4);
    expect(f.pct).toBe(100);
    expect(f.done).toBe(3);
    expect(f.declared).toBe(3);
  });

  it('reports no data rather than 0% when nothing is expected', () => {
    expect(toFigure(0, 0, 0, 0).pct).toBeNull();
  });

  it('rounds to one decimal', () => {
    expect(toFigure(3, 1, 1, 1).pct).toBe(33.3);
  });
});
