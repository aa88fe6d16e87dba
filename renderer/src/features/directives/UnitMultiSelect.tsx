import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitLevel } from '../../../../shared/domain/types';
import type { UnitSummary } from '../../../../shared/ipc/views';
import { displayName } from '../../app/format';
import { useUnitSearch } from './queries';

/** Pick units of one level by searching their names or codes; the chosen ones stay listed with a remove button. */
export function UnitMultiSelect({ level, chosen, onChange, testId }: { level: UnitLevel; chosen: readonly UnitSummary[]; onChange: (next: UnitSummary[]) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const hits = useUnitSearch(level, q);
  const chosenIds = new Set(chosen.map((u) => u.id));
  const toggle = (u: UnitSummary) => onChange(chosenIds.has(u.id) ? chosen.filter((c) => c.id !== u.id) : [...chosen, u]);
  return (
    <div className="unit-multi-select" data-testid={testId}>
      <ul className="chips" aria-label={t('directives.chosenUnits')} data-testid={`${testId}-chosen`}>
        {chosen.map((u) => (
          <li key={u.id}>
            {displayName(u.nameEn, u.nameHi, lang)}{' '}
            <button type="button" onClick={() => toggle(u)} aria-label={t('directives.removeUnit', { name: displayName(u.nameEn, u.nameHi, lang) })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('directives.searchUnits', { level: t(`levels.${level}`) })} data-testid={`${testId}-search`} />
      <div className="table-scroll short">
        <ul className="checklist">
          {(hits.data ?? []).map((u) => (
            <li key={u.id}>
              <label>
                <input type="checkbox" checked={chosenIds.has(u.id)} onChange={() => toggle(u)} data-testid={`${testId}-option`} /> {displayName(u.nameEn, u.nameHi, lang)}{' '}
                <span className="muted">{u.path}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      <p className="muted" data-testid={`${testId}-count`}>
        {t('directives.chosenCount', { n: chosen.length })}
      </p>
    </div>
  );
}
