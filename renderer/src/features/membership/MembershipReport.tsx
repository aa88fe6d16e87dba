import { useTranslation } from 'react-i18next';
import { downloadText, toCsv } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDateTime, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { useMetaLists } from '../meta/queries';
import { MembershipPanel } from './MembershipPanel';
import { pctOf } from './membershipShaping';
import { useMembershipDashboard } from './queries';

/**
 * Printable and exportable membership progress report: for one Lok Sabha (its ACs), for one district
 * (its ACs, with the district's own total) or for the state (by district, each linking to its report).
 */
export function MembershipReport({ pc, district }: { pc: number | 'all'; district?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = useMembershipDashboard(pc === 'all' ? { type: 'state' } : { type: 'pc', pcNo: pc });
  const meta = useMetaLists();
  if (dash.error) return <ErrorText error={dash.error} />;
  if (!dash.data || (district && !meta.data)) return <Loading />;
  const d = dash.data;
  const districtArea = district ? d.byDistrict.find((x) => x.code === `D-${district}`) : undefined;
  const acsOfDistrict = new Set(district ? meta.data!.acs.filter((a) => a.districtCode === district).map((a) => a.no) : []);
  const rows = district ? d.byAc.filter((a) => acsOfDistrict.has(a.featureId)) : pc === 'all' ? d.byDistrict : d.byAc;
  const title = district
    ? t('membership.report.titleDistrict', { name: districtArea ? displayName(districtArea.nameEn, districtArea.nameHi, lang) : district })
    : pc === 'all'
      ? t('membership.report.titleState')
      : t('membership.report.titlePc', { pc });
  const unitHeader = pc === 'all' && !district ? t('levels.district') : t('levels.ac');
  const n = (v: number) => formatNumber(v, lang);
  const header = [unitHeader, t('membership.panel.claimed'), t('membership.panel.verified'), t('membership.panel.target'), t('membership.panel.verifiedPct'), t('membership.panel.women')];
  const lines = (district && districtArea ? [...rows, { ...districtArea, nameEn: t('membership.report.total'), nameHi: t('membership.report.total') }] : rows).map((r) => [
    displayName(r.nameEn, r.nameHi, lang),
    r.claimed,
    r.verified,
    r.target,
    pctOf(r.verified, r.target),
    pctOf(r.women, r.claimed),
  ]);
  const fileName = `membership-${district ? `district-${district}` : pc === 'all' ? 'state' : `pc-${pc}`}-${d.generatedAt.slice(0, 10)}.csv`;
  return (
    <div className="report" data-testid="membership-report">
      <div className="no-print">
        <button type="button" onClick={() => window.print()} className="primary">
          {t('report.print')}
        </button>{' '}
        <button type="button" onClick={() => downloadText(fileName, '\uFEFF' + toCsv(header, lines))} data-testid="membership-report-export">
          {t('membership.report.export')}
        </button>
      </div>
      <h1>{title}</h1>
      <p className="muted small">{t('dashboard.generatedAt', { when: formatDateTime(d.generatedAt, lang) })}</p>
      {!district && <MembershipPanel data={d} showMap={false} />}
      <table className="table" data-testid="membership-report-table">
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>
                {pc === 'all' && !district ? (
                  <a href={`#/membership-report/district/${r.code.replace(/^D-/, '')}`} data-testid="district-report-link">
                    {displayName(r.nameEn, r.nameHi, lang)}
                  </a>
                ) : (
                  displayName(r.nameEn, r.nameHi, lang)
                )}
              </td>
              <td>{n(r.claimed)}</td>
              <td>{n(r.verified)}</td>
              <td>{n(r.target)}</td>
              <td>{formatPct(pctOf(r.verified, r.target), lang) ?? t('common.noData')}</td>
              <td>{formatPct(pctOf(r.women, r.claimed), lang) ?? t('common.noData')}</td>
            </tr>
          ))}
        </tbody>
        {districtArea && (
          <tfoot>
            <tr data-testid="district-total">
              <th>{t('membership.report.total')}</th>
              <th>{n(districtArea.claimed)}</th>
              <th>{n(districtArea.verified)}</th>
              <th>{n(districtArea.target)}</th>
              <th>{formatPct(pctOf(districtArea.verified, districtArea.target), lang) ?? t('common.noData')}</th>
              <th>{formatPct(pctOf(districtArea.women, districtArea.claimed), lang) ?? t('common.noData')}</th>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
