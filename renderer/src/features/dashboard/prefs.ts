import { useCallback, useState } from 'react';
import { MEASURE_LEVELS, type MeasureLevel } from '../../../../shared/domain/types';
import type { CommitteeKind } from '../../../../shared/ipc/views';
import { readPref, writePref } from '../../app/storage';
import { MAP_LAYERS, type MapLayer } from '../../components/map/mapShaping';

export const TABLE_LEVELS = ['district', 'ac', 'block', 'mandal'] as const;
export type TableLevel = (typeof TABLE_LEVELS)[number];

export interface DashboardPrefs {
  /** 'state' or a Lok Sabha number. */
  scope: 'state' | number;
  measureLevel: MeasureLevel;
  /** null until the kinds are known: then the 'main' kind. */
  kindId: string | null;
  tableLevel: TableLevel;
  mapLayer: MapLayer;
}

export function parsePrefs(raw: string | null): DashboardPrefs {
  const d: DashboardPrefs = { scope: 'state', measureLevel: 'booth', kindId: null, tableLevel: 'ac', mapLayer: 'acs' };
  if (!raw) return d;
  try {
    const p = JSON.parse(raw) as Partial<DashboardPrefs>;
    return {
      scope: typeof p.scope === 'number' && p.scope > 0 ? p.scope : 'state',
      measureLevel: MEASURE_LEVELS.includes(p.measureLevel as MeasureLevel) ? (p.measureLevel as MeasureLevel) : d.measureLevel,
      kindId: typeof p.kindId === 'string' ? p.kindId : null,
      tableLevel: TABLE_LEVELS.includes(p.tableLevel as TableLevel) ? (p.tableLevel as TableLevel) : d.tableLevel,
      mapLayer: MAP_LAYERS.includes(p.mapLayer as MapLayer) ? (p.mapLayer as MapLayer) : d.mapLayer,
    };
  } catch {
    return d;
  }
}

/** The kind to show: the remembered one if it still exists, else the main committee kind, else the first. */
export function effectiveKindId(prefKindId: string | null, kinds: readonly CommitteeKind[]): string | null {
  if (prefKindId && kinds.some((k) => k.id === prefKindId)) return prefKindId;
  return (kinds.find((k) => k.category === 'main') ?? kinds[0])?.id ?? null;
}

export function useDashboardPrefs(): [DashboardPrefs, (patch: Partial<DashboardPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => parsePrefs(readPref('dashboard')));
  const update = useCallback((patch: Partial<DashboardPrefs>) => {
    setPrefs((p) => {
      const next = { ...p, ...patch };
      writePref('dashboard', JSON.stringify(next));
      return next;
    });
  }, []);
  return [prefs, update];
}
