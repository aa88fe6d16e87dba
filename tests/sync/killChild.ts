/**
 * A control room process for tests/sync/kill.test.ts: opens its database file, optionally commits one
 * local change, then syncs — and stops dead at a chosen point so the test can SIGKILL it there:
 * `mid-page:<n>` inside the transaction writing pull page n, `after-page:<n>` once page n is written,
 * `after-push:<n>` once the server answered push batch n (applied there, the answers not yet stored here),
 * `mid-answers:<n>` inside the transaction that stores batch n's answers (deletes its outbox entries).
 * Usage: node --import tsx tests/sync/killChild.ts <dbPath> <nowMs> <stop> <pullLimit = pushBatch> [<person id to rename>]
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../electron/main/core';
import { SyncClient } from '../../electron/main/sync/syncClient';
import { beginChange, upsertRow } from '../../electron/main/sync/writer';

const [dbPath, nowArg, stop, limitArg, renameId] = process.argv.slice(2);
const now = () => Number(nowArg);
const limit = Number(limitArg);
const [kind, pageArg] = stop.split(':');
const page = Number(pageArg);

function halt(reason: string): void {
  writeSync(1, `KILL-POINT ${reason}\n`);
  // Block this process where it stands until the test kills it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

const core = createCore({ dbPath, resourcesDir: 'resources', mode: 'web', now });
if (renameId) {
  core.db.transaction(() => upsertRow(beginChange(core.db, core.clock, 'operator', new Date(now()).toISOString()), 'people', renameId, { name_en: 'Renamed before the crash' }, 'test'))();
  writeSync(1, 'COMMITTED\n');
}
let written = 0;
if (kind === 'mid-page') {
  // Every pulled row of this test is a person: stop half-way through writing page `page`.
  core.db.function('kill_point', () => {
    written++;
    if (written === (page - 1) * limit + Math.floor(limit / 2)) halt('mid-page');
    return null;
  });
  core.db.exec(`CREATE TEMP TRIGGER kill_point_ins AFTER INSERT ON people BEGIN SELECT kill_point(); END;
                CREATE TEMP TRIGGER kill_point_upd AFTER UPDATE ON people BEGIN SELECT kill_point(); END;`);
}
if (kind === 'mid-answers') {
  // Stop half-way through deleting the outbox entries batch `page` was answered for.
  let deleted = 0;
  core.db.function('kill_point', () => {
    deleted++;
    if (deleted === (page - 1) * limit + Math.floor(limit / 2)) halt('mid-answers');
    return null;
  });
  core.db.exec('CREATE TEMP TRIGGER kill_point_del AFTER DELETE ON outbox BEGIN SELECT kill_point(); END;');
}
let pushes = 0;
const client = new SyncClient(core.db, core.clock, now, {
  pullLimit: limit,
  pushBatch: limit,
  fetch: async (input, init) => {
    const res = await fetch(input, init);
    if (kind === 'after-push' && String(input).endsWith('/sync/push') && ++pushes === page) {
      // The answer is here: read it off the wire, so the server has finished the batch, then stop.
      await res.clone().text();
      halt('after-push');
    }
    return res;
  },
  onProgress: (p) => {
    if (kind === 'after-page' && p.phase === 'pull' && p.done === page * limit) halt('after-page');
  },
});
client.sync().then(
  () => {
    writeSync(1, 'DONE\n');
    core.close();
  },
  (err: unknown) => {
    writeSync(2, `${(err as Error).message}\n`);
    process.exit(1);
  },
);
