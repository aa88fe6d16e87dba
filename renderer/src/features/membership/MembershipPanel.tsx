import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { MembershipDashboard } from '../../../../shared/ipc/views';
import { displayName, formatDate, formatNumber, formatPct } from '../../app/format';
import { ChoroplethMap } from '../../components/map/ChoroplethMap';
import type { MapLayer } from '../../components/map/mapShaping';
import { useGeoLayers } from '../meta/queries';
import { membershipHeadline, membershipMapFigures, type MembershipMapMeasure } from './membershipShaping';

/** Claimed vs verified members against target: the membership panel of the dashboard and the report. Draws only. */
export function MembershipPanel({ data, showMap = true }: { data: MembershipDashboard; showMap?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const h = membershipHeadline(data.total);
  const geo = useGeoLayers();
  const [layer, setLayer] = useState<MapLayer>(data.scope.type === 'pc' ? 'acs' : 'districts');
  const [measure, setMeasure] = useState<MembershipMapMeasure>('target');
  const areas = layer === 'districts' ? data.byDistrict : layer === 'pcs' ? data.byPc : data.byAc;
  const n = (v: number) => formatNumber(v, lang);
  const p = (v: number | null) => formatPct(v, lang) ?? t('common.noData');
  return (
    <section className="panel membership-panel" data-testid="membership-panel">
      <h2>{t('membership.panel.title')}</h2>
      <div className="membership-figures">
        <div>
          <div className="muted small">{t('membership.panel.claimed')}</div>
          <div className="big" data-testid="members-claimed">{n(h.claimed)}</div>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.verified')}</div>
          <div className="big" data-testid="members-verified">{n(h.verified)}</div>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.flagged')}</div>
          <div className="big" data-testid="members-flagged">{n(h.flagged)}</div>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.ofTarget', { target: n(data.total.target) })}</div>
          <div className="big" data-testid="members-target-pct">{p(h.verifiedTargetPct)}</div>
          <div className="muted small">{t('membership.panel.claimedOfTarget', { pct: p(h.targetPct) })}</div>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.digitalOffline')}</div>
          <div>{p(h.digitalPct)} / {p(h.offlinePct)}</div>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.women')}</div>
          <div data-testid="members-women">{p(h.womenPct)}</div>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.openFindings')}</div>
          <a href="#/membership/findings" data-testid="findings-open-count">{n(data.findingsOpen)}</a>
        </div>
        <div>
          <div className="muted small">{t('membership.panel.untrained')}</div>
          <a href="#/membership/enrollers" data-testid="untrained-count">{n(data.untrainedEnrollers)}</a>
        </div>
      </div>
      <div className="membership-charts">
        <div>
          <h3>{t('membership.panel.daily')}</h3>
          <LineChart width={440} height={240} data={data.daily} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={(d) => formatDate(String(d), lang)} minTickGap={24} />
            <YAxis tickFormatter={(v) => n(Number(v))} width={64} />
            <Tooltip formatter={(v) => n(Number(v))} labelFormatter={(d) => formatDate(String(d), lang)} />
            <Legend />
            <Line dataKey="cumulativeClaimed" name={t('membership.panel.claimed')} stroke="#c77700" dot={false} isAnimationActive={false} />
            <Line dataKey="cumulativeVerified" name={t('membership.panel.verified')} stroke="#1b7a3a" dot={false} isAnimationActive={false} />
            <Line dataKey="cumulativeTarget" name={t('membership.panel.target')} stroke="#666" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
          </LineChart>
        </div>
        <div>
          <h3>{t('membership.panel.lagging')}</h3>
          <table className="table small" data-testid="lagging-units">
            <thead>
              <tr>
                <th>{t('membership.panel.unit')}</th>
                <th>{t('membership.panel.verified')}</th>
                <th>{t('membership.panel.target')}</th>
                <th>%</th>
              </tr>
            </thead>
            <tbody>
              {data.lagging.map((a) => (
                <tr key={a.code}>
                  <td>{displayName(a.nameEn, a.nameHi, lang)}</td>
                  <td>{n(a.verified)}</td>
                  <td>{n(a.target)}</td>
                  <td>{p(a.target > 0 ? Math.round((a.verified / a.target) * 1000) / 10 : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="membership-charts">
        <div>
          <h3>{t('membership.panel.byBooth')}</h3>
          <table className="table small" data-testid="members-by-booth">
            <thead>
              <tr>
                <th>{t('membership.panel.booth')}</th>
                <th>{t('membership.panel.claimed')}</th>
                <th>{t('membership.panel.verified')}</th>
                <th>{t('membership.panel.target')}</th>
                <th>%</th>
              </tr>
            </thead>
            <tbody>
              {data.byBooth.map((b) => (
                <tr key={b.boothId}>
                  <td>
                    {b.code} {displayName(b.nameEn, b.nameHi, lang)}
                  </td>
                  <td>{n(b.claimed)}</td>
                  <td>{n(b.verified)}</td>
                  <td>{n(b.target)}</td>
                  <td>{p(b.target > 0 ? Math.round((b.verified / b.target) * 1000) / 10 : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('membership.panel.byEnroller')}</h3>
          <table className="table small" data-testid="members-by-enroller">
            <thead>
              <tr>
                <th>{t('membership.panel.enroller')}</th>
                <th>{t('membership.panel.claimed')}</th>
                <th>{t('membership.panel.verified')}</th>
                <th>{t('membership.panel.verifiedShare')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byEnroller.map((e) => (
                <tr key={e.enrollerId}>
                  <td>
                    {e.name} {e.loginId && <span className="muted">({e.loginId})</span>} {!e.trained && <span className="badge untrained">{t('membership.enrollers.untrained')}</span>}
                  </td>
                  <td>{n(e.claimed)}</td>
                  <td>{n(e.verified)}</td>
                  <td>{p(e.claimed > 0 ? Math.round((e.verified / e.claimed) * 1000) / 10 : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {showMap && (
        <div className="no-print">
          <div className="field-row">
            <label>
              {t('membership.panel.mapLayer')}{' '}
              <select value={layer} onChange={(e) => setLayer(e.target.value as MapLayer)} data-testid="membership-map-layer">
                <option value="districts">{t('map.layers.districts')}</option>
                <option value="pcs">{t('map.layers.pcs')}</option>
                <option value="acs">{t('map.layers.acs')}</option>
              </select>
            </label>{' '}
            <label>
              {t('membership.panel.mapMeasure')}{' '}
              <select value={measure} onChange={(e) => setMeasure(e.target.value as MembershipMapMeasure)} data-testid="membership-map-measure">
                <option value="target">{t('membership.panel.measures.target')}</option>
                <option value="members">{t('membership.panel.measures.members')}</option>
                <option value="flagged">{t('membership.panel.measures.flagged')}</option>
              </select>
            </label>
          </div>
          <div className="map-box" data-testid="membership-map">
            {geo.data && (
              <ChoroplethMap
                geo={geo.data}
                layer={layer}
                figures={membershipMapFigures(areas, measure)}
                lang={lang}
                fitPcNo={data.scope.type === 'pc' ? data.scope.pcNo : null}
                labels={{
                  noData: t('common.noData'),
                  legendTitle: t(`membership.panel.measures.${measure}`),
                  figureLine: (f) => t('membership.panel.mapLine', { claimed: n(f.declared), verified: n(f.verified), target: n(f.expected) }),
                  blockHq: t('map.blockHq'),
                }}
                onAreaClick={() => undefined}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
