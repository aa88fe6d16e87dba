import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_COUNTER, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../../shared/sync/hlc';

const h = (millis: number, counter = 0, node = 'aaaa'): Hlc => ({ millis, counter, node });

describe('hybrid logical clock', () => {
  it('stamps are strictly increasing even when the wall clock goes back', () => {
    let last = h(0);
    const stamps: string[] = [];
    for (const wall of [1000, 1000, 1000, 900, 500, 1001, 1001]) {
      last = tickHlc(last, wall);
      stamps.push(formatHlc(last));
    }
    const sorted = [...stamps].sort();
    expect(stamps).toEqual(sorted);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('follows the wall clock when it moves forward', () => {
    expect(tickHlc(h(1000, 7), 2000)).toEqual(h(2000, 0));
  });

  it('after receiving a stamp from the future, the next local stamp orders after it', () => {
    const local = h(1000, 2);
    const remote = h(5000, 3, 'bbbb');
    const merged = receiveHlc(local, remote, 1200);
    expect(merged.node).toBe('aaaa');
    const next = tickHlc(merged, 1300);
    expect(formatHlc(next) > formatHlc({ ...remote, node: 'aaaa' })).toBe(true);
    expect(merged).toEqual(h(5000, 4));
  });

  it('receive with equal millis takes the larger counter plus one', () => {
    expect(receiveHlc(h(1000, 5), h(1000, 9, 'b'), 1000)).toEqual(h(1000, 10));
    expect(receiveHlc(h(1000, 5), h(900, 9, 'b'), 800)).toEqual(h(1000, 6));
  });

  it('counter overflow moves to the next millisecond instead of wrapping', () => {
    const next = tickHlc(h(1000, MAX_COUNTER), 1000);
    expect(next).toEqual(h(1001, 0));
    expect(formatHlc(next) > formatHlc(h(1000, MAX_COUNTER))).toBe(true);
    expect(receiveHlc(h(1000, MAX_COUNTER), h(1000, MAX_COUNTER, 'b'), 0)).toEqual(h(1001, 0));
  });

  it('format and parse round-trip, and string order is clock order', () => {
    const x = h(1735689600000, 42, 'f00d');
    expect(parseHlc(formatHlc(x))).toEqual(x);
    expect(formatHlc(h(999, 99999)) < formatHlc(h(1000, 0))).toBe(true);
    expect(() => parseHlc('garbage')).toThrow();
  });
});
