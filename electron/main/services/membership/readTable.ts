import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../AppError';

export type TableFormat = 'csv' | 'xlsx';

const pad = (n: number): string => String(n).padStart(2, '0');

/** One spreadsheet cell as the text the import reads: dates as written wall time, numbers in full. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) {
    // exceljs gives the cell's wall time as a UTC instant; read it back the same way.
    const d = value;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * Read a CSV (text; UTF-8 with or without BOM; comma, semicolon or tab) or an XLSX workbook (base64; the
 * first sheet) into rows of cell text, header row first. Spreadsheet formula escapes ('=…) are undone.
 */
export async function readTable(format: TableFormat, data: string): Promise<string[][]> {
  if (format === 'csv') {
    const body = data.replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
    return parsed.data;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_input', 'This file could not be read as an Excel workbook (.xlsx). Save it again from Excel as .xlsx or as CSV.', 'data');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
