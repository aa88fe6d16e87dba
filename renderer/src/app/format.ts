// Locale-aware formatting. Indian digit grouping (12,34,567) in both languages.

export type Lang = 'en' | 'hi';

export function localeFor(lang: string): string {
  return lang === 'hi' ? 'hi-IN' : 'en-IN';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: string): string {
  const locale = localeFor(lang);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

/** "42.5%", or null for "no data" — callers print the translated "no data" label. */
export function formatPct(pct: number | null, lang: string): string | null {
  if (pct == null) return null;
  return `${formatNumber(pct, lang)}%`;
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'medium' }).format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // 24-hour clock in Hindi: hi-IN would otherwise print the Latin "am"/"pm".
  return new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'medium', timeStyle: 'short', hourCycle: lang === 'hi' ? 'h23' : 'h12' }).format(d);
}

/** The name in the chosen language; Hindi falls back to English where no Hindi name is known yet. */
export function displayName(nameEn: string | null | undefined, nameHi: string | null | undefined, lang: string): string {
  if (lang === 'hi' && nameHi) return nameHi;
  return nameEn || nameHi || '';
}

/** "5 minutes ago" / "5 मिनट पहले": how long ago, in the largest whole unit. */
export function formatRelative(iso: string | null | undefined, nowMs: number, lang: string): string {
  if (!iso) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - nowMs) / 1000);
  const f = new Intl.RelativeTimeFormat(localeFor(lang), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return f.format(0, 'second');
  if (abs < 3600) return f.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return f.format(Math.round(seconds / 3600), 'hour');
  return f.format(Math.round(seconds / 86400), 'day');
}
