/** A progress report covers one calendar month (IST), written "YYYY-MM". */
export function isReportPeriod(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 2000;
}

/** The month an IST date (YYYY-MM-DD) falls in. */
export function periodOfDate(istDate: string): string {
  return istDate.slice(0, 7);
}

/** A report may be written for this month or an earlier one, never for a month still to come. */
export function checkReportPeriod(period: string, todayIst: string): 'ok' | 'malformed' | 'future' {
  if (!isReportPeriod(period)) return 'malformed';
  return period > periodOfDate(todayIst) ? 'future' : 'ok';
}

/** The units that file progress reports: a Lok Sabha (its in-charge) or a district (its president). */
export const REPORTING_LEVELS = ['pc', 'district'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];
