import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';

export function useImportPreview() {
  const call = useCall();
  return useMutation({ mutationFn: (input: CallInput<'import.preview'>) => call('import.preview', input) });
}

export function useImportCommit() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'import.commit'>) => call('import.commit', input),
    // An import can touch any unit, committee or figure.
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useExportCsv() {
  const call = useCall();
  return useMutation({ mutationFn: (input: CallInput<'export.csv'>) => call('export.csv', input) });
}
