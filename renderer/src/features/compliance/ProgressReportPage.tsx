import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { DirectiveList } from '../directives/DirectivesPage';
import { useAppInfo, useMetaLists } from '../meta/queries';
import { useOffices } from '../offices/queries';
import { useSpeakers } from '../speakers/queries';
import { ItemList, Totals } from './CompliancePage';
import { useCompliance } from './queries';

/**
 * A Lok Sabha in-charge's progress report: the figures come from the data (directives, offices); the narrative
 * is written here before printing. It is not stored — the printed page is the report.
 */
export function ProgressReportPage({ pcNo }: { pcNo: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meta = useMetaLists();
  const info = useAppInfo();
  const compliance = useCompliance({ type: 'pc', pcNo });
  const offices = useOffices({ pcNo });
  const speakers = useSpeakers({ q: '', level: 'pc' });
  const [narrative, setNarrative] = useState('');
  if (meta.isPending || compliance.isPending || offices.isPending) return <Loading />;
  if (meta.error || compliance.error || offices.error) return <ErrorText error={meta.error ?? compliance.error ?? offices.error} />;
  const pc = meta.data.pcs.find((p) => p.no === pcNo);
  const c = compliance.data;
  return (
    <div className="report">
      <div className="report-toolbar no-print">
        <a href="#/compliance">{t('report.back')}</a>
        <button type="button" className="primary" onClick={() => window.print()} data-testid="progress-print">
          {t('report.print')}
        </button>
      </div>
      <div className="report-page" data-testid="progress-report">
        <h1>{t('progress.title', { pc: pc ? displayName(pc.nameEn, pc.nameHi, lang) : pcNo })}</h1>
        {info.data?.demo && <p className="demo-badge">{t('demo.badge')}</p>}
        <p className="muted">{t('compliance.asOf', { date: formatDate(c.today, lang) })}</p>
        <h2>{t('progress.figures')}</h2>
        <Totals c={c} />
        <p data-testid="progress-offices">
          {t('offices.completeness', {
            n: formatNumber(offices.data.withOffice, lang),
            total: formatNumber(offices.data.total, lang),
            pct: formatPct(offices.data.pct, lang) ?? t('common.noData'),
          })}
        </p>
        <p>{t('progress.speakers', { n: formatNumber(speakers.data?.length ?? 0, lang) })}</p>
        <h2>{t('compliance.directives')}</h2>
        <DirectiveList directives={c.directives} />
        <h2>{t('compliance.overdueList')}</h2>
        <ItemList items={c.overdue} kind="overdue" testId="progress-overdue" limit={40} />
        <h2>{t('progress.narrative')}</h2>
        <textarea className="no-print" rows={6} value={narrative} onChange={(e) => setNarrative(e.target.value)} data-testid="progress-narrative" style={{ width: '100%' }} />
        <p className="print-only narrative" data-testid="progress-narrative-print">
          {narrative}
        </p>
      </div>
    </div>
  );
}
