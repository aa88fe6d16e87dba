/**
 * Phone numbers and voter ids (EPIC) are personal data: normalised at the boundary, masked
 * before they reach the renderer, never logged.
 */

/** Normalise an Indian mobile number to its 10 digits, or null when it cannot be one. Accepts +91 / 91 / 0 prefixes and spaces or dashes. */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = String(raw).trim();
  if (s === '') return null;
  // Excel writes long numbers in scientific notation: 9.87654321E+09
  if (/^[0-9.]+e\+?[0-9]+$/i.test(s)) {
    const n = Number(s);
    if (!Number.isFinite(n)) return null;
    s = n.toFixed(0);
  }
  let digits = s.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^[0-9]+$/.test(digits)) return null;
  if (digits.length === 12 && digits.startsWith('91')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  if (!/^[6-9][0-9]{9}$/.test(digits)) return null;
  return digits;
}

/** EPIC (voter id): three letters and seven digits. */
export function normaliseEpic(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = String(raw).trim().toUpperCase().replace(/\s+/g, '');
  return /^[A-Z]{3}[0-9]{7}$/.test(s) ? s : null;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return `${phone.slice(0, 2)}••••••${phone.slice(-2)}`;
}

export function maskEpic(epic: string | null): string | null {
  if (!epic) return null;
  return `${epic.slice(0, 3)}••••${epic.slice(-3)}`;
}

/**
 * Excel shows long numbers as 9.87654E+09 and saves what it shows: when the mantissa holds fewer than
 * ten digits the last digits are gone (or were zeros — no way to tell), so refuse rather than guess.
 */
export function phoneLostDigits(raw: string | null | undefined): boolean {
  if (raw == null) return false;
  const sci = /^([0-9]+)(?:\.([0-9]*))?e\+?([0-9]+)$/i.exec(String(raw).trim());
  // Digits written count, trailing zeros included: Excel's General format drops trailing zeros, so
  // a written 9.876543210E+09 came from a format that kept all ten digits.
  return sci !== null && sci[1].length + (sci[2] ?? '').length < 10;
}

/** Mask for display by kind (findings and member lists). */
export function maskPersonal(kind: 'phone' | 'epic', value: string): string {
  return (kind === 'phone' ? maskPhone(value) : maskEpic(value)) ?? '';
}

/** Roles that may see full phone numbers and voter ids; everyone else sees them masked. */
export function maySeePersonalData(role: string): boolean {
  return role === 'state_admin' || role === 'incharge';
}
