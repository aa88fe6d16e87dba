import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/domain/visits/conflicts';
import { formatDate } from '../../app/format';
import { conflictValues } from './shaping';

/** Conflicts in words, in the chosen language; clicking one selects its first visit. */
export function ConflictList({ conflicts, onSelect }: { conflicts: Conflict[]; onSelect: (visitId: string, date: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (conflicts.length === 0) return <p className="muted" data-testid="no-conflicts">{t('visits.conflicts.none')}</p>;
  return (
    <ul className="conflicts" data-testid="conflict-list">
      {conflicts.map((c, i) => {
        const values = conflictValues(c, lang);
        const key = c.kind === 'outside_availability' && !c.params.onDate ? 'outside_availability_date' : c.kind === 'permission_late' && c.params.status === 'refused' ? 'permission_refused' : c.kind === 'permission_late' && c.params.status === 'granted' ? 'permission_granted_late' : c.kind;
        return (
          <li key={`${c.kind}-${c.visitIds.join('-')}-${i}`} data-testid="conflict" data-kind={c.kind}>
            <button type="button" className="link" onClick={() => onSelect(c.visitIds[0], c.date)}>
              <strong>{t(`visits.conflictKind.${c.kind}`)}</strong> · {formatDate(c.date, lang)}
            </button>
            <div data-testid="conflict-text">{t(`visits.conflict.${key}`, { ...values, mode: t(`visits.mode.${String(c.params.mode ?? 'road')}`) })}</div>
          </li>
        );
      })}
    </ul>
  );
}
