import { randomBytes } from 'node:crypto';
import { formatHlc, parseHlc, tickHlc, type Hlc } from '../../../shared/sync/hlc';
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

  get node(): string {
    return this.last.node;
  }
}
