import { describe, expect, it } from 'vitest';
import { appendOutbox, countOutbox, deleteOutbox, listOutbox } from '../../electron/main/db/repositories/outbox';
import { countWaiting } from '../../electron/main/db/repositories/syncViews';
import { makeCore } from './helpers';

describe('changes waiting', () => {
  it('matches the outbox row count, small or large, as sync removes entries from the front', () => {
    const core = makeCore();
    try {
      expect(countWaiting(core.db)).toBe(countOutbox(core.db));
      core.db.transaction(() => {
        for (let i = 0; i < 25_000; i++) {
          appendOutbox(core.db, { tableName: 'people', rowId: `p${i}`, op: 'upsert', data: '{}', hlc: `${String(i).padStart(15, '0')}-00000-n`, fields: null, baseHlc: null });
        }
      })();
      expect(countWaiting(core.db)).toBe(countOutbox(core.db));
      core.db.transaction(() => deleteOutbox(core.db, listOutbox(core.db, 9_000).map((e) => e.seq)))();
      expect(countWaiting(core.db)).toBe(countOutbox(core.db));
      core.db.transaction(() => deleteOutbox(core.db, listOutbox(core.db, 100_000).map((e) => e.seq)))();
      expect(countWaiting(core.db)).toBe(0);
    } finally {
      core.close();
    }
  });
});
