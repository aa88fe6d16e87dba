import type { Db } from '../connection';

/**
 * Whether a leader's helicopter flies only in daylight becomes a per-leader setting (it was a fixed
 * rule). Every helicopter so far was daylight-only, so the column defaults to 1; NULL (a row pulled from a
 * computer that does not know the column yet) also reads as daylight-only.
 */
export function up(db: Db): void {
  db.exec(`ALTER TABLE leaders ADD COLUMN heli_daylight_only INTEGER DEFAULT 1 CHECK (heli_daylight_only IN (0, 1))`);
}
