import { useTranslation } from 'react-i18next';
import type { RosterKind } from '../../../../shared/ipc/views';
import { downloadText } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { useExportRoster } from '../offices/queries';

/** The export and print buttons every roster's toolbar carries. */
export function RosterTools({ roster, testId }: { roster: RosterKind; testId?: string }) {
  const { t } = useTranslation();
  const exporter = useExportRoster();
  return (
    <>
      <button type="button" className="no-print" data-testid={testId ? `${testId}-export` : undefined} onClick={() => exporter.mutate(roster, { onSuccess: (r) => downloadText(r.fileName, r.text) })}>
        {t('rosters.export')}
      </button>
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('rosters.print')}
      </button>
      <ErrorText error={exporter.error} />
    </>
  );
}
