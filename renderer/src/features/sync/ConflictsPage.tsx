import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../../shared/ipc/syncViews';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/Loading';
import { conflictReasonLabel, tableLabel } from './labels';
import { useConflicts, useResolveConflict } from './queries';

function shown(v: string | number | null, empty: string): string {
  return v === null || v === '' ? empty : String(v);
}

/** Values that lost to a newer change elsewhere, kept by sync: restore one as a new edit, or dismiss it. */
export function ConflictsPage() {
  const { t, i18n } = useTranslation();
  const conflicts = useConflicts();
  const resolve = useResolveConflict();
  const [restoring, setRestoring] = useState<ConflictView | null>(null);
  if (conflicts.isPending) return <Loading />;
  if (conflicts.error) return <ErrorText error={conflicts.error} />;
  const lang = i18n.language;
  const empty = t('conflicts.empty');
  return (
    <div className="panel">
      <h1>{t('conflicts.title')}</h1>
      <p className="muted">{t('conflicts.help')}</p>
      <ErrorText error={resolve.error} />
      {conflicts.data.length === 0 ? (
        <p data-testid="conflicts-none">{t('conflicts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="conflicts-table">
            <thead>
              <tr>
                <th>{t('sync.table')}</th>
                <th>{t('sync.record')}</th>
                <th>{t('conflicts.field')}</th>
                <th>{t('conflicts.kept')}</th>
                <th>{t('conflicts.current')}</th>
                <th>{t('conflicts.whoWhen')}</th>
                <th>{t('sync.reason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {conflicts.data.map((c) => (
                <tr key={c.id} data-testid={`conflict-${c.id}`}>
                  <td>{tableLabel(t, c.table)}</td>
                  <td>{c.rowLabel ?? <span className="mono">{c.rowId}</span>}</td>
                  <td className="mono">{c.field}</td>
                  <td data-testid="conflict-kept">{shown(c.keptValue, empty)}</td>
                  <td data-testid="conflict-current">{shown(c.currentValue, empty)}</td>
                  <td>
                    {c.lostHere ? t('conflicts.here') : t('conflicts.elsewhere')}
                    {c.lostAt && <div className="muted small">{formatDateTime(c.lostAt, lang)}</div>}
                  </td>
                  <td className="small" data-testid="conflict-reason">{conflictReasonLabel(t, c.reason)}</td>
                  <td>
                    <button type="button" onClick={() => setRestoring(c)} disabled={resolve.isPending} data-testid="conflict-restore">
                      {t('conflicts.restore')}
                    </button>{' '}
                    <button type="button" onClick={() => resolve.mutate({ id: c.id, action: 'dismiss' })} disabled={resolve.isPending} data-testid="conflict-dismiss">
                      {t('conflicts.dismiss')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('conflicts.confirmTitle')}
          confirmLabel={t('conflicts.restore')}
          busy={resolve.isPending}
          onCancel={() => setRestoring(null)}
          onConfirm={() => resolve.mutate({ id: restoring.id, action: 'restore' }, { onSettled: () => setRestoring(null) })}
        >
          <p>
            {t('conflicts.confirmBody', {
              field: restoring.field,
              record: restoring.rowLabel ?? restoring.rowId,
              kept: shown(restoring.keptValue, empty),
              current: shown(restoring.currentValue, empty),
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
