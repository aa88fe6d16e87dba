import { describe, expect, it } from 'vitest';
import { mergeOp, type MergeDecision, type ServerRow } from '../../../shared/sync/merge';
import type { PushOp } from '../../../shared/sync/protocol';

// Stamps of two devices: B's are newer than A's.
const A1 = '001768024800000-00000-aaaaaaaaaaaaaaaa';
const B2 = '001768024900000-00000-bbbbbbbbbbbbbbbb';

function stored(table: string, status: string): ServerRow {
  return { table, id: 'r1', bucket: 'ac:3', data: { status, ac_no: 3 }, stamps: { status: A1, ac_no: A1, deleted: A1 }, hlc: A1, deleted: 0 };
}

function setStatus(table: string, status: string): PushOp {
  return { seq: 1, table, id: 'r1', op: 'upsert', hlc: B2, baseHlc: A1, fields: ['status'], data: { status, ac_no: 3 } };
}

function applied(d: MergeDecision) {
  if (d.kind === 'rejected') throw new Error(d.reason);
  return d;
}

describe('merge rules: status state machines', () => {
  it('keeps a held visit held when a newer change would make it proposed, and lists the loser as a status conflict', () => {
    const d = applied(mergeOp(stored('visits', 'held'), setStatus('visits', 'proposed')));
    expect(d.row.data.status).toBe('held');
    expect(d.changed).toBe(false);
    expect(d.lost).toEqual([{ field: 'status', losingValue: 'proposed', losingHlc: B2, winningValue: 'held', winningHlc: A1, reason: 'status' }]);
  });

  it('takes a newer legal step of a visit (confirmed → held, cancelled → proposed)', () => {
    expect(applied(mergeOp(stored('visits', 'confirmed'), setStatus('visits', 'held'))).row.data.status).toBe('held');
    const d = applied(mergeOp(stored('visits', 'cancelled'), setStatus('visits', 'proposed')));
    expect(d.row.data.status).toBe('proposed');
    expect(d.lost).toEqual([]);
  });

  it('refuses a proposed visit jumping to held, as the app does', () => {
    const d = applied(mergeOp(stored('visits', 'proposed'), setStatus('visits', 'held')));
    expect(d.row.data.status).toBe('proposed');
    expect(d.lost.map((l) => l.reason)).toEqual(['status']);
  });

  it('still guards committee status, and leaves the status of other tables to last writer wins', () => {
    expect(applied(mergeOp(stored('committees', 'verified'), setStatus('committees', 'declared'))).row.data.status).toBe('verified');
    expect(applied(mergeOp(stored('visit_requests', 'withdrawn'), setStatus('visit_requests', 'open'))).row.data.status).toBe('open');
  });
});
