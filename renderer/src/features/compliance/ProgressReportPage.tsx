import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressReportView } from '../../../../shared/ipc/views';
import { periodOfDate } from '../../../../shared/domain/progressReports';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatDateTime, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { DirectiveList } from '../directives/DirectivesPage';
import { useUnitsOfLevel } from '../directives/queries';
import { useAppInfo } from '../meta/queries';
import { useOffices } from '../offices/queries';
import { useSpeakers } from '../speakers/queries';
import { ItemList, Totals } from './CompliancePage';
import { useCompliance, useProgressReports, useSaveProgressReport } from './queries';

type ReportScope = { type: 'pc'; pcNo: number } | { type: 'district'; districtCode: string };

/**
 * The periodic progress report of a Lok Sabha in-charge or a district president: figures from the data, and the
 * narrative written here and saved per unit and month (who saved it and when); past months are listed to reopen.
 */
export function ProgressReportPage({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const info = useAppInfo();
  const compliance = useCompliance(scope);
  const offices = useOffices(scope.type === 'pc' ? { pcNo: scope.pcNo } : { districtCode: scope.districtCode });
  const speakers = useSpeakers({ q: '', level: scope.type === 'pc' ? 'pc' : 'district' });
  const units = useUnitsOfLevel(scope.type);
  const unit = units.data?.find((u) => (scope.type === 'pc' ? u.pcNo === scope.pcNo : u.districtCode === scope.districtCode));
  const reports = useProgressReports(unit?.id);
  const [period, setPeriod] = useState<string | null>(null);
  if (compliance.isPending || offices.isPending || units.isPending) return <Loading />;
  if (compliance.error || offices.error || units.error) return <ErrorText error={compliance.error ?? offices.error ?? units.error} />;
  if (!unit) return <ErrorText error={new Error(t('progress.noUnit'))} />;
  const c = compliance.data;
  const shownPeriod = period ?? periodOfDate(c.today);
  const saved = reports.data?.find((r) => r.period === shownPeriod) ?? null;
  const name = displayName(unit.nameEn, unit.nameHi, lang);
  return (
    <div className="report">
      <div className="report-toolbar no-print">
        <a href="#/compliance">{t('report.back')}</a>
        <label>
          {t('progress.period')}{' '}
          <input type="month" value={shownPeriod} max={periodOfDate(c.today)} onChange={(e) => e.target.value && setPeriod(e.target.value)} data-testid="progress-period" />
        </label>
        <button type="button" className="primary" onClick={() => window.print()} data-testid="progress-print">
          {t('report.print')}
        </button>
      </div>
      <div className="report-page" data-testid="progress-report">
        <h1>{t(scope.type === 'pc' ? 'progress.title' : 'progress.titleDistrict', { pc: name, district: name })}</h1>
        {info.data?.demo && <p className="demo-badge">{t('demo.badge')}</p>}
        <p className="muted">
          {t('progress.periodLine', { period: formatMonth(shownPeriod, lang) })} · {t('compliance.asOf', { date: formatDate(c.today, lang) })}
        </p>
        <h2>{t('progress.figures')}</h2>
        <Totals c={c} />
        <p data-testid="progress-offices">
          {t('offices.completeness', {
            n: formatNumber(offices.data.withOffice, lang),
            total: formatNumber(offices.data.total, lang),
            pct: formatPct(offices.data.pct, lang) ?? t('common.noData'),
          })}
        </p>
        <p>{t(scope.type === 'pc' ? 'progress.speakers' : 'progress.speakersDistrict', { n: formatNumber(speakers.data?.length ?? 0, lang) })}</p>
        <h2>{t('compliance.directives')}</h2>
        <DirectiveList directives={c.directives} />
        <h2>{t('compliance.overdueList')}</h2>
        <ItemList items={c.overdue} kind="overdue" testId="progress-overdue" limit={40} />
        <h2>{t(scope.type === 'pc' ? 'progress.narrative' : 'progress.narrativeDistrict')}</h2>
        <Narrative key={`${unit.id}|${shownPeriod}|${saved?.savedAt ?? ''}`} unitId={unit.id} period={shownPeriod} saved={saved} />
      </div>
      <PastReports reports={reports.data ?? []} current={shownPeriod} onOpen={setPeriod} />
    </div>
  );
}

function formatMonth(period: string, lang: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The narrative: edited on screen, saved for the month, printed as text with who saved it and when. */
function Narrative({ unitId, period, saved }: { unitId: string; period: string; saved: ProgressReportView | null }) {
  const { t, i18n } = useTranslation();
  const save = useSaveProgressReport();
  const [text, setText] = useState(saved?.narrative ?? '');
  const dirty = text.trim() !== (saved?.narrative ?? '');
  return (
    <>
      <textarea className="no-print" rows={6} value={text} onChange={(e) => setText(e.target.value)} data-testid="progress-narrative" style={{ width: '100%' }} />
      <div className="form-actions no-print">
        <button type="button" className="primary" disabled={!dirty || text.trim() === '' || save.isPending} onClick={() => save.mutate({ unitId, period, narrative: text })} data-testid="progress-save">
          {saved ? t('progress.saveEdit') : t('progress.save')}
        </button>
        {dirty && saved && <span className="muted">{t('progress.unsaved')}</span>}
      </div>
      <ErrorText error={save.error} />
      <p className="print-only narrative" data-testid="progress-narrative-print">
        {text}
      </p>
      {saved && (
        <p className="muted" role="status" data-testid="progress-saved">
          {t('progress.savedBy', { name: saved.authorName, when: formatDateTime(saved.savedAt, i18n.language) })}
        </p>
      )}
    </>
  );
}

function PastReports({ reports, current, onOpen }: { reports: readonly ProgressReportView[]; current: string; onOpen: (period: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="panel no-print" data-testid="progress-history">
      <h2>{t('progress.history')}</h2>
      {reports.length === 0 ? (
        <p className="muted">{t('progress.noHistory')}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('progress.period')}</th>
              <th>{t('progress.savedByCol')}</th>
              <th>{t('progress.savedAt')}</th>
              <th>{t('progress.doneAtSave')}</th>
              <th>{t('progress.overdueAtSave')}</th>
              <th>{t('progress.excerpt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} data-testid="progress-history-row" aria-current={r.period === current ? 'true' : undefined}>
                <td>{formatMonth(r.period, lang)}</td>
                <td>{r.authorName}</td>
                <td>{formatDateTime(r.savedAt, lang)}</td>
                <td className="num">{r.figures ? (formatPct(r.figures.totals.pct, lang) ?? t('common.noData')) : ''}</td>
                <td className="num">{r.figures ? formatNumber(r.figures.totals.overdue, lang) : ''}</td>
                <td>{r.narrative.length > 160 ? `${r.narrative.slice(0, 160)}…` : r.narrative}</td>
                <td>
                  <button type="button" onClick={() => onOpen(r.period)} disabled={r.period === current}>
                    {t('progress.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
