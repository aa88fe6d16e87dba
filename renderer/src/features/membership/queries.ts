import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { callWith, useApi, useCall } from '../../app/ApiContext';

export const membershipKeys = {
  all: ['membership'] as const,
  dashboard: (scope: CallInput<'membership.dashboard'>['scope']) => ['membership', 'dashboard', scope] as const,
  findings: (input: CallInput<'findings.list'>) => ['membership', 'findings', input] as const,
  findingMembers: (id: string) => ['membership', 'findingMembers', id] as const,
  enrollers: (input: CallInput<'enrollers.list'>) => ['membership', 'enrollers', input] as const,
  workshops: ['membership', 'workshops'] as const,
  workshop: (id: string) => ['membership', 'workshop', id] as const,
  schedule: ['membership', 'schedule'] as const,
  job: (jobId: string) => ['membership', 'job', jobId] as const,
  thresholds: ['membership', 'thresholds'] as const,
};

export function useThresholds() {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.thresholds, queryFn: () => callWith(api, 'membership.thresholds', {}) });
}

export function useMembershipDashboard(scope: CallInput<'membership.dashboard'>['scope']) {
  const api = useApi();
  return useQuery({
    queryKey: membershipKeys.dashboard(scope),
    queryFn: () => callWith(api, 'membership.dashboard', { scope }),
    placeholderData: (prev) => prev,
  });
}

export function useFindings(input: CallInput<'findings.list'>) {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.findings(input), queryFn: () => callWith(api, 'findings.list', input) });
}

export function useFindingMembers(id: string | null) {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.findingMembers(id ?? ''), queryFn: () => callWith(api, 'findings.members', { id: id! }), enabled: id != null });
}

export function useEnrollers(input: CallInput<'enrollers.list'>) {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.enrollers(input), queryFn: () => callWith(api, 'enrollers.list', input) });
}

export function useWorkshops() {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.workshops, queryFn: () => callWith(api, 'workshops.list', {}) });
}

export function useWorkshop(id: string | null) {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.workshop(id ?? ''), queryFn: () => callWith(api, 'workshops.get', { id: id! }), enabled: id != null });
}

export function useSchedule() {
  const api = useApi();
  return useQuery({ queryKey: membershipKeys.schedule, queryFn: () => callWith(api, 'workshops.schedule', {}) });
}

/** Poll a membership job (an import, a recompute of findings) every 300 ms while it runs. */
export function useImportJob(jobId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: membershipKeys.job(jobId ?? ''),
    queryFn: () => callWith(api, 'jobs.get', { jobId: jobId! }),
    enabled: jobId != null,
    refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 300 : false),
  });
}

/** Any membership write can change every membership figure: invalidate them all (and the committee dashboard's none). */
function useMembershipMutation<K extends Parameters<ReturnType<typeof useCall>>[0]>(name: K) {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof call<K>>[1]) => call(name, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: membershipKeys.all }),
  });
}

export const useImportPreview = () => {
  const call = useCall();
  return useMutation({ mutationFn: (input: CallInput<'members.importPreview'>) => call('members.importPreview', input) });
};
export const useImportStart = () => useMembershipMutation('members.importStart');
export const useCancelJob = () => useMembershipMutation('jobs.cancel');
export const useImportErrors = () => {
  const call = useCall();
  return useMutation({ mutationFn: (input: CallInput<'members.importErrors'>) => call('members.importErrors', input) });
};
export const useAddMember = () => useMembershipMutation('members.add');
export const useReviewFinding = () => useMembershipMutation('findings.review');
export const useAddEnroller = () => useMembershipMutation('enrollers.add');
export const useExportChiefs = () => {
  const call = useCall();
  return useMutation({ mutationFn: (input: CallInput<'enrollers.exportChiefs'>) => call('enrollers.exportChiefs', input) });
};
export const useSetThresholds = () => useMembershipMutation('membership.setThresholds');
export const useSetTarget = () => useMembershipMutation('membership.setTarget');
export const useAddWorkshop = () => useMembershipMutation('workshops.add');
export const useSetAttendance = () => useMembershipMutation('workshops.setAttendance');
export function useInvalidateMembership() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: membershipKeys.all });
}
