import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitLevel } from '../../../../shared/domain/types';
import { displayName } from '../../app/format';
import { useUnitSearch } from '../directives/queries';

/**
 * Pick the unit a roster entry belongs to: its level, then a unit of that level found by name or code
 * (blocks run to a few hundred, so the list is searched rather than scrolled). Reports the chosen unit's
 * id, '' while none matches.
 */
export function UnitPicker({ levels, onChange }: { levels: readonly UnitLevel[]; onChange: (unitId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [level, setLevel] = useState<UnitLevel>(levels[0]);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState('');
  const units = useUnitSearch(level, q);
  const unitId = picked && units.data?.some((u) => u.id === picked) ? picked : (units.data?.[0]?.id ?? '');
  useEffect(() => onChange(unitId), [unitId, onChange]);
  return (
    <>
      <select
        value={level}
        onChange={(e) => {
          setLevel(e.target.value as UnitLevel);
          setQ('');
          setPicked('');
        }}
        aria-label={t('teams.level')}
      >
        {levels.map((l) => (
          <option key={l} value={l}>
            {t(`levels.${l}`)}
          </option>
        ))}
      </select>
      <input type="search" placeholder={t('teams.findUnit')} value={q} onChange={(e) => setQ(e.target.value)} aria-label={t('teams.findUnit')} />
      <select value={unitId} onChange={(e) => setPicked(e.target.value)} aria-label={t('directives.unit')}>
        {(units.data ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {displayName(u.nameEn, u.nameHi, lang)}
          </option>
        ))}
      </select>
    </>
  );
}
