import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardData, MetaLists } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { byAcSeries, statusByLevelSeries } from '../../components/charts/chartShaping';
import { useAppInfo, useMetaLists } from '../meta/queries';
import { effectiveKindId, useDashboardPrefs } from '../dashboard/prefs';
import { useDashboards, type DashboardInput } from '../dashboard/queries';
import { laggards } from '../dashboard/unitsTable';

/** One printed page per Lok Sabha: what an in-charge carries into a review meeting. */
export function ReportPage({ pc }: { pc: number | 'all' }) {
  const { t } = useTranslation();
  const meta = useMetaLists();
  const info = useAppInfo();
  const [prefs] = useDashboardPrefs();
  const kindId = meta.data ? effectiveKindId(prefs.kindId, meta.data.kinds) : null;
  const pcNos = useMemo(() => (meta.data ? (pc === 'all' ? meta.data.pcs.map((p) => p.no) : [pc]) : []), [meta.data, pc]);
  const inputs: DashboardInput[] = useMemo(
    () =>
      kindId
        ? pcNos.map((no) => ({ scope: { type: 'pc' as const, pcNo: no }, measureLevel: prefs.measureLevel, kindId, tableLevel: 'block' as const }))
        : [],
    [pcNos, kindId, prefs.measureLevel],
  );
  const results = useDashboards(inputs);

  if (meta.isPending) return <Loading />;
  if (meta.error) return <ErrorText error={meta.error} />;
  const kind = meta.data.kinds.find((k) => k.id === kindId);

  return (
    <div className="report">
      <div className="report-toolbar no-print">
        <a href="#/dashboard">{t('report.back')}</a>
        <button type="button" className="primary" onClick={() => window.print()} data-testid="report-print">
          {t('report.print')}
        </button>
      </div>
      {results.map((r, i) => (
        <div key={pcNos[i]} className="report-page" data-testid={`report-page-${pcNos[i]}`}>
          {r.data ? (
            <ReportSheet data={r.data} meta={meta.data} demo={Boolean(info.data?.demo)} kindName={kind ? kind : null} />
          ) : r.error ? (
            <ErrorText error={r.error} />
          ) : (
            <Loading />
          )}
        </div>
      ))}
    </div>
  );
}

function ReportSheet({
  data,
  meta,
  demo,
  kindName,
}: {
  data: DashboardData;
  meta: MetaLists;
  demo: boolean;
  kindName: { nameEn: string; nameHi: string } | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = (n: number) => formatNumber(n, lang);
  const pcNo = data.scope.type === 'pc' ? data.scope.pcNo : null;
  const name = data.scope.type === 'pc' ? displayName(data.scope.nameEn, data.scope.nameHi, lang) : t('dashboard.state');
  const acNos = meta.pcs.find((p) => p.no === pcNo)?.acNos;
  const acs = byAcSeries(data.byAc, lang, acNos);
  const levels = statusByLevelSeries(data.statusByLevel);
  const lag = laggards(data.table, 10);

  return (
    <article>
      <header className="report-head">
        <h1>{t('report.title', { no: pcNo ?? '', name })}</h1>
        {demo && <span className="demo-badge">{t('demo.badge')}</span>}
        <div className="muted">
          {t('report.subtitle', {
            date: formatDate(data.generatedAt, lang),
            level: t(`levelsPlural.${data.measureLevel}`),
            kind: kindName ? displayName(kindName.nameEn, kindName.nameHi, lang) : '',
          })}
        </div>
      </header>
      <p className="report-figure">
        <strong>{formatPct(data.total.pct, lang) ?? t('common.noData')}</strong>{' '}
        {t('dashboard.headline', { done: fmt(data.total.done), expected: fmt(data.total.expected), level: t(`levelsPlural.${data.measureLevel}`) })}
        {' · '}
        {t('dashboard.declaredVerified', { declared: fmt(data.total.declared), verified: fmt(data.total.verified) })}
      </p>

      <h2>{t('report.byAc')}</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('report.acNo')}</th>
            <th>{t('table.name')}</th>
            <th className="num">{t('table.expected')}</th>
            <th className="num">{t('table.done')}</th>
            <th className="num">{t('table.pct')}</th>
          </tr>
        </thead>
        <tbody>
          {acs.map((a) => (
            <tr key={a.acNo}>
              <td>{a.acNo}</td>
              <td>{a.name}</td>
              <td className="num">{fmt(a.expected)}</td>
              <td className="num">{fmt(a.done)}</td>
              <td className="num">{a.hasData ? formatPct(a.pct, lang) : t('common.noData')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('report.byLevel')}</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('report.level')}</th>
            <th className="num">{t('status.not_formed')}</th>
            <th className="num">{t('status.declared')}</th>
            <th className="num">{t('status.verified')}</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((l) => (
            <tr key={l.level}>
              <td>{t(`levels.${l.level}`)}</td>
              <td className="num">{fmt(l.notFormed)}</td>
              <td className="num">{fmt(l.declared)}</td>
              <td className="num">{fmt(l.verified)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('report.laggards')}</h2>
      {lag.length === 0 ? (
        <p className="muted">{t('report.noLaggards')}</p>
      ) : (
        <ol className="laggards">
          {lag.map((r) => (
            <li key={r.unitId}>
              {displayName(r.nameEn, r.nameHi, lang)} — {formatPct(r.pct, lang)} ({t('map.figureLine', { done: fmt(r.done), expected: fmt(r.expected) })})
            </li>
          ))}
        </ol>
      )}
      {demo && <p className="muted small">{t('demo.note')}</p>}
    </article>
  );
}
