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
