/** localStorage that never throws (private windows, tests) — preferences are a convenience, not data. */
export function readPref(key: string): string | null {
  try {
    return window.localStorage.getItem(`scr.${key}`);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string): void {
  try {
    window.localStorage.setItem(`scr.${key}`, value);
  } catch {
    // ignore: the preference is simply not remembered
  }
}
