import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_LEVELS, type MeasureLevel } from '../../../../shared/domain/types';
import type { AreaFigure, DashboardData, MetaLists } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDateTime, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { navigate } from '../../app/route';
import { byAcSeries, historySeries, statusByLevelSeries } from '../../components/charts/chartShaping';
import { ByAcChart } from '../../components/charts/ByAcChart';
import { HistoryChart } from '../../components/charts/HistoryChart';
import { StatusByLevelChart } from '../../components/charts/StatusByLevelChart';
import { ChoroplethMap, type MapLabels } from '../../components/map/ChoroplethMap';
import { MembershipPanel } from '../membership/MembershipPanel';
import { StateComparison } from '../sync/StateComparison';
import { useMembershipDashboard } from '../membership/queries';
import { figuresForLayer, MAP_LAYERS } from '../../components/map/mapShaping';
import { useGeoLayers, useMetaLists } from '../meta/queries';
import { effectiveKindId, useDashboardPrefs, type DashboardPrefs } from './prefs';
import { useDashboard } from './queries';
import { UnitsTable } from './UnitsTable';

export function DashboardPage() {
  const { t } = useTranslation();
  const meta = useMetaLists();
  const [prefs, update] = useDashboardPrefs();
  const kindId = meta.data ? effectiveKindId(prefs.kindId, meta.data.kinds) : null;
  const input = useMemo(
    () =>
      kindId
        ? {
            scope: prefs.scope === 'state' ? ({ type: 'state' } as const) : ({ type: 'pc', pcNo: prefs.scope } as const),
            measureLevel: prefs.measureLevel,
            kindId,
            tableLevel: prefs.tableLevel,
          }
        : null,
    [kindId, prefs.scope, prefs.measureLevel, prefs.tableLevel],
  );
  const dash = useDashboard(input);

  if (meta.isPending) return <Loading />;
  if (meta.error) return <ErrorText error={meta.error} />;

  return (
    <div className="dashboard">
      <Filters meta={meta.data} prefs={prefs} kindId={kindId} update={update} />
      <ErrorText error={dash.error} testId="dashboard-error" />
      {dash.data ? (
        <DashboardBody data={dash.data} meta={meta.data} prefs={prefs} update={update} stale={dash.isFetching} />
      ) : (
        dash.isPending && <Loading />
      )}
      {meta.data.kinds.length === 0 && <p className="muted">{t('dashboard.noKinds')}</p>}
      {prefs.scope === 'state' && <StateComparison measureLevel={prefs.measureLevel} />}
      <MembershipSection scope={prefs.scope === 'state' ? { type: 'state' } : { type: 'pc', pcNo: prefs.scope }} />
    </div>
  );
}

/** The membership drive on the same scope: claimed vs verified against target (its map is on the membership page). */
function MembershipSection({ scope }: { scope: { type: 'state' } | { type: 'pc'; pcNo: number } }) {
  const m = useMembershipDashboard(scope);
  if (m.error) return <ErrorText error={m.error} />;
  return m.data ? <MembershipPanel data={m.data} showMap={false} /> : null;
}

function Filters({
  meta,
  prefs,
  kindId,
  update,
}: {
  meta: MetaLists;
  prefs: DashboardPrefs;
  kindId: string | null;
  update: (p: Partial<DashboardPrefs>) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  return (
    <div className="filters panel no-print" role="group" aria-label={t('dashboard.filters')}>
      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('dashboard.scope')}</label>
        <select
          id={`${id}-scope`}
          data-testid="scope-select"
          value={prefs.scope === 'state' ? 'state' : String(prefs.scope)}
          onChange={(e) => update({ scope: e.target.value === 'state' ? 'state' : Number(e.target.value) })}
        >
          <option value="state">{t('dashboard.state')}</option>
          {meta.pcs.map((pc) => (
            <option key={pc.no} value={String(pc.no)}>
              {t('dashboard.pcOption', { no: pc.no, name: displayName(pc.nameEn, pc.nameHi, lang) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-level`}>{t('dashboard.measureLevel')}</label>
        <select id={`${id}-level`} data-testid="level-select" value={prefs.measureLevel} onChange={(e) => update({ measureLevel: e.target.value as MeasureLevel })}>
          {MEASURE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('dashboard.kind')}</label>
        <select id={`${id}-kind`} data-testid="kind-select" value={kindId ?? ''} onChange={(e) => update({ kindId: e.target.value })}>
          {meta.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {displayName(k.nameEn, k.nameHi, lang)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function DashboardBody({
  data,
  meta,
  prefs,
  update,
  stale,
}: {
  data: DashboardData;
  meta: MetaLists;
  prefs: DashboardPrefs;
  update: (p: Partial<DashboardPrefs>) => void;
  stale: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const geo = useGeoLayers();
  const pcNo = data.scope.type === 'pc' ? data.scope.pcNo : null;
  const scopeName = data.scope.type === 'pc' ? displayName(data.scope.nameEn, data.scope.nameHi, lang) : t('dashboard.state');
  const acNos = pcNo == null ? undefined : meta.pcs.find((p) => p.no === pcNo)?.acNos;

  const statusSeries = useMemo(() => statusByLevelSeries(data.statusByLevel), [data.statusByLevel]);
  const acSeries = useMemo(() => byAcSeries(data.byAc, lang, acNos), [data.byAc, lang, acNos]);
  const history = useMemo(() => historySeries(data.history), [data.history]);
  const fmt = (n: number) => formatNumber(n, lang);

  const mapLabels: MapLabels = {
    noData: t('common.noData'),
    legendTitle: t('map.legend'),
    blockHq: t('map.blockHq'),
    figureLine: (f: AreaFigure) => t('map.figureLine', { done: fmt(f.done), expected: fmt(f.expected) }),
  };

  return (
    <div className={stale ? 'dashboard-body stale' : 'dashboard-body'} aria-busy={stale}>
      <section className="headline panel" data-testid="headline">
        <div>
          <h1>{scopeName}</h1>
          <div className="muted small">
            {t('dashboard.generatedAt', { when: formatDateTime(data.generatedAt, lang) })}
          </div>
        </div>
        <div className="headline-figure">
          <span className="big" data-testid="headline-pct">
            {formatPct(data.total.pct, lang) ?? t('common.noData')}
          </span>
          <span>
            {t('dashboard.headline', {
              done: fmt(data.total.done),
              expected: fmt(data.total.expected),
              level: t(`levelsPlural.${data.measureLevel}`),
            })}
          </span>
          <span className="muted small">
            {t('dashboard.declaredVerified', { declared: fmt(data.total.declared), verified: fmt(data.total.verified) })}
          </span>
        </div>
      </section>

      <div className="dash-grid">
        <section className="panel map-panel" aria-label={t('map.title')}>
          <div className="panel-head">
            <h2>{t('map.title')}</h2>
            <div className="radio-group" role="radiogroup" aria-label={t('map.layer')}>
              {MAP_LAYERS.map((l) => (
                <label key={l}>
                  <input type="radio" name="map-layer" value={l} checked={prefs.mapLayer === l} onChange={() => update({ mapLayer: l })} data-testid={`map-layer-${l}`} />
                  {t(`map.layers.${l}`)}
                </label>
              ))}
            </div>
          </div>
          <div data-testid="map" className="map-box">
            {geo.data ? (
              <ChoroplethMap
                geo={geo.data}
                layer={prefs.mapLayer}
                figures={figuresForLayer(data, prefs.mapLayer)}
                lang={lang}
                fitPcNo={pcNo}
                labels={mapLabels}
                onAreaClick={(unitId) => navigate({ name: 'unit', id: unitId })}
              />
            ) : geo.error ? (
              <ErrorText error={geo.error} />
            ) : (
              <Loading />
            )}
          </div>
        </section>

        <section className="panel" aria-labelledby="chart-status-title">
          <h2 id="chart-status-title">{t('charts.statusByLevel')}</h2>
          <div data-testid="chart-status-by-level" className="chart">
            <StatusByLevelChart
              data={statusSeries}
              lang={lang}
              width={520}
              height={300}
              labels={{
                level: (l) => t(`levels.${l}`),
                notFormed: t('status.not_formed'),
                declared: t('status.declared'),
                verified: t('status.verified'),
              }}
            />
          </div>
        </section>

        <section className="panel" aria-labelledby="chart-ac-title">
          <h2 id="chart-ac-title">{t('charts.byAc')}</h2>
          <div data-testid="chart-by-ac" className="chart">
            <ByAcChart
              data={acSeries}
              lang={lang}
              width={620}
              height={280}
              labels={{
                pct: t('table.pct'),
                noData: t('common.noData'),
                tooltip: (b) => t('charts.acTooltip', { pct: formatPct(b.pct, lang), done: fmt(b.done), expected: fmt(b.expected) }),
              }}
              onBarClick={(acNo) => {
                const f = data.byAc.find((a) => a.featureId === acNo);
                if (f) navigate({ name: 'unit', id: f.unitId });
              }}
            />
          </div>
        </section>

        <section className="panel" aria-labelledby="chart-history-title">
          <h2 id="chart-history-title">{t('charts.history')}</h2>
          <div data-testid="chart-history" className="chart">
            {history.length === 0 ? (
              <p className="muted">{t('charts.noHistory')}</p>
            ) : (
              <HistoryChart data={history} lang={lang} width={520} height={280} labels={{ declared: t('status.declared'), verified: t('status.verified') }} />
            )}
          </div>
        </section>
      </div>

      <UnitsTable
        rows={data.table}
        tableLevel={prefs.tableLevel}
        onTableLevel={(l) => update({ tableLevel: l })}
        fileName={`units-${pcNo == null ? 'state' : `pc-${pcNo}`}-${data.measureLevel}.csv`}
        onPrint={() => navigate({ name: 'report', pc: pcNo ?? 'all' })}
      />
    </div>
  );
}
