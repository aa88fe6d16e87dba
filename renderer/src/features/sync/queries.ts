import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';

export const syncKeys = {
  status: ['sync-status'] as const,
  conflicts: ['sync-conflicts'] as const,
  admin: ['sync-admin'] as const,
};

/** The header's status: quick polling while a sync runs (progress), slow otherwise. */
export function useSyncStatus() {
  const call = useCall();
  return useQuery({
    queryKey: syncKeys.status,
    queryFn: () => call('sync.status', {}),
    refetchInterval: (q) => (q.state.data?.running ? 500 : 10_000),
  });
}

export function useSyncNow() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('sync.now', {}),
    onMutate: () => {
      // Show "syncing" and the progress bar while the run is going.
      void qc.invalidateQueries({ queryKey: syncKeys.status });
    },
    onSuccess: (status) => {
      qc.setQueryData(syncKeys.status, status);
      // Pulled rows can change any screen.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== syncKeys.status[0] });
    },
  });
}

export function useEnrol() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'sync.enrol'>) => call('sync.enrol', input),
    onSuccess: (status) => qc.setQueryData(syncKeys.status, status),
  });
}

export function useSyncSettings() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'sync.setSettings'>) => call('sync.setSettings', input),
    onSuccess: (status) => qc.setQueryData(syncKeys.status, status),
  });
}

export function useConflicts() {
  const call = useCall();
  return useQuery({ queryKey: syncKeys.conflicts, queryFn: () => call('sync.conflicts', {}) });
}

export function useResolveConflict() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: number; action: 'restore' | 'dismiss' }): Promise<void> => {
      if (input.action === 'restore') await call('sync.restoreConflict', { id: input.id });
      else await call('sync.dismissConflict', { id: input.id });
    },
    // A restore is a local edit like any other: every screen may show the row.
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useSyncAdmin(enabled: boolean) {
  const call = useCall();
  return useQuery({ queryKey: syncKeys.admin, queryFn: () => call('syncAdmin.overview', {}), enabled, refetchInterval: 60_000 });
}

export function useRegisterDevice() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'syncAdmin.register'>) => call('syncAdmin.register', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: syncKeys.admin }),
  });
}

export function useRevokeDevice() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('syncAdmin.revoke', { id }),
    onSuccess: () => qc.invalidateQueries({ queryKey: syncKeys.admin }),
  });
}

/** Every Lok Sabha's headline figures as of this computer's last sync (refetched when a sync invalidates queries). */
export function useStateFigures() {
  const call = useCall();
  return useQuery({ queryKey: ['sync-state-figures'], queryFn: () => call('sync.stateFigures', {}) });
}
