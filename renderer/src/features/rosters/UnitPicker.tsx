import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitLevel } from '../../../../shared/domain/types';
import { displayName } from '../../app/format';
import { useUnitSearch } from '../directives/queries';

/**
 * Pick the unit a roster entry or a meeting belongs to: its level, then a unit of that level found by name or
 * code (blocks run to a few hundred, so the list is searched rather than scrolled). Reports the chosen unit's id
 * ('' while none matches) with the level it was picked at. `testId` names the three controls
 * (`<testId>-level`, `<testId>-search`, `<testId>-unit`).
 */
export function UnitPicker<L extends UnitLevel>({
  levels,
  onChange,
  testId,
}: {
  levels: readonly L[];
  onChange: (unitId: string, level: L) => void;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [level, setLevel] = useState<L>(levels[0]);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState('');
  const units = useUnitSearch(level, q);
  // While the new level's units load, the search shows the previous answer: never report a unit of another level.
  const options = (units.data ?? []).filter((u) => u.level === level);
  const unitId = picked && options.some((u) => u.id === picked) ? picked : (options[0]?.id ?? '');
  useEffect(() => onChange(unitId, level), [unitId, level, onChange]);
  return (
    <>
      <label>
        {t('teams.level')}{' '}
        <select
          value={level}
          onChange={(e) => {
            setLevel(e.target.value as L);
            setQ('');
            setPicked('');
          }}
          aria-label={t('teams.level')}
          data-testid={testId && `${testId}-level`}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        placeholder={t('teams.findUnit')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-label={t('teams.findUnit')}
        data-testid={testId && `${testId}-search`}
      />
      <label>
        {t('directives.unit')}{' '}
        <select value={unitId} onChange={(e) => setPicked(e.target.value)} aria-label={t('directives.unit')} data-testid={testId && `${testId}-unit`}>
          {options.map((u) => (
            <option key={u.id} value={u.id}>
              {displayName(u.nameEn, u.nameHi, lang)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
