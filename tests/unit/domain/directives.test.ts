import { describe, expect, it } from 'vitest';
import {
  addDays,
  complianceOf,
  compliancePct,
  daysBetween,
  deadlineDate,
  isDueSoon,
  isIsoDate,
  istDateOf,
  mediaCommitteeDone,
  meetingHeldDone,
  partyOfficeDone,
  selectTargetUnits,
  worstStatus,
} from '../../../shared/domain/directives';

describe('deadline maths', () => {
  it('a relative deadline is the meeting date plus N days, across month and year ends', () => {
    expect(deadlineDate({ type: 'days', days: 30 }, '2026-01-10')).toBe('2026-02-09');
    expect(deadlineDate({ type: 'days', days: 15 }, '2026-12-20')).toBe('2027-01-04');
    expect(deadlineDate({ type: 'days', days: 1 }, '2028-02-28')).toBe('2028-02-29');
  });
  it('a fixed deadline ignores the meeting date', () => {
    expect(deadlineDate({ type: 'date', date: '2026-03-31' }, '2026-01-10')).toBe('2026-03-31');
  });
  it('today is the IST date: 18:29 UTC is still the same day, 18:30 UTC is the next', () => {
    expect(istDateOf(Date.parse('2026-02-09T18:29:59Z'))).toBe('2026-02-09');
    expect(istDateOf(Date.parse('2026-02-09T18:30:00Z'))).toBe('2026-02-10');
  });
  it('on the deadline day a unit is pending; from the next IST day it is overdue', () => {
    const deadline = '2026-02-09';
    const lastMinute = istDateOf(Date.parse('2026-02-09T18:29:59Z'));
    expect(complianceOf(false, deadline, lastMinute)).toEqual({ status: 'pending', daysOverdue: 0, daysLeft: 0 });
    const nextDay = istDateOf(Date.parse('2026-02-09T18:30:00Z'));
    expect(complianceOf(false, deadline, nextDay)).toEqual({ status: 'overdue', daysOverdue: 1, daysLeft: -1 });
  });
  it('done wins over overdue, and overdue is never stored: it follows the clock', () => {
    expect(complianceOf(true, '2026-02-09', '2026-05-01').status).toBe('done');
    expect(complianceOf(false, '2026-02-09', '2026-02-01').status).toBe('pending');
    expect(complianceOf(false, '2026-02-09', '2026-02-19').daysOverdue).toBe(10);
  });
  it('due soon: pending within a week of the deadline', () => {
    expect(isDueSoon(complianceOf(false, '2026-02-09', '2026-02-03'))).toBe(true);
    expect(isDueSoon(complianceOf(false, '2026-02-09', '2026-01-20'))).toBe(false);
    expect(isDueSoon(complianceOf(false, '2026-02-09', '2026-02-12'))).toBe(false);
  });
  it('date helpers', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(compliancePct({ done: 1, total: 3 })).toBe(33);
    expect(compliancePct({ done: 0, total: 0 })).toBeNull();
  });
});

describe('computed done rules', () => {
  it('party office in this block: only an office marked as existing counts', () => {
    expect(partyOfficeDone(null)).toBe(false);
    expect(partyOfficeDone({ exists: false })).toBe(false);
    expect(partyOfficeDone({ exists: true })).toBe(true);
  });
  it('media committee declared in this Lok Sabha: declared or verified, not planned or dissolved', () => {
    expect(mediaCommitteeDone([])).toBe(false);
    expect(mediaCommitteeDone([{ status: 'not_formed' }, { status: 'dissolved' }])).toBe(false);
    expect(mediaCommitteeDone([{ status: 'not_formed' }, { status: 'declared' }])).toBe(true);
    expect(mediaCommitteeDone([{ status: 'verified' }])).toBe(true);
  });
  it('a meeting held at this unit: after the directive, not in the future, not the issuing meeting', () => {
    const directive = { meetingId: 'm0', meetingDate: '2026-01-10' };
    expect(meetingHeldDone([{ id: 'm0', heldOn: '2026-01-10' }], directive, '2026-01-20')).toBe(false);
    expect(meetingHeldDone([{ id: 'm1', heldOn: '2026-01-05' }], directive, '2026-01-20')).toBe(false);
    expect(meetingHeldDone([{ id: 'm1', heldOn: '2026-01-25' }], directive, '2026-01-20')).toBe(false);
    expect(meetingHeldDone([{ id: 'm1', heldOn: '2026-01-12' }], directive, '2026-01-20')).toBe(true);
  });
});

describe('who a directive applies to', () => {
  const blocks = [
    { id: 'b1', district: 'A' },
    { id: 'b2', district: 'A' },
    { id: 'b3', district: 'B' },
  ];
  it('every unit of the level when no units were chosen', () => {
    expect(selectTargetUnits(blocks, null).map((b) => b.id)).toEqual(['b1', 'b2', 'b3']);
  });
  it('only the chosen units; a chosen id that is no live unit of the level counts for nothing', () => {
    expect(selectTargetUnits(blocks, ['b3', 'b1', 'gone']).map((b) => b.id)).toEqual(['b1', 'b3']);
  });
  it('the chosen units inside the scope being looked at', () => {
    expect(selectTargetUnits(blocks, ['b1', 'b3'], (b) => b.district === 'A').map((b) => b.id)).toEqual(['b1']);
    expect(selectTargetUnits(blocks, null, (b) => b.district === 'B').map((b) => b.id)).toEqual(['b3']);
  });
});

describe('one colour for a unit under several directives', () => {
  it('overdue beats pending beats done', () => {
    expect(worstStatus(['done', 'pending', 'overdue'])).toBe('overdue');
    expect(worstStatus(['done', 'pending'])).toBe('pending');
    expect(worstStatus(['done'])).toBe('done');
  });
});
