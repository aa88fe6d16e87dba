import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { Loading } from '../../app/Loading';
import { useMetaLists } from '../meta/queries';
import { Enrollers } from './Enrollers';
import { FindingsReview } from './FindingsReview';
import { ImportMembers } from './ImportMembers';
import { MembershipPanel } from './MembershipPanel';
import { PaperEntry } from './PaperEntry';
import { useMembershipDashboard } from './queries';
import { MEMBERSHIP_TABS, type MembershipTab } from './tabs';
import { TargetsAndThresholds } from './TargetsAndThresholds';
import { Workshops } from './Workshops';

function Overview() {
  const { t } = useTranslation();
  const meta = useMetaLists();
  const [pc, setPc] = useState<number | 'state'>('state');
  const dash = useMembershipDashboard(pc === 'state' ? { type: 'state' } : { type: 'pc', pcNo: pc });
  return (
    <>
      <div className="field-row no-print">
        <label>
          {t('dashboard.scope')}{' '}
          <select value={String(pc)} onChange={(e) => setPc(e.target.value === 'state' ? 'state' : Number(e.target.value))} data-testid="membership-scope">
            <option value="state">{t('dashboard.state')}</option>
            {meta.data?.pcs.map((p) => (
              <option key={p.no} value={String(p.no)}>
                {p.no}. {p.nameEn}
              </option>
            ))}
          </select>
        </label>{' '}
        <a href={`#/membership-report/${pc === 'state' ? 'all' : pc}`} data-testid="membership-report-link">
          {t('membership.report.open')}
        </a>
      </div>
      <ErrorText error={dash.error} />
      {dash.data ? <MembershipPanel data={dash.data} /> : <Loading />}
    </>
  );
}

export function MembershipPage({ tab }: { tab: MembershipTab }) {
  const { t } = useTranslation();
  return (
    <div className="membership">
      <nav className="tabs no-print" aria-label={t('membership.title')}>
        {MEMBERSHIP_TABS.map((x) => (
          <a key={x} href={`#/membership/${x}`} className={x === tab ? 'active' : undefined} aria-current={x === tab ? 'page' : undefined} data-testid={`tab-${x}`}>
            {t(`membership.tabs.${x}`)}
          </a>
        ))}
      </nav>
      {tab === 'overview' && <Overview />}
      {tab === 'import' && <ImportMembers />}
      {tab === 'entry' && <PaperEntry />}
      {tab === 'findings' && <FindingsReview />}
      {tab === 'enrollers' && <Enrollers />}
      {tab === 'workshops' && <Workshops />}
      {tab === 'targets' && <TargetsAndThresholds />}
    </div>
  );
}
