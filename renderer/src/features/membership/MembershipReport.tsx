import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDateTime, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { MembershipPanel } from './MembershipPanel';
import { pctOf } from './membershipShaping';
import { useMembershipDashboard } from './queries';

/** Printable membership progress report for one Lok Sabha (its ACs) or the state (by district). */
export function MembershipReport({ pc }: { pc: number | 'all' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = useMembershipDashboard(pc === 'all' ? { type: 'state' } : { type: 'pc', pcNo: pc });
  if (dash.error) return <ErrorText error={dash.error} />;
  if (!dash.data) return <Loading />;
  const d = dash.data;
  const rows = pc === 'all' ? d.byDistrict : d.byAc;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <div className="report" data-testid="membership-report">
      <div className="no-print">
        <button type="button" onClick={() => window.print()} className="primary">
          {t('report.print')}
        </button>
      </div>
      <h1>{pc === 'all' ? t('membership.report.titleState') : t('membership.report.titlePc', { pc })}</h1>
      <p className="muted small">{t('dashboard.generatedAt', { when: formatDateTime(d.generatedAt, lang) })}</p>
      <MembershipPanel data={d} showMap={false} />
      <table className="table" data-testid="membership-report-table">
        <thead>
          <tr>
            <th>{pc === 'all' ? t('levels.district') : t('levels.ac')}</th>
            <th>{t('membership.panel.claimed')}</th>
            <th>{t('membership.panel.verified')}</th>
            <th>{t('membership.panel.target')}</th>
            <th>{t('membership.panel.verifiedPct')}</th>
            <th>{t('membership.panel.women')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>{displayName(r.nameEn, r.nameHi, lang)}</td>
              <td>{n(r.claimed)}</td>
              <td>{n(r.verified)}</td>
              <td>{n(r.target)}</td>
              <td>{formatPct(pctOf(r.verified, r.target), lang) ?? t('common.noData')}</td>
              <td>{formatPct(pctOf(r.women, r.claimed), lang) ?? t('common.noData')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
