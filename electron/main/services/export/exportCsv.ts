import Papa from 'papaparse';
import type { ExportResult } from '../../../../shared/ipc/views';
import type { Db } from '../../db/connection';
import { committeesForExport, unitsForExport } from '../../db/repositories/importLookups';
import { COMMITTEE_COLUMNS, UNIT_COLUMNS } from '../import/importCsv';

/** The local calendar date, YYYY-MM-DD, for the file name. */
function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Export org units or committees with office-bearers as CSV, in exactly the columns the import takes, so an
 * exported file re-imports as a no-op. Phone numbers and voter ids are exported in full: the file is the
 * party's own roster, and the import needs the full number to recognise a person (a masked number would
 * make every re-import create duplicates). The renderer must say so before saving.
 * The file starts with a BOM so Excel reads the Hindi names as UTF-8; cells that look like formulas are
 * prefixed with an apostrophe (the import strips it again).
 */
export function exportCsv(db: Db, kind: 'units' | 'committees', pcNo?: number, now: Date = new Date()): ExportResult {
  const pc = pcNo ?? null;
  const fileName = `${kind}${pc !== null ? `-PC-${pc}` : ''}-${localDate(now)}.csv`;
  if (kind === 'units') {
    const rows = unitsForExport(db, pc);
    const data = rows.map((r) => [r.level, r.code, r.name_en, r.name_hi ?? '', r.parent_code ?? '', r.ac_no ?? '', r.closed]);
    const text = '\uFEFF' + Papa.unparse({ fields: [...UNIT_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
    return { fileName, text, rows: rows.length };
  }
  const rows = committeesForExport(db, pc);
  const data = rows.map((r) => [
    r.unit_code,
    r.kind,
    r.status,
    r.declared_on ?? '',
    r.verified_on ?? '',
    r.role ?? '',
    r.name_en ?? '',
    r.name_hi ?? '',
    r.phone ?? '',
    r.voter_id ?? '',
  ]);
  const text = '\uFEFF' + Papa.unparse({ fields: [...COMMITTEE_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
  return { fileName, text, rows: rows.length };
}
