/**
 * `npm run demo [-- --db <file>] [--seed <n>]`: create (or reuse) a database, load the reference
 * geography and generate the seeded full-scale demo dataset, printing progress and the counts.
 * Default database: the same per-user file the web host and the desktop app open.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../electron/main/db/connection';
import { migrate } from '../electron/main/db/migrations';
import { setMeta } from '../electron/main/db/repositories/meta';
import { generateDemo } from '../electron/main/services/demo/generateDemo';
import { loadReference, SYSTEM_USER_ID } from '../electron/main/services/reference/loadReference';
import { LocalClock } from '../electron/main/sync/clock';

/** Mirrors startWebHost's defaultDatabasePath (not exported there, and importing that module starts the host). */
function defaultDatabasePath(): string {
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'));
  return path.join(base, 'sangathan-control-room', 'sangathan.sqlite');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const dbPath = path.resolve(values.db ?? process.env.SANGATHAN_DB ?? defaultDatabasePath());
  const seed = Number(values.seed ?? '2026');
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`The seed "${values.seed}" is not a whole number.`);
  mkdirSync(path.dirname(dbPath), { recursive: true });

  const db = openDatabase(dbPath);
  try {
    migrate(db);
    const clock = LocalClock.open(db, () => Date.now());
    const started = Date.now();
    loadReference(db, clock, path.resolve(__dirname, '..', 'resources'));
    const refMs = Date.now() - started;
    let lastLine = '';
    await generateDemo({
      db,
      clock,
      userId: SYSTEM_USER_ID,
      seed,
      now: Date.now(),
      resourcesDir: path.resolve(__dirname, '..', 'resources'),
      onProgress: (p, stage) => {
        const line = `  ${stage.padEnd(10)} ${String(Math.round(p * 100)).padStart(3)}%`;
        if (line !== lastLine && process.stdout.isTTY) process.stdout.write(`\r${line}`);
        lastLine = line;
      },
    });
    setMeta(db, 'setup_done', '1');
    const totalMs = Date.now() - started;
    if (process.stdout.isTTY) process.stdout.write('\n');

    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const byLevel = db.prepare('SELECT level, count(*) AS n FROM org_units WHERE deleted = 0 GROUP BY level').all() as {
      level: string;
      n: number;
    }[];
    const byStatus = db
      .prepare("SELECT status, count(*) AS n FROM committees WHERE deleted = 0 GROUP BY status ORDER BY status")
      .all() as { status: string; n: number }[];
    console.log(
      JSON.stringify(
        {
          database: dbPath,
          seed,
          referenceMs: refMs,
          totalMs,
          units: Object.fromEntries(byLevel.map((r) => [r.level, r.n])),
          committees: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
          completeCommittees: count('SELECT count(*) AS n FROM committees WHERE complete = 1 AND deleted = 0'),
          people: count('SELECT count(*) AS n FROM people'),
          appointments: count('SELECT count(*) AS n FROM appointments'),
          changeLog: count('SELECT count(*) AS n FROM change_log'),
        },
        null,
        2,
      ),
    );
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Demo data could not be generated: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
