/** Five equal bins from red (lagging) to green (done); grey means "no data" (nothing expected). */
export const NO_DATA_COLOUR = '#c8c8c8';

export const COLOUR_BINS: readonly { min: number; max: number; colour: string }[] = [
  { min: 0, max: 20, colour: '#d7191c' },
  { min: 20, max: 40, colour: '#fdae61' },
  { min: 40, max: 60, colour: '#ffffbf' },
  { min: 60, max: 80, colour: '#a6d96a' },
  { min: 80, max: 100, colour: '#1a9641' },
];

/** Index of the bin a percentage falls in (upper bound exclusive, except 100 which is in the last bin), or null for no data. */
export function binIndex(pct: number | null | undefined): number | null {
  if (pct == null || Number.isNaN(pct)) return null;
  const p = Math.min(100, Math.max(0, pct));
  const i = COLOUR_BINS.findIndex((b) => p < b.max);
  return i === -1 ? COLOUR_BINS.length - 1 : i;
}

export function colourForPct(pct: number | null | undefined): string {
  const i = binIndex(pct);
  return i == null ? NO_DATA_COLOUR : COLOUR_BINS[i].colour;
}
