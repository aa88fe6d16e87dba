/**
 * The sync part of `npm run bench`: the real state server in its own process over loopback, real
 * control rooms (createCore + SyncClient) against it, and the budgets of DESIGN.md "Sync":
 * - initial sync of a full-scale Lok Sabha constituency (~500,000 rows: org units, committees,
 *   office-bearers, members) < 30 s;
 * - 1,000 changes pushed by one room and visible to another < 1 s;
 * - server throughput with 50 concurrent devices pushing ≥ 5,000 operations/s;
 * - local write overhead of the outbox (the writer) versus a plain insert ≤ 2×.
 * The server's rows for the first measure are generated straight into its SQLite file (the bench is
 * about syncing them, not about producing them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type CoreWithInternals } from '../../electron/main/core';
import { storedValuesInserter } from '../../electron/main/db/repositories/syncedRows';
import { SYNCED_TABLES, type SqlValue, type SyncedTable } from '../../electron/main/db/schema';
import { SyncClient } from '../../electron/main/sync/syncClient';
import { beginChange, insertRow, insertRowsBulk, newId } from '../../electron/main/sync/writer';
import { loadGeography } from '../../server/geography';
import { SqliteStorage } from '../../server/storage/sqliteStorage';
import { formatHlc } from '../../shared/sync/hlc';
import type { PushOp, RegisterDeviceResponse } from '../../shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/version';

const INITIAL_ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 500_000);
const INITIAL_BUDGET_MS = 30_000;
const PROPAGATION_CHANGES = 1_000;
const PROPAGATION_BUDGET_MS = 1_000;
const CLIENTS = 50;
const OPS_PER_CLIENT = 1_000;
const THROUGHPUT_TARGET = 5_000;
const WRITE_ROWS = 20_000;
const OVERHEAD_TARGET = 2;
const OVERHEAD_ROUNDS = 7;
const ADMIN_TOKEN = 'bench-admin-token';
const BENCH_PC = 1;

const START = Date.UTC(2026, 0, 10, 6);

/** The full-scale constituency, generated as the server stores it: one bucket per assembly constituency. */
function seedServer(file: string): { rows: number } {
  const geography = loadGeography(path.resolve('resources'));
  const acs = geography.acsOfPc(BENCH_PC);
  const districtOf = new Map<number, string>();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const seqOf = new Map<string, number>();
  let tick = 0;
  const insert = db.prepare('INSERT INTO sync_rows (table_name, id, bucket, seq, data, stamps, hlc, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 0)');
  const put = (table: SyncedTable, id: string, values: Record<string, SqlValue>) => {
    const bucket = `ac:${values.ac_no}`;
    const seq = (seqOf.get(bucket) ?? 0) + 1;
    seqOf.set(bucket, seq);
    const hlc = formatHlc({ millis: START - 86_400_000 + Math.floor(tick / 1000), counter: tick % 1000, node: 'seed' });
    tick++;
    const data: Record<string, SqlValue> = {};
    for (const c of SYNCED_TABLES[table]) data[c] = values[c] ?? null;
    data.updated_by = 'seed';
    const stamps: Record<string, string> = { deleted: hlc };
    for (const c of Object.keys(data)) stamps[c] = hlc;
    insert.run(table, id, bucket, seq, JSON.stringify(data), JSON.stringify(stamps), hlc);
  };
  for (const ac of acs) districtOf.set(ac, ac <= 3 ? '352' : '353');
  // Per assembly constituency: 30 mandals of 11 booths; one committee per unit with 11 office-bearers;
  // members make up the rest of the ~500,000 rows.
  const mandalsPerAc = 30;
  const boothsPerMandal = 11;
  const bearers = 11;
  const units = acs.length * mandalsPerAc * (1 + boothsPerMandal);
  const members = Math.max(0, INITIAL_ROWS - units * (2 + 2 * bearers));
  let rows = 0;
  db.transaction(() => {
    for (const ac of acs) {
      const district = districtOf.get(ac)!;
      const booths: string[] = [];
      for (let m = 0; m < mandalsPerAc; m++) {
        const mandal = `bench-m-${ac}-${m}`;
        const unitsHere = [mandal];
        put('org_units', mandal, { level: 'mandal', code: `BM-${ac}-${m}`, name_en: `Mandal ${ac}/${m}`, parent_id: `ref-AC-${ac}`, district_code: district, ac_no: ac, pc_no: BENCH_PC, closed: 0, source: 'demo' });
        for (let b = 0; b < boothsPerMandal; b++) {
          const booth = `bench-b-${ac}-${m}-${b}`;
          put('org_units', booth, { level: 'booth', code: `BB-${ac}-${m}-${b}`, name_en: `Booth ${ac}/${m}/${b}`, parent_id: mandal, district_code: district, ac_no: ac, pc_no: BENCH_PC, closed: 0, electors: 900, source: 'demo' });
          unitsHere.push(booth);
          booths.push(booth);
        }
        for (const unit of unitsHere) {
          const committee = `${unit}-c`;
          put('committees', committee, { unit_id: unit, kind_id: 'main', status: 'declared', declared_on: '2026-01-02', complete: 1, member_count: bearers, ac_no: ac, district_code: district });
          for (let k = 0; k < bearers; k++) {
            const person = `${committee}-p${k}`;
            put('people', person, { name_en: `Karyakarta ${k}`, phone: String(9000000000 + tick), ac_no: ac, district_code: district });
            put('appointments', `${person}-a`, { committee_id: committee, person_id: person, role: k === 0 ? 'president' : 'member', ac_no: ac, district_code: district });
          }
          rows += 1 + 2 * bearers;
        }
        rows += unitsHere.length;
      }
      const share = Math.floor(members / acs.length);
      for (let i = 0; i < share; i++) {
        put('members', `bench-mb-${ac}-${i}`, {
          membership_id: `MB${ac}${i}`,
          name: `Member ${i}`,
          phone: String(6000000000 + ac * 1_000_000 + i),
          gender: i % 2 ? 'M' : 'F',
          mode: 'digital',
          booth_id: booths[i % booths.length],
          enrolled_at: '2026-01-05T10:00',
          pc_no: BENCH_PC,
          ac_no: ac,
          district_code: district,
        });
      }
      rows += share;
    }
    const bucket = db.prepare('INSERT INTO buckets (bucket, seq, last_change_at) VALUES (?, ?, ?)');
    for (const [b, seq] of seqOf) bucket.run(b, seq, new Date(START).toISOString());
  })();
  db.close();
  return { rows };
}

interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run server` in its own process, on a free loopback port. */
async function startServerProcess(dbFile: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts'), '--port', '0', '--host', '127.0.0.1', '--db', dbFile, '--admin-token', ADMIN_TOKEN], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (http:\/\/[0-9.:]+)/.exec(buf);
      if (m) resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The state server exited (${code}) before listening.`)));
  });
  // Keep draining its log lines so the pipe never blocks it.
  child.stdout!.resume();
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function register(url: string, pcNo: number, name: string): Promise<RegisterDeviceResponse> {
  const r = await fetch(`${url}/admin/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, scope: 'pc', pcNo }),
  });
  if (!r.ok) throw new Error(await r.text());
  return (await r.json()) as RegisterDeviceResponse;
}

async function enrolRoom(url: string, pcNo: number, dbPath: string): Promise<{ core: CoreWithInternals; client: SyncClient }> {
  const core = createCore({ dbPath, resourcesDir: 'resources', mode: 'web', now: Date.now });
  const client = new SyncClient(core.db, core.clock, Date.now, { pullLimit: 5000, pushBatch: 500 });
  await client.enrol(url, (await register(url, pcNo, `Bench room ${dbPath}`)).code);
  return { core, client };
}

async function enrolToken(url: string, pcNo: number, name: string): Promise<string> {
  const code = (await register(url, pcNo, name)).code;
  const r = await fetch(`${url}/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, code }) });
  return ((await r.json()) as { token: string }).token;
}

function person(ac: number, i: number): Record<string, SqlValue> {
  return { name_en: `Person ${i}`, name_hi: null, phone: null, voter_id: null, ac_no: ac, district_code: null };
}

/**
 * The outbox's cost on a local write: the same rows of the same table inserted (a) plainly, (b) with
 * their outbox entries (the bulk writer: row + outbox entry, as an import writes) — the budgeted
 * figure — and (c) through the everyday writer, which also keeps the local change log (history and
 * undo, there with or without sync): reported beside it. Rounds interleave the three, so a busy moment of
 * the machine slows all of them; each ratio is the median of the rounds' own ratios (7 rounds).
 */
export function writeOverhead(dir: string) {
  const core = createCore({ dbPath: path.join(dir, 'overhead.sqlite'), resourcesDir: 'resources', mode: 'web', now: Date.now });
  const db = core.db;
  const cols = SYNCED_TABLES.people;
  const time = (fn: () => void) => {
    const t = performance.now();
    db.transaction(fn)();
    return performance.now() - t;
  };
  const runs = { plain: [] as number[], writer: [] as number[], bulk: [] as number[] };
  for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
    const insert = storedValuesInserter(db, 'people');
    runs.plain.push(
      time(() => {
        for (let i = 0; i < WRITE_ROWS; i++) {
          const p = person(1 + (i % 6), i);
          insert([newId(), ...cols.map((c) => p[c] ?? null), formatHlc({ millis: Date.now(), counter: 0, node: 'x' }), 'bench', 0]);
        }
      }),
    );
    runs.bulk.push(
      time(() => {
        const w = beginChange(db, core.clock, 'bench', new Date().toISOString());
        const rows = function* () {
          for (let i = 0; i < WRITE_ROWS; i++) {
            const p = person(1 + (i % 6), i);
            yield [newId(), ...cols.map((c) => p[c] ?? null)] as SqlValue[];
          }
        };
        insertRowsBulk(w, 'people', rows(), { column: 'ac_no', value: 'bench' }, 'bench');
      }),
    );
    runs.writer.push(
      time(() => {
        const w = beginChange(db, core.clock, 'bench', new Date().toISOString());
        for (let i = 0; i < WRITE_ROWS; i++) insertRow(w, 'people', newId(), person(1 + (i % 6), i), 'bench');
      }),
    );
  }
  core.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const ratios = runs.bulk.map((ms, i) => ms / runs.plain[i]);
  const ratio = round2(median(ratios));
  return {
    rows: WRITE_ROWS,
    rounds: OVERHEAD_ROUNDS,
    plainMs: Math.round(median(runs.plain)),
    withOutboxMs: Math.round(median(runs.bulk)),
    ratio,
    roundRatios: ratios.map(round2),
    target: OVERHEAD_TARGET,
    pass: ratio <= OVERHEAD_TARGET,
    writerWithChangeLogMs: Math.round(median(runs.writer)),
    writerWithChangeLogRatio: round2(median(runs.writer.map((ms, i) => ms / runs.plain[i]))),
  };
}

export async function benchSync() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
  const dbFile = path.join(dir, 'server.sqlite');
  const init = new SqliteStorage(dbFile);
  await init.init();
  await init.close();
  const tSeed = performance.now();
  const seeded = seedServer(dbFile);
  const seedMs = Math.round(performance.now() - tSeed);
  const server = await startServerProcess(dbFile);
  try {
    // 1. A new control room of the Lok Sabha syncs everything from zero.
    const room = await enrolRoom(server.url, BENCH_PC, path.join(dir, 'room.sqlite'));
    const t0 = performance.now();
    const first = await room.client.sync();
    const initialMs = Math.round(performance.now() - t0);
    room.core.close();

    // 2. 1,000 changes from one room visible in another (both already in sync).
    const a = await enrolRoom(server.url, 2, ':memory:');
    const b = await enrolRoom(server.url, 2, ':memory:');
    await a.client.sync();
    await b.client.sync();
    a.core.db.transaction(() => {
      const w = beginChange(a.core.db, a.core.clock, 'bench', new Date().toISOString());
      for (let i = 0; i < PROPAGATION_CHANGES; i++) insertRow(w, 'people', newId(), person(7 + (i % 4), i), 'bench');
    })();
    const t1 = performance.now();
    await a.client.push();
    const seen = await b.client.pull();
    const propagationMs = Math.round(performance.now() - t1);
    a.core.close();
    b.core.close();

    // 3. Fifty devices push at once (each its own Lok Sabha's constituencies, batches of 500).
    const geography = loadGeography(path.resolve('resources'));
    const pcs = geography.allPcs();
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => enrolToken(server.url, pcs[i % pcs.length], `Load ${i}`)));
    const bodies = tokens.map((_, i) => {
      const acs = geography.acsOfPc(pcs[i % pcs.length]);
      const batches: string[] = [];
      for (let start = 0; start < OPS_PER_CLIENT; start += 500) {
        const ops: PushOp[] = [];
        for (let k = start; k < Math.min(start + 500, OPS_PER_CLIENT); k++) {
          const data = { ...person(acs[k % acs.length], k), updated_by: 'load' };
          ops.push({ seq: k + 1, table: 'people', id: newId(), op: 'upsert', hlc: formatHlc({ millis: Date.now(), counter: k % 1000, node: `load${i}` }), baseHlc: null, fields: Object.keys(data), data });
        }
        batches.push(JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, ops }));
      }
      return batches;
    });
    const t2 = performance.now();
    let applied = 0;
    await Promise.all(
      tokens.map(async (token, i) => {
        for (const body of bodies[i]) {
          const r = await fetch(`${server.url}/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
          const j = (await r.json()) as { results: { status: string }[] };
          applied += j.results.filter((x) => x.status === 'applied').length;
        }
      }),
    );
    const loadMs = performance.now() - t2;
    const opsPerSec = Math.round((CLIENTS * OPS_PER_CLIENT) / (loadMs / 1000));

    const overhead = writeOverhead(dir);
    const initialPass = initialMs < INITIAL_BUDGET_MS && first.pulled >= seeded.rows;
    const propagationPass = propagationMs < PROPAGATION_BUDGET_MS && seen >= PROPAGATION_CHANGES;
    const throughputPass = opsPerSec >= THROUGHPUT_TARGET && applied === CLIENTS * OPS_PER_CLIENT;
    return {
      initialSync: { rows: seeded.rows, pulled: first.pulled, seedMs, ms: initialMs, budgetMs: INITIAL_BUDGET_MS, pass: initialPass },
      propagation: { changes: PROPAGATION_CHANGES, seen, ms: propagationMs, budgetMs: PROPAGATION_BUDGET_MS, pass: propagationPass },
      throughput: { clients: CLIENTS, ops: CLIENTS * OPS_PER_CLIENT, applied, ms: Math.round(loadMs), opsPerSec, target: THROUGHPUT_TARGET, pass: throughputPass },
      writeOverhead: overhead,
      pass: initialPass && propagationPass && throughputPass && overhead.pass,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
