import type { TableRow } from '../../../../shared/ipc/views';
import { displayName } from '../../app/format';
import { toCsv } from '../../app/csv';

export type SortKey = 'lagging' | 'name' | 'expected' | 'declared' | 'verified' | 'pct';
export type SortDir = 'asc' | 'desc';

export interface TableView {
  query: string;
  sortKey: SortKey;
  sortDir: SortDir;
  lang: string;
}

function matches(row: TableRow, q: string): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase();
  return [row.nameEn, row.nameHi ?? '', row.code].some((s) => s.toLocaleLowerCase().includes(needle));
}

/** Rows with no data always go last, whichever way the column is sorted: they are not "done" nor "lagging". */
function comparePct(a: number | null, b: number | null, dir: number): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return (a - b) * dir;
}

/** Filter and sort the dashboard table; the default ("lagging") puts the lowest completeness first. */
export function shapeTable(rows: readonly TableRow[], view: TableView): TableRow[] {
  const q = view.query.trim();
  const dir = view.sortDir === 'asc' ? 1 : -1;
  const name = (r: TableRow) => displayName(r.nameEn, r.nameHi, view.lang);
  const byName = (a: TableRow, b: TableRow) => name(a).localeCompare(name(b), view.lang === 'hi' ? 'hi' : 'en');
  const out = rows.filter((r) => matches(r, q));
  out.sort((a, b) => {
    switch (view.sortKey) {
      case 'lagging':
        return comparePct(a.pct, b.pct, 1) || b.expected - a.expected || byName(a, b);
      case 'name':
        return byName(a, b) * dir;
      case 'pct':
        return comparePct(a.pct, b.pct, dir) || byName(a, b);
      default:
        return (a[view.sortKey] - b[view.sortKey]) * dir || byName(a, b);
    }
  });
  return out;
}

/** Next sort state when a column header is clicked: same column flips, a new one starts ascending (names) or descending (numbers). */
export function nextSort(current: { sortKey: SortKey; sortDir: SortDir }, key: SortKey): { sortKey: SortKey; sortDir: SortDir } {
  if (current.sortKey === key) return { sortKey: key, sortDir: current.sortDir === 'asc' ? 'desc' : 'asc' };
  return { sortKey: key, sortDir: key === 'name' || key === 'pct' ? 'asc' : 'desc' };
}

/** CSV of the rows as shown; headers come translated from the caller. */
export function tableCsv(rows: readonly TableRow[], headers: string[], lang: string): string {
  return toCsv(
    headers,
    rows.map((r) => [r.code, displayName(r.nameEn, r.nameHi, lang), r.expected, r.declared, r.verified, r.done, r.pct ?? '']),
  );
}

/** Units worth raising in a review: lowest completeness first, only those with something expected and not yet done. */
export function laggards(rows: readonly TableRow[], limit = 10): TableRow[] {
  return shapeTable(
    rows.filter((r) => r.pct != null && r.pct < 100),
    { query: '', sortKey: 'lagging', sortDir: 'asc', lang: 'en' },
  ).slice(0, limit);
}
