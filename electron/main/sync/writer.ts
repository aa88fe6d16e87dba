import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';
import type { Db } from '../db/connection';
import { appendChangeLog } from '../db/repositories/changeLog';
import { appendOutbox, appendOutboxForNewRows } from '../db/repositories/outbox';
import { getStoredRow, lastRowid, putStoredRow, storedValuesInserter } from '../db/repositories/syncedRows';
import { lokSabhaOfRow } from '../db/repositories/syncScope';
import { SYNCED_TABLES, type SqlValue, type StoredRow, type SyncedTable } from '../db/schema';
import type { LocalClock } from './clock';

/**
 * The one place synced rows are written. Each write stamps the row with the clock and the user,
 * appends the operation to the outbox and the before/after images to the change log — all inside
 * the caller's transaction, so a crash leaves either the whole change or none of it.
 */
export interface WriteContext {
  db: Db;
  clock: LocalClock;
  userId: string;
  /** Groups the writes of one user action, for undo. */
  groupId: string;
  /** When the change happened (ISO); the demo generator backdates its history with it. */
  at: string;
}

/**
 * Cryptographic random words for the ids, drawn from the OS a thousand at a time: the library's own
 * buffer holds eight, so a million-row import asked the OS for randomness a hundred thousand times.
 */
class PooledRandom {
  private readonly words = new Uint32Array(1024);
  private cursor = this.words.length;
  nextUint32(): number {
    if (this.cursor === this.words.length) {
      randomFillSync(this.words);
      this.cursor = 0;
    }
    return this.words[this.cursor++];
  }
}

const ids = new V7Generator(new PooledRandom());

/** A new row id: a UUIDv7 (time-ordered, monotonic within the process). */
export function newId(): string {
  return ids.generate().toString();
}

export function beginChange(db: Db, clock: LocalClock, userId: string, at: string): WriteContext {
  return { db, clock, userId, groupId: newId(), at };
}

function assertInTransaction(ctx: WriteContext): void {
  if (!ctx.db.inTransaction) throw new Error('Synced writes must run inside a transaction');
}

function record(ctx: WriteContext, table: SyncedTable, action: string, before: StoredRow | null, after: StoredRow) {
  const data = JSON.stringify(after);
  // The columns this change set: the server merges per column, so an edit of one field never
  // overwrites another device's newer edit of a different one.
  // A new row sets every column: stored as null ("every column"), as the push reads it.
  const fields = before ? JSON.stringify([...SYNCED_TABLES[table], 'deleted'].filter((c) => (before[c] ?? null) !== (after[c] ?? null))) : null;
  // A Lok Sabha-level row of a table without a pc_no column carries its Lok Sabha as scope context, so
  // the server files it in that Lok Sabha's bucket instead of the state's.
  const pcNo = lokSabhaOfRow(ctx.db, table, after);
  appendOutbox(ctx.db, {
    tableName: table,
    rowId: after.id,
    op: after.deleted === 1 ? 'delete' : 'upsert',
    data: pcNo === null ? data : JSON.stringify({ ...after, pc_no: pcNo }),
    hlc: String(after.hlc),
    fields,
    baseHlc: before ? String(before.hlc) : null,
  });
  appendChangeLog(ctx.db, {
    groupId: ctx.groupId,
    at: ctx.at,
    userId: ctx.userId,
    tableName: table,
    rowId: after.id,
    action,
    before: before ? JSON.stringify(before) : null,
    after: data,
    hlc: String(after.hlc),
  });
}

function stamp(ctx: WriteContext, table: SyncedTable, base: StoredRow | null, changes: Record<string, SqlValue>, id: string): StoredRow {
  const row: StoredRow = { id };
  for (const c of SYNCED_TABLES[table]) row[c] = (c in changes ? changes[c] : (base?.[c] ?? null)) as SqlValue;
  // An edit orders after the row it changes, even when that row came stamped from a clock far ahead.
  row.hlc = ctx.clock.tickAfter(base ? String(base.hlc) : null);
  row.updated_by = ctx.userId;
  row.deleted = (changes.deleted ?? base?.deleted ?? 0) as number;
  return row;
}

/**
 * Create or change a row: `changes` holds the columns to set (others keep their value). Returns the
 * stored row, or the existing one untouched when nothing would change (re-imports write nothing).
 */
export function upsertRow(
  ctx: WriteContext,
  table: SyncedTable,
  id: string,
  changes: Record<string, SqlValue>,
  action: string,
): { row: StoredRow; changed: boolean } {
  assertInTransaction(ctx);
  const before = getStoredRow(ctx.db, table, id) ?? null;
  if (before && Object.keys(changes).every((k) => before[k] === changes[k])) return { row: before, changed: false };
  const after = stamp(ctx, table, before, changes, id);
  putStoredRow(ctx.db, table, after);
  record(ctx, table, action, before, after);
  return { row: after, changed: true };
}

/** Insert a row the caller knows is new (bulk paths). Same stamping, outbox and change log. */
export function insertRow(ctx: WriteContext, table: SyncedTable, id: string, values: Record<string, SqlValue>, action: string): StoredRow {
  assertInTransaction(ctx);
  const after = stamp(ctx, table, null, values, id);
  storedValuesInserter(ctx.db, table)([id, ...SYNCED_TABLES[table].map((c) => after[c] ?? null), after.hlc, after.updated_by, after.deleted]);
  record(ctx, table, action, null, after);
  return after;
}

/** Tombstone a row: it stays in the table with deleted = 1 so the deletion can sync and be undone. */
export function tombstoneRow(ctx: WriteContext, table: SyncedTable, id: string, action: string): StoredRow | null {
  assertInTransaction(ctx);
  const before = getStoredRow(ctx.db, table, id);
  if (!before || before.deleted === 1) return null;
  const after = stamp(ctx, table, before, { deleted: 1 }, id);
  putStoredRow(ctx.db, table, after);
  record(ctx, table, action, before, after);
  return after;
}

/** Put a row back to a logged image (undo). A row that did not exist before is tombstoned. */
export function restoreRow(ctx: WriteContext, table: SyncedTable, id: string, image: StoredRow | null, action: string): void {
  if (!image) {
    tombstoneRow(ctx, table, id, action);
    return;
  }
  const changes: Record<string, SqlValue> = { deleted: image.deleted ?? 0 };
  for (const c of SYNCED_TABLES[table]) changes[c] = image[c] ?? null;
  upsertRow(ctx, table, id, changes, action);
}

/**
 * Insert many new rows of one table in one go (the member import: up to a million rows). Each row is
 * stamped with its own clock tick and gets its own outbox entry, like insertRow, so the sync client
 * pushes every imported row; but the entries are narrow (no JSON image: the outbox reads the row from
 * its table when it is pushed) and written by one set-based statement after the rows, and the change
 * log gets ONE entry naming the batch (the local audit history; undo expands it). Same transaction
 * rule: the caller's transaction holds the rows and the entries, or none of them.
 * `values` holds the table's columns in SYNCED_TABLES order; id first.
 */
export function insertRowsBulk(
  ctx: WriteContext,
  table: SyncedTable,
  rows: Iterable<SqlValue[]>,
  ref: { column: string; value: string },
  action: string,
): number {
  assertInTransaction(ctx);
  const insert = storedValuesInserter(ctx.db, table);
  const after = lastRowid(ctx.db, table);
  let count = 0;
  let hlcFrom: string | null = null;
  let hlcTo = '';
  for (const values of rows) {
    hlcTo = ctx.clock.tick();
    hlcFrom ??= hlcTo;
    values.push(hlcTo, ctx.userId, 0);
    insert(values);
    count++;
  }
  if (count === 0) return 0;
  appendOutboxForNewRows(ctx.db, table, after);
  const data = JSON.stringify({ batch: { table, column: ref.column, value: ref.value, hlcFrom, hlcTo, count } });
  appendChangeLog(ctx.db, {
    groupId: ctx.groupId,
    at: ctx.at,
    userId: ctx.userId,
    tableName: `${table}:batch`,
    rowId: ref.value,
    action,
    before: null,
    after: data,
    hlc: hlcTo,
  });
  return count;
}
