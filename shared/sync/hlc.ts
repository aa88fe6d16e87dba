/**
 * Hybrid logical clock (Kulkarni et al.), serialised so that string order is causal order:
 * `<physical ms, 15 digits>-<counter, 5 digits>-<node id>`. Every synced row carries the stamp of its
 * last change; the server's conflict rule (last writer wins per field) compares these strings.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 99999;

export function formatHlc(h: Hlc): string {
  return `${String(h.millis).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc {
  const m = /^([0-9]{15})-([0-9]{5})-(.+)$/.exec(s);
  if (!m) throw new Error(`Not a clock stamp: ${s}`);
  return { millis: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

/** Next stamp for a local event, given the last stamp issued and the wall clock. */
export function tickHlc(last: Hlc, now: number): Hlc {
  if (now > last.millis) return { millis: now, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { millis: last.millis + 1, counter: 0, node: last.node };
  return { millis: last.millis, counter: last.counter + 1, node: last.node };
}

/** Merge a stamp received from elsewhere so that the next local event orders after it. */
export function receiveHlc(last: Hlc, remote: Hlc, now: number): Hlc {
  const millis = Math.max(last.millis, remote.millis, now);
  let counter: number;
  if (millis === last.millis && millis === remote.millis) counter = Math.max(last.counter, remote.counter) + 1;
  else if (millis === last.millis) counter = last.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: last.node };
  return { millis, counter, node: last.node };
}
