import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaFigure, ComplianceData, ComplianceItem } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { ChoroplethMap } from '../../components/map/ChoroplethMap';
import { DirectiveList } from '../directives/DirectivesPage';
import { useGeoLayers, useMetaLists } from '../meta/queries';
import { parseScope, scopeValue, useComplianceScope } from './complianceScope';
import { useCompliance } from './queries';


/** Compliance with the directives: % done, the map by Lok Sabha or district, overdue and due-soon lists. */
export function CompliancePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meta = useMetaLists();
  const geo = useGeoLayers();
  const [scope, setScope] = useComplianceScope();
  const [layer, setLayer] = useState<'pcs' | 'districts'>('pcs');
  const [showBlocks, setShowBlocks] = useState(false);
  const data = useCompliance(scope);
  if (meta.isPending || geo.isPending || data.isPending) return <Loading />;
  if (meta.error || geo.error || data.error) return <ErrorText error={meta.error ?? geo.error ?? data.error} />;
  const c = data.data;
  const figures = layer === 'pcs' ? c.byPc : c.byDistrict;
  const fitPcNo = scope.type === 'pc' ? scope.pcNo : null;

  return (
    <div className="compliance-page">
      <section className="panel">
        <div className="toolbar">
          <h1>{t('compliance.title')}</h1>
          <select value={scopeValue(scope)} onChange={(e) => setScope(parseScope(e.target.value))} data-testid="compliance-scope" aria-label={t('compliance.scope')}>
            <option value="state">{t('compliance.allState')}</option>
            <optgroup label={t('compliance.pcs')}>
              {meta.data.pcs.map((p) => (
                <option key={p.no} value={`pc:${p.no}`}>
                  {displayName(p.nameEn, p.nameHi, lang)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('compliance.districts')}>
              {meta.data.districts.map((d) => (
                <option key={d.code} value={`district:${d.census2011Code}`}>
                  {displayName(d.nameEn, d.nameHi, lang)}
                </option>
              ))}
            </optgroup>
          </select>
          {scope.type !== 'state' && (
            <a href={scope.type === 'pc' ? `#/progress/${scope.pcNo}` : `#/progress/district/${scope.districtCode}`} data-testid="progress-report-link">
              {t('compliance.progressReport')}
            </a>
          )}
          <a href="#/review" data-testid="review-link">
            {t('compliance.review')}
          </a>
        </div>
        <Totals c={c} />
      </section>
      <div className="dashboard-grid">
        <section className="panel map-panel" style={{ height: 480 }}>
          <div className="toolbar">
            {(['pcs', 'districts'] as const).map((l) => (
              <label key={l}>
                <input type="radio" name="compliance-layer" checked={layer === l} onChange={() => setLayer(l)} data-testid={`compliance-layer-${l}`} />{' '}
                {t(`map.layers.${l}`)}
              </label>
            ))}
            <label>
              <input type="checkbox" checked={showBlocks} onChange={(e) => setShowBlocks(e.target.checked)} data-testid="compliance-layer-blocks" /> {t('compliance.blocksLayer')}
            </label>
          </div>
          <div style={{ height: 420 }} data-testid="compliance-map">
            <ChoroplethMap
              geo={geo.data}
              layer={layer}
              figures={figures}
              lang={lang}
              fitPcNo={fitPcNo}
              labels={{
                noData: t('common.noData'),
                legendTitle: t('compliance.legend'),
                figureLine: (f: AreaFigure) =>
                  t('compliance.figureLine', {
                    done: formatNumber(f.done, lang),
                    total: formatNumber(f.expected, lang),
                    overdue: formatNumber(figures.find((x) => x.featureId === f.featureId)?.overdue ?? 0, lang),
                  }),
                blockHq: t('map.blockHq'),
                statuses: { done: t('compliance.status.done'), pending: t('compliance.status.pending'), overdue: t('compliance.status.overdue') },
              }}
              points={
                showBlocks
                  ? c.blocks.map((b) => ({
                      id: b.unitId,
                      lat: b.lat,
                      lon: b.lon,
                      status: b.status,
                      lines: [
                        displayName(b.nameEn, b.nameHi, lang),
                        t(`compliance.status.${b.status}`),
                        t('compliance.figureLine', { done: formatNumber(b.counts.done, lang), total: formatNumber(b.counts.total, lang), overdue: formatNumber(b.counts.overdue, lang) }),
                      ],
                    }))
                  : undefined
              }
              onAreaClick={(unitId) => {
                const f = figures.find((x) => x.unitId === unitId);
                if (f) setScope(layer === 'pcs' ? { type: 'pc', pcNo: f.featureId } : { type: 'district', districtCode: String(f.featureId) });
              }}
            />
          </div>
        </section>
        <section className="panel">
          <h2>
            {t('compliance.dueSoon')} <span data-testid="due-soon-count">({formatNumber(c.dueSoon.length, lang)})</span>
          </h2>
          <ItemList items={c.dueSoon} kind="due" testId="due-soon" />
        </section>
      </div>
      <section className="panel">
        <h2>{t('compliance.overdueList')}</h2>
        <ItemList items={c.overdue} kind="overdue" testId="overdue-list" />
      </section>
      <section className="panel">
        <h2>{t('compliance.directives')}</h2>
        <DirectiveList directives={c.directives} />
      </section>
    </div>
  );
}

export function Totals({ c }: { c: ComplianceData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ul className="counts headline" data-testid="compliance-totals">
      <li data-testid="compliance-pct">{t('compliance.pctDone', { pct: formatPct(c.totals.pct, lang) ?? t('common.noData') })}</li>
      <li data-testid="compliance-done">{t('directives.countDone', { n: formatNumber(c.totals.done, lang) })}</li>
      <li data-testid="compliance-pending">{t('directives.countPending', { n: formatNumber(c.totals.pending, lang) })}</li>
      <li data-testid="compliance-overdue">{t('directives.countOverdue', { n: formatNumber(c.totals.overdue, lang) })}</li>
      <li className="muted">{t('compliance.asOf', { date: formatDate(c.today, lang) })}</li>
    </ul>
  );
}

export function ItemList({ items: all, kind, testId, limit = 200 }: { items: ComplianceItem[]; kind: 'overdue' | 'due'; testId: string; limit?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [only, setOnly] = useState('');
  if (all.length === 0) return <p className="muted" data-testid={`${testId}-empty`}>{t('compliance.none')}</p>;
  // One directive can put hundreds of blocks on the list: the operator can look at one directive at a time.
  const directives = [...new Map(all.map((i) => [i.directiveId, i])).values()];
  const items = only ? all.filter((i) => i.directiveId === only) : all;
  return (
    <div className="table-scroll short">
      {directives.length > 1 && (
        <label>
          {t('compliance.onlyDirective')}{' '}
          <select value={only} onChange={(e) => setOnly(e.target.value)} data-testid={`${testId}-directive`}>
            <option value="">{t('compliance.allDirectives', { n: formatNumber(directives.length, lang) })}</option>
            {directives.map((d) => (
              <option key={d.directiveId} value={d.directiveId}>
                {displayName(d.textEn, d.textHi, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="data-table compact" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('directives.unit')}</th>
            <th>{t('directives.text')}</th>
            <th>{t('directives.deadline')}</th>
            <th>{kind === 'overdue' ? t('directives.daysOverdue') : t('compliance.daysLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, limit).map((i) => (
            <tr key={`${i.directiveId}-${i.unitId}`} data-unit-id={i.unitId}>
              <td>{displayName(i.nameEn, i.nameHi, lang)}</td>
              <td>
                <a href={`#/directives/${i.directiveId}`}>{displayName(i.textEn, i.textHi, lang)}</a>
              </td>
              <td>{formatDate(i.deadlineDate, lang)}</td>
              <td className="num">{formatNumber(kind === 'overdue' ? i.daysOverdue : i.daysLeft, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > limit && <p className="muted">{t('compliance.more', { n: formatNumber(items.length - limit, lang) })}</p>}
    </div>
  );
}
