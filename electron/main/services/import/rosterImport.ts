import Papa from 'papaparse';
import type { z } from 'zod';
import type { ImportCommitResult, ImportErrorReason, ImportPreview, ImportRowError, RosterKind } from '../../../../shared/ipc/views';
import type { SqlValue, SyncedTable } from '../../db/schema';
import { beginChange, insertRow, newId, upsertRow, type WriteContext } from '../../sync/writer';
import { AppError } from '../AppError';
import { nowIso, requireUser, type ServiceContext } from '../context';

export type RowValues = Record<string, SqlValue>;
export type Refusal = { field: string; reason: ImportErrorReason; message: string };

/**
 * What makes one roster importable: its columns, a zod schema for one row of trimmed cells (a refused field
 * carries its reason in the issue's `params.reason`), the database checks the schema cannot make (unit codes,
 * dates against the clock) and the key that recognises an entry already on the roster.
 */
export interface RosterCsvSpec<Row> {
  roster: RosterKind;
  table: SyncedTable;
  columns: readonly string[];
  /** Each entry lists alternatives: the header must hold at least one of them. */
  requiredColumns: readonly (readonly string[])[];
  rowSchema: z.ZodType<Row>;
  /** The stored column values for a valid row, or the field that is wrong. */
  toValues(ctx: ServiceContext, row: Row): { values: RowValues } | Refusal;
  /** The key of the entry a row describes, and the field to name when two rows of a file share it. */
  identity: (values: RowValues) => { key: string; field: string };
  /** Live entries with their values in the shape `toValues` gives. */
  existing: (ctx: ServiceContext) => { id: string; values: RowValues }[];
  /** A row that says "nothing here" (e.g. "no office") for an entry with no stored row: nothing to write. */
  isBlank?: (values: RowValues) => boolean;
  actions: { create: string; update: string };
}

interface Plan {
  errors: ImportRowError[];
  rows: number;
  columns: string[];
  sample: Record<string, string>[];
  writes: { id: string | null; values: RowValues }[];
  unchanged: number;
}

const errAt = (row: number, field: string, reason: ImportErrorReason, message: string): ImportRowError => ({ row, field, reason, message });

/** A refused cell inside a zod transform: the reason travels in `params` so the pipeline can name it. */
export function refuse(ctx: z.RefinementCtx, reason: ImportErrorReason, message: string): never {
  ctx.addIssue({ code: 'custom', message, params: { reason } });
  return undefined as never;
}

function reasonOf(issue: z.core.$ZodIssue): ImportErrorReason {
  if (issue.code === 'custom' && issue.params && typeof issue.params.reason === 'string') return issue.params.reason as ImportErrorReason;
  if (issue.code === 'too_big') return 'too_long';
  return 'malformed';
}

const sameValues = (a: RowValues, b: RowValues) => Object.keys(a).every((k) => (a[k] ?? null) === (b[k] ?? null));

function plan<Row>(ctx: ServiceContext, spec: RosterCsvSpec<Row>, text: string): Plan {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'),
  });
  const fields = parsed.meta.fields ?? [];
  const columns = fields.filter((f) => spec.columns.includes(f));
  const empty = (errors: ImportRowError[]): Plan => ({ errors, rows: parsed.data.length, columns, sample: [], writes: [], unchanged: 0 });
  if (fields.length === 0 || (fields.length === 1 && fields[0] === '')) {
    return empty([errAt(1, '', 'empty_file', 'The file is empty. Put the column names in row 1 and the data below.')]);
  }
  const errors: ImportRowError[] = [];
  // Papa renames a repeated header ("name_en" → "name_en_1"); a repeated column is refused, not guessed at.
  for (const dup of new Set(Object.values(parsed.meta.renamedHeaders ?? {}))) {
    errors.push(errAt(1, dup, 'duplicate_column', `Row 1: the column "${dup}" appears twice. Keep one.`));
  }
  for (const alternatives of spec.requiredColumns) {
    if (!alternatives.some((c) => columns.includes(c))) {
      const names = alternatives.map((c) => `"${c}"`).join(' or ');
      errors.push(errAt(1, alternatives[0], 'missing_column', `Row 1: the column ${names} is missing. Add it to the header row.`));
    }
  }
  if (errors.length > 0) return empty(errors);

  const stored = spec.existing(ctx);
  const byKey = new Map(stored.map((e) => [spec.identity(e.values).key, e]));
  const seen = new Map<string, number>();
  const order = (field: string) => {
    const i = spec.columns.indexOf(field);
    return i === -1 ? spec.columns.length : i;
  };
  const writes: Plan['writes'] = [];
  let unchanged = 0;
  parsed.data.forEach((raw, i) => {
    const row = i + 2;
    const cells = Object.fromEntries(spec.columns.map((c) => [c, (raw[c] ?? '').trim()]));
    const result = spec.rowSchema.safeParse(cells);
    if (!result.success) {
      const byField = new Map<string, ImportRowError>();
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!byField.has(field)) byField.set(field, errAt(row, field, reasonOf(issue), `Row ${row}: ${issue.message}`));
      }
      errors.push(...[...byField.values()].sort((a, b) => order(a.field) - order(b.field)));
      return;
    }
    const out = spec.toValues(ctx, result.data);
    if (!('values' in out)) {
      errors.push(errAt(row, out.field, out.reason, `Row ${row}: ${out.message}`));
      return;
    }
    const { key, field } = spec.identity(out.values);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(errAt(row, field, 'duplicate_row', `Row ${row}: the same entry is already on row ${first}.`));
      return;
    }
    seen.set(key, row);
    const before = byKey.get(key);
    if (before ? sameValues(out.values, before.values) : spec.isBlank?.(out.values)) unchanged++;
    else writes.push({ id: before?.id ?? null, values: out.values });
  });
  return { errors, rows: parsed.data.length, columns, sample: parsed.data.slice(0, 10), writes, unchanged };
}

export function previewRosterImport<Row>(ctx: ServiceContext, spec: RosterCsvSpec<Row>, text: string): ImportPreview {
  const p = plan(ctx, spec, text);
  return {
    kind: spec.roster,
    rows: p.rows,
    toInsert: p.writes.filter((w) => w.id === null).length,
    toUpdate: p.writes.filter((w) => w.id !== null).length,
    unchanged: p.unchanged,
    errors: p.errors.sort((a, b) => a.row - b.row),
    sample: p.sample,
    columns: p.columns,
  };
}

/** All or nothing: the file is checked again inside the transaction; an entry already on the roster is updated, never added twice. */
export function commitRosterImport<Row>(ctx: ServiceContext, spec: RosterCsvSpec<Row>, text: string): ImportCommitResult {
  const user = requireUser(ctx);
  return ctx.db.transaction(() => {
    const p = plan(ctx, spec, text);
    if (p.errors.length > 0) {
      const n = new Set(p.errors.map((e) => e.row)).size;
      throw new AppError('import_rejected', `${n} ${n === 1 ? 'row has' : 'rows have'} errors; nothing was imported. Fix them and import again.`);
    }
    const w: WriteContext = beginChange(ctx.db, ctx.clock, user.id, nowIso(ctx));
    let inserted = 0;
    let updated = 0;
    for (const x of p.writes) {
      if (x.id) {
        upsertRow(w, spec.table, x.id, x.values, spec.actions.update);
        updated++;
      } else {
        insertRow(w, spec.table, newId(), x.values, spec.actions.create);
        inserted++;
      }
    }
    return { inserted, updated, unchanged: p.unchanged };
  })();
}
