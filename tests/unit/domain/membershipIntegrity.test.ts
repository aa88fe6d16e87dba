import { describe, expect, it } from 'vitest';
import {
  consecutiveRuns,
  DEFAULT_THRESHOLDS,
  explainFinding,
  findProblemsInScope,
  keyInScope,
  scopeOf,
  findIntegrityProblems,
  findingBlocksVerification,
  type BoothFacts,
  type EnrollerFacts,
  type Finding,
  type MemberFacts,
} from '../../../shared/domain/membershipIntegrity';

const booth = (id: string, electors: number | null, pcNo = 6, acNo = 35, districtCode = '355'): BoothFacts => ({ id, code: `BT-${id}`, electors, acNo, pcNo, districtCode });
const BOOTHS = new Map([booth('b1', 1000), booth('b2', 1000), booth('b3', 10), booth('far', 1000, 1, 1, '350')].map((b) => [b.id, b]));
const trainedBoothEnroller = (id: string, boothId: string, trained = true): EnrollerFacts => ({ id, loginId: `L-${id}`, level: 'booth', boothId, districtCode: null, acNo: null, trained });
const ENROLLERS = new Map([trainedBoothEnroller('e1', 'b1'), trainedBoothEnroller('e2', 'b2'), trainedBoothEnroller('raw', 'b1', false)].map((e) => [e.id, e]));

let seq = 0;
let phoneSeq = 7000000000;
function member(over: Partial<MemberFacts> = {}): MemberFacts {
  seq++;
  phoneSeq += 7;
  return { id: `m${seq}`, phone: String(phoneSeq), epic: null, boothId: 'b1', enrollerId: 'e1', enrolledAt: `2026-01-10T${String(10 + (seq % 8)).padStart(2, '0')}:00`, scopePcNo: null, ...over };
}
const run = (members: MemberFacts[]): Finding[] => findIntegrityProblems(members, ENROLLERS, BOOTHS, DEFAULT_THRESHOLDS);
const rules = (fs: Finding[]) => fs.map((f) => f.rule).sort();

describe('membership integrity rules', () => {
  it('clean records raise nothing', () => {
    expect(run([member(), member(), member({ boothId: 'b2', enrollerId: 'e2' })])).toEqual([]);
  });

  it('the same phone on two records across booths and imports is a duplicate; four or more is many on one phone', () => {
    const a = member({ phone: '9876543210' });
    const b = member({ phone: '9876543210', boothId: 'b2', enrollerId: 'e2' });
    const [f] = run([a, b, member()]);
    expect(f).toMatchObject({ rule: 'duplicate_phone', key: 'duplicate_phone:9876543210', memberIds: [a.id, b.id], params: { count: 2, booths: 2 } });
    const many = [1, 2, 3, 4].map(() => member({ phone: '9123456789' }));
    expect(rules(run(many))).toEqual(['shared_phone']);
  });

  it('the same EPIC on two records', () => {
    const fs = run([member({ epic: 'ABC1234567' }), member({ epic: 'ABC1234567', boothId: 'b2', enrollerId: 'e2' })]);
    expect(rules(fs)).toEqual(['duplicate_epic']);
    expect(fs[0].params).toMatchObject({ count: 2, booths: 2 });
  });

  it('five consecutive phone numbers are a run; four are not', () => {
    const five = [0, 1, 2, 3, 4].map((i) => member({ phone: String(9800000010 + i) }));
    const fs = run(five);
    expect(rules(fs)).toEqual(['phone_run']);
    expect(fs[0].params).toMatchObject({ length: 5, count: 5, phone: '9800000010' });
    expect(run(five.slice(0, 4))).toEqual([]);
  });

  it('more than 30 sign-ups by one enroller in one hour, or 200 in a day', () => {
    const hour = Array.from({ length: 31 }, (_, i) => member({ enrolledAt: `2026-01-11T10:${String(i).padStart(2, '0')}` }));
    expect(rules(run(hour))).toEqual(['velocity_hour']);
    expect(run(hour.slice(0, 30))).toEqual([]);
    const day = Array.from({ length: 201 }, (_, i) => member({ enrolledAt: `2026-01-12T${String(6 + (i % 16)).padStart(2, '0')}:00` }));
    expect(rules(run(day))).toEqual(['velocity_day']);
  });

  it('bulk sign-ups at night count across midnight as one night', () => {
    const night = Array.from({ length: 11 }, (_, i) => member({ enrolledAt: i < 5 ? `2026-01-12T23:${String(i * 5).padStart(2, '0')}` : `2026-01-13T0${(i - 5) % 5}:1${i % 10}` }));
    const fs = run(night);
    expect(rules(fs)).toEqual(['night_bulk']);
    expect(fs[0].params).toMatchObject({ count: 11, at: '2026-01-12' });
  });

  it('thresholds are configurable', () => {
    const hour = Array.from({ length: 6 }, (_, i) => member({ enrolledAt: `2026-01-11T10:0${i}` }));
    expect(findIntegrityProblems(hour, ENROLLERS, BOOTHS, { ...DEFAULT_THRESHOLDS, maxPerHour: 5 }).map((f) => f.rule)).toEqual(['velocity_hour']);
  });

  it('a booth above the share of its electorate: the sign-ups past the limit are flagged', () => {
    const list = Array.from({ length: 7 }, (_, i) => member({ boothId: 'b3', enrollerId: null, enrolledAt: `2026-01-1${i}T10:00` }));
    const fs = run(list);
    expect(rules(fs)).toEqual(['booth_over_share']);
    expect(fs[0].memberIds).toEqual(list.slice(5).map((m) => m.id));
    expect(fs[0].params).toMatchObject({ count: 7, electors: 10, share: 50, limit: 5 });
  });

  it('an untrained enroller, and an enroller not of that booth', () => {
    expect(rules(run([member({ enrollerId: 'raw' })]))).toEqual(['enroller_untrained']);
    const fs = run([member({ enrollerId: 'e2', boothId: 'b1' })]);
    expect(rules(fs)).toEqual(['enroller_wrong_booth']);
  });

  it('a chief enroller may enrol anywhere in their AC, not outside it', () => {
    const chief: EnrollerFacts = { id: 'c1', loginId: 'CH-1', level: 'chief', boothId: null, districtCode: '355', acNo: 35, trained: true };
    const enrollers = new Map([['c1', chief]]);
    expect(findIntegrityProblems([member({ enrollerId: 'c1' })], enrollers, BOOTHS)).toEqual([]);
    expect(findIntegrityProblems([member({ enrollerId: 'c1', boothId: 'far' })], enrollers, BOOTHS).map((f) => f.rule)).toEqual(['enroller_wrong_booth']);
  });

  it('a booth outside the Lok Sabha the import was made for', () => {
    const fs = run([member({ boothId: 'far', enrollerId: null, scopePcNo: 6 }), member({ scopePcNo: 6 })]);
    expect(rules(fs)).toEqual(['booth_out_of_scope']);
    expect(fs[0].params).toMatchObject({ booth: 'BT-far', pcNo: 6, count: 1 });
  });

  it('explanations are clear and mask personal data; dismissed findings stop blocking verification', () => {
    const [f] = run([member({ phone: '9876543210' }), member({ phone: '9876543210' })]);
    const text = explainFinding(f, (_k, v) => `${v.slice(0, 2)}…${v.slice(-2)}`);
    expect(text).toBe('Phone 98…10 is on 2 records in 1 booth(s).');
    expect(text).not.toContain('9876543210');
    expect(findingBlocksVerification('open')).toBe(true);
    expect(findingBlocksVerification('confirmed')).toBe(true);
    expect(findingBlocksVerification('dismissed')).toBe(false);
  });
});

describe('incremental scope', () => {
  it('finds runs of consecutive numbers in a sorted list', () => {
    expect(consecutiveRuns(Float64Array.from([1, 2, 3, 7, 8, 9, 10, 11, 20]), 3)).toEqual([
      [0, 3],
      [3, 5],
    ]);
    expect(consecutiveRuns(Float64Array.from([1, 3, 5]), 2)).toEqual([]);
  });

  it('a key is in scope when its phone, voter id, enroller or booth is; phone runs always are', () => {
    const scope = scopeOf([{ phone: '9811100001', epic: 'ABC1234567', enrollerId: 'e1', boothId: 'b1' }]);
    expect(keyInScope('duplicate_phone:9811100001', scope)).toBe(true);
    expect(keyInScope('shared_phone:9811100002', scope)).toBe(false);
    expect(keyInScope('duplicate_epic:ABC1234567', scope)).toBe(true);
    expect(keyInScope('velocity_hour:e1|2026-01-05T10', scope)).toBe(true);
    expect(keyInScope('night_bulk:e2|2026-01-05', scope)).toBe(false);
    expect(keyInScope('enroller_untrained:e1', scope)).toBe(true);
    expect(keyInScope('booth_over_share:b2', scope)).toBe(false);
    expect(keyInScope('booth_out_of_scope:b1', scope)).toBe(true);
    expect(keyInScope('phone_run:9811100001', scope)).toBe(true);
  });

  it('keeps only findings of the scope: a group seen partly (another phone of the same booth) is left alone', () => {
    const a = member({ phone: '9811100001', boothId: 'b1', enrollerId: null });
    const b = member({ phone: '9811100001', boothId: 'b2', enrollerId: null });
    const c = member({ phone: '9822200002', boothId: 'b1', enrollerId: null });
    // Only one of c's phone twins is loaded (it came in through booth b1): its duplicate must not be judged.
    const found = findProblemsInScope([a, b, c], ENROLLERS, BOOTHS, DEFAULT_THRESHOLDS, scopeOf([a]));
    expect(found.map((f) => f.key)).toEqual(['duplicate_phone:9811100001']);
  });
});
