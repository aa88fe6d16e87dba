import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { displayName } from '../../app/format';
import { Loading } from '../../app/Loading';
import { useUnitSearch } from './queries';

export function UnitSearchPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const search = useUnitSearch(q);
  return (
    <div className="panel">
      <h1>{t('units.findTitle')}</h1>
      <div className="field wide">
        <label htmlFor={`${id}-q`}>{t('units.searchLabel')}</label>
        <input
          id={`${id}-q`}
          type="search"
          data-testid="unit-search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('units.searchPlaceholder')}
          autoFocus
        />
      </div>
      <ErrorText error={search.error} />
      {search.isFetching && !search.data && <Loading />}
      {search.data && q.trim() && (
        <ul className="results" data-testid="unit-results">
          {search.data.length === 0 && <li className="muted">{t('units.noResults')}</li>}
          {search.data.map((u) => (
            <li key={u.id}>
              <a href={`#/unit/${encodeURIComponent(u.id)}`}>
                <strong>{displayName(u.nameEn, u.nameHi, i18n.language)}</strong>
              </a>{' '}
              <span className="badge level">{t(`levels.${u.level}`)}</span> <span className="muted small">{u.code}</span>
              {u.closed && <span className="badge closed">{t('units.closed')}</span>}
              <div className="muted small">{u.path}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
