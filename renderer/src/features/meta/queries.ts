import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserRole } from '../../../../shared/domain/types';
import { useCall } from '../../app/ApiContext';

export const metaKeys = {
  appInfo: ['app-info'] as const,
  lists: ['meta-lists'] as const,
  geo: ['geo-layers'] as const,
  session: ['session'] as const,
  job: (jobId: string) => ['job', jobId] as const,
};

export function useAppInfo() {
  const call = useCall();
  return useQuery({ queryKey: metaKeys.appInfo, queryFn: () => call('app.info', {}) });
}

export function useMetaLists(enabled = true) {
  const call = useCall();
  return useQuery({ queryKey: metaKeys.lists, queryFn: () => call('meta.lists', {}), staleTime: Infinity, enabled });
}

export function useGeoLayers() {
  const call = useCall();
  // Reference geography never changes while the app runs.
  return useQuery({ queryKey: metaKeys.geo, queryFn: () => call('geo.layers', {}), staleTime: Infinity, gcTime: Infinity });
}

export function useSession() {
  const call = useCall();
  return useQuery({ queryKey: metaKeys.session, queryFn: () => call('session.get', {}) });
}

export function useCreateUser() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: UserRole }) => call('users.create', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: metaKeys.session }),
  });
}

export function useSwitchUser() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call('session.switch', { userId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: metaKeys.session }),
  });
}

export function useStartSetup() {
  const call = useCall();
  return useMutation({ mutationFn: (mode: 'empty' | 'demo') => call('setup.start', { mode }) });
}

/** Polls a long job every 300 ms until it ends. */
export function useJob(jobId: string | null) {
  const call = useCall();
  return useQuery({
    queryKey: metaKeys.job(jobId ?? ''),
    queryFn: () => call('jobs.get', { jobId: jobId as string }),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 300),
  });
}

export function useCancelJob() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => call('jobs.cancel', { jobId }),
    onSuccess: (job) => qc.setQueryData(metaKeys.job(job.id), job),
  });
}

/** After setup every cached answer is stale: the database was just filled. */
export function useResetAfterSetup() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}
