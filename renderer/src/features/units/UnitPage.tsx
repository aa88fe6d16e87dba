import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeKind, UnitDetail } from '../../../../shared/ipc/views';
import { useNotifyChange } from '../../app/ChangeBanner';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { navigate } from '../../app/route';
import { effectiveKindId, useDashboardPrefs } from '../dashboard/prefs';
import { useMetaLists, useSession } from '../meta/queries';
import { CommitteeCard } from './CommitteeCard';
import { useCreateCommittee, useSetHindiName, useUnit } from './queries';

export function UnitPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meta = useMetaLists();
  const session = useSession();
  const [prefs] = useDashboardPrefs();
  const kindId = meta.data ? effectiveKindId(prefs.kindId, meta.data.kinds) ?? undefined : undefined;
  const unit = useUnit(id, prefs.measureLevel, kindId);
  const isAdmin = session.data?.user?.role === 'state_admin';

  if (unit.isPending) return <Loading />;
  if (unit.error) return <ErrorText error={unit.error} testId="unit-error" />;
  const d = unit.data;
  const fmt = (n: number) => formatNumber(n, lang);

  return (
    <div className="unit-page">
      <nav className="breadcrumb" aria-label={t('units.breadcrumb')} data-testid="breadcrumb">
        {d.ancestors.map((a) => (
          <span key={a.id}>
            <a href={`#/unit/${encodeURIComponent(a.id)}`}>{displayName(a.nameEn, a.nameHi, lang)}</a>
            <span aria-hidden="true"> › </span>
          </span>
        ))}
        <span aria-current="page">{displayName(d.unit.nameEn, d.unit.nameHi, lang)}</span>
      </nav>

      <section className="panel unit-head">
        <div>
          <h1 data-testid="unit-name">{displayName(d.unit.nameEn, d.unit.nameHi, lang)}</h1>
          <div className="muted">
            <span className="badge level">{t(`levels.${d.unit.level}`)}</span> {d.unit.code}
            {d.unit.closed && <span className="badge closed">{t('units.closed')}</span>}
            {lang === 'hi' && !d.unit.nameHi && <span className="small"> · {t('units.noHindiName')}</span>}
          </div>
          {isAdmin && <HindiNameForm unitId={d.unit.id} current={d.unit.nameHi} />}
        </div>
        {d.figure && (
          <div className="headline-figure" data-testid="unit-figure">
            <span className="big">{formatPct(d.figure.pct, lang) ?? t('common.noData')}</span>
            <span>
              {t('dashboard.headline', { done: fmt(d.figure.done), expected: fmt(d.figure.expected), level: t(`levelsPlural.${prefs.measureLevel}`) })}
            </span>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="committees-title">
        <div className="panel-head">
          <h2 id="committees-title">{t('committees.title')}</h2>
          {meta.data && <FormCommittee unitId={d.unit.id} kinds={meta.data.kinds} detail={d} />}
        </div>
        {d.committees.length === 0 && <p className="muted">{t('committees.none')}</p>}
        <div className="committee-grid">
          {d.committees.map((c) => (
            <CommitteeCard key={c.id} committee={c} />
          ))}
        </div>
      </section>

      {d.children.length > 0 && (
        <section className="panel" aria-labelledby="children-title">
          <h2 id="children-title">{t('units.children')}</h2>
          <div className="table-scroll">
            <table className="data-table" data-testid="children-table">
              <thead>
                <tr>
                  <th>{t('table.name')}</th>
                  <th>{t('units.level')}</th>
                  <th className="num">{t('table.expected')}</th>
                  <th className="num">{t('table.verified')}</th>
                  <th className="num">{t('table.pct')}</th>
                </tr>
              </thead>
              <tbody>
                {d.children.map((c) => (
                  <tr key={c.id} className="clickable" onClick={() => navigate({ name: 'unit', id: c.id })}>
                    <td>
                      <a href={`#/unit/${encodeURIComponent(c.id)}`} onClick={(e) => e.stopPropagation()}>
                        {displayName(c.nameEn, c.nameHi, lang)}
                      </a>{' '}
                      <span className="muted small">{c.code}</span>
                    </td>
                    <td>{t(`levels.${c.level}`)}</td>
                    <td className="num">{fmt(c.figure.expected)}</td>
                    <td className="num">{fmt(c.figure.verified)}</td>
                    <td className="num">{formatPct(c.figure.pct, lang) ?? t('common.noData')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

function FormCommittee({ unitId, kinds, detail }: { unitId: string; kinds: CommitteeKind[]; detail: UnitDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const notify = useNotifyChange();
  const create = useCreateCommittee();
  const present = new Set(detail.committees.map((c) => c.kindId));
  const available = kinds.filter((k) => !present.has(k.id));
  const [kindId, setKindId] = useState('');
  if (available.length === 0) return null;
  const chosen = available.some((k) => k.id === kindId) ? kindId : available[0].id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ unitId, kindId: chosen }, { onSuccess: () => notify(t('change.committeeCreated')) });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={`${id}-kind`}>{t('committees.formKind')}</label>
      <select id={`${id}-kind`} value={chosen} onChange={(e) => setKindId(e.target.value)} data-testid="new-committee-kind">
        {available.map((k) => (
          <option key={k.id} value={k.id}>
            {displayName(k.nameEn, k.nameHi, i18n.language)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={create.isPending} data-testid="form-committee">
        {t('committees.form')}
      </button>
      <ErrorText error={create.error} />
    </form>
  );
}

function HindiNameForm({ unitId, current }: { unitId: string; current: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const notify = useNotifyChange();
  const [value, setValue] = useState(current ?? '');
  const save = useSetHindiName();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: unitId, nameHi: value.trim() }, { onSuccess: () => notify(t('change.hindiNameSaved')) });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={`${id}-hi`}>{t('units.hindiName')}</label>
      <input id={`${id}-hi`} lang="hi" value={value} onChange={(e) => setValue(e.target.value)} maxLength={120} />
      <button type="submit" disabled={save.isPending || !value.trim() || value.trim() === current}>
        {t('common.save')}
      </button>
      <ErrorText error={save.error} />
    </form>
  );
}
