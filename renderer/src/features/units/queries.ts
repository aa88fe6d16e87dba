import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import type { MeasureLevel } from '../../../../shared/domain/types';
import { useCall } from '../../app/ApiContext';
import { dashboardKeys } from '../dashboard/queries';

export const unitKeys = {
  all: ['unit'] as const,
  one: (id: string, measureLevel?: MeasureLevel, kindId?: string) => ['unit', id, measureLevel, kindId] as const,
  search: (q: string, pcNo?: number) => ['units-search', q, pcNo] as const,
  history: ['history'] as const,
  person: (phone: string) => ['person-by-phone', phone] as const,
};

/** Everything a committee change can move: the unit pages, every dashboard figure, the last-change banner. */
export function invalidateAfterChange(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: unitKeys.all }),
    qc.invalidateQueries({ queryKey: dashboardKeys.all }),
    qc.invalidateQueries({ queryKey: unitKeys.history }),
    qc.invalidateQueries({ queryKey: ['units-search'] }),
    qc.invalidateQueries({ queryKey: ['person-by-phone'] }),
    // A media committee declared (or undone) changes the "media committee in this Lok Sabha" directives.
    qc.invalidateQueries({ queryKey: ['compliance'] }),
    qc.invalidateQueries({ queryKey: ['directive'] }),
    qc.invalidateQueries({ queryKey: ['meetings'] }),
    qc.invalidateQueries({ queryKey: ['offices'] }),
    // Undo of a visit-planning change (a moved visit, a removed leader or venue) redraws the workspace.
    qc.invalidateQueries({ queryKey: ['visits'] }),
    // Undo of a removed speaker puts the row back in the roster.
    qc.invalidateQueries({ queryKey: ['speakers'] }),
  ]);
}

export function useUnitSearch(q: string, pcNo?: number) {
  const call = useCall();
  const trimmed = q.trim();
  return useQuery({
    queryKey: unitKeys.search(trimmed, pcNo),
    queryFn: () => call('units.search', { q: trimmed, pcNo, limit: 50 }),
    enabled: trimmed.length >= 1,
    placeholderData: (prev) => prev,
  });
}

export function useUnit(id: string, measureLevel?: MeasureLevel, kindId?: string) {
  const call = useCall();
  return useQuery({
    queryKey: unitKeys.one(id, measureLevel, kindId),
    queryFn: () => call('units.get', { id, measureLevel, kindId }),
  });
}

export function useLastChange() {
  const call = useCall();
  return useQuery({ queryKey: unitKeys.history, queryFn: () => call('history.last', {}) });
}

function useChangeMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateAfterChange(qc) });
}

export function useSetStatus() {
  const call = useCall();
  return useChangeMutation((input: CallInput<'committees.setStatus'>) => call('committees.setStatus', input));
}

export function useCreateCommittee() {
  const call = useCall();
  return useChangeMutation((input: CallInput<'committees.create'>) => call('committees.create', input));
}

export function useAddAppointment() {
  const call = useCall();
  return useChangeMutation((input: CallInput<'appointments.add'>) => call('appointments.add', input));
}

export function useRemoveAppointment() {
  const call = useCall();
  return useChangeMutation((appointmentId: string) => call('appointments.remove', { appointmentId }));
}

export function useSetHindiName() {
  const call = useCall();
  return useChangeMutation((input: CallInput<'units.setHindiName'>) => call('units.setHindiName', input));
}

export function useUndoLast() {
  const call = useCall();
  return useChangeMutation(() => call('history.undoLast', {}));
}

/** Looks a person up only once the phone has 10 digits, to offer the existing person instead of a duplicate. */
export function usePersonByPhone(phone: string) {
  const call = useCall();
  const digits = phone.replace(/\D/g, '');
  const ten = digits.length >= 10 ? digits.slice(-10) : null;
  return useQuery({
    queryKey: unitKeys.person(ten ?? ''),
    queryFn: () => call('people.findByPhone', { phone: ten as string }),
    enabled: ten != null,
  });
}
