import { useCallback, useSyncExternalStore } from 'react';
import type { CallInput } from '../../../../shared/ipc/contract';
import { readPref, writePref } from '../../app/storage';

export type ComplianceScope = CallInput<'compliance.get'>['scope'];

export function scopeValue(s: ComplianceScope): string {
  return s.type === 'state' ? 'state' : s.type === 'pc' ? `pc:${s.pcNo}` : `district:${s.districtCode}`;
}

export function parseScope(v: string | null): ComplianceScope {
  const [type, key] = (v ?? '').split(':');
  if (type === 'pc' && /^\d+$/.test(key ?? '') && Number(key) > 0) return { type: 'pc', pcNo: Number(key) };
  if (type === 'district' && /^\d+$/.test(key ?? '')) return { type: 'district', districtCode: key };
  return { type: 'state' };
}

// One scope for the compliance page and the header's reminder, remembered between starts: the reminder counts
// what the page lists, so opening the page from it shows the same figures.
const PREF = 'complianceScope';
const listeners = new Set<() => void>();
let current = readPref(PREF) ?? 'state';

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useComplianceScope(): [ComplianceScope, (scope: ComplianceScope) => void] {
  const value = useSyncExternalStore(subscribe, () => current);
  const set = useCallback((scope: ComplianceScope) => {
    current = scopeValue(scope);
    writePref(PREF, current);
    for (const l of listeners) l();
  }, []);
  // parseScope on the stored string keeps the object stable per value for the query keys.
  return [parseScope(value), set];
}
