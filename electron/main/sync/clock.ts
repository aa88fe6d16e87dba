import { randomBytes } from 'node:crypto';
import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../../shared/sync/hlc';
import { MAX_SKEW_MS } from '../../../shared/sync/protocol';
import type { Db } from '../db/connection';
import { maxLoggedHlc } from '../db/repositories/changeLog';
import { getMeta, setMeta } from '../db/repositories/meta';

/**
 * The device's hybrid logical clock. It resumes after the newest stamp it ever issued, so a wall clock
 * set back (a common state on office desktops after a power cut) never makes a later change look older.
 */
export class LocalClock {
  private last: Hlc;

  constructor(
    node: string,
    resumeFrom: string | null,
    private readonly wall: () => number,
  ) {
    this.last = resumeFrom ? { ...parseHlc(resumeFrom), node } : { millis: 0, counter: 0, node };
  }

  static open(db: Db, wall: () => number): LocalClock {
    let node = getMeta(db, 'node_id');
    if (!node) {
      node = randomBytes(8).toString('hex');
      setMeta(db, 'node_id', node);
    }
    const stored = getMeta(db, 'hlc_last');
    const logged = maxLoggedHlc(db);
    const resume = [stored, logged].filter((s): s is string => Boolean(s)).sort().pop() ?? null;
    return new LocalClock(node, resume, wall);
  }

  tick(): string {
    this.last = tickHlc(this.last, this.wall());
    return formatHlc(this.last);
  }

  /**
   * A stamp for an edit of a row last stamped `base`: later than `base` whatever the wall clock and the
   * skew bound. The row is already here, so its stamp is no longer a stranger's wrong date: an edit
   * made now must order after it, or the server would let the older value win.
   */
  tickAfter(base: string | null): string {
    if (base && base >= formatHlc(this.last)) {
      this.last = receiveHlc(this.last, parseHlc(base), this.wall());
      return formatHlc(this.last);
    }
    return this.tick();
  }

  /**
   * Merge a stamp from another machine so the next local change orders after it. A stamp further ahead
   * of this machine's wall clock than MAX_SKEW_MS moves the clock only that far (one machine with a
   * wrong date must not drag everyone into the future); returns how far ahead the stamp was, in ms.
   */
  receive(remote: string): number {
    const r = parseHlc(remote);
    const wall = this.wall();
    const ahead = r.millis - wall;
    const bounded = ahead > MAX_SKEW_MS ? { ...r, millis: wall + MAX_SKEW_MS, counter: 0 } : r;
    this.last = receiveHlc(this.last, bounded, wall);
    return ahead;
  }

  /** The newest stamp issued or received, to persist across restarts. */
  get lastStamp(): string {
    return formatHlc(this.last);
  }

  get node(): string {
    return this.last.node;
  }
}
