import { useTranslation } from 'react-i18next';
import { toFigure } from '../../../../shared/domain/completeness';
import type { MeasureLevel } from '../../../../shared/domain/types';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDateTime, formatNumber, formatPct } from '../../app/format';
import { useStateFigures } from './queries';

/**
 * Every Lok Sabha beside this one: the headline figures each control room reported at its last sync,
 * as the state server gave them at this computer's last sync. This computer's Lok Sabha is highlighted.
 */
export function StateComparison({ measureLevel }: { measureLevel: MeasureLevel }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useStateFigures();
  if (q.error) return <ErrorText error={q.error} />;
  const view = q.data;
  if (!view || view.rows.length === 0) return null;
  const fmt = (n: number) => formatNumber(n, lang);
  const kind = view.rows[0] ? displayName(view.rows[0].kindNameEn, view.rows[0].kindNameHi, lang) : '';
  return (
    <section className="panel" aria-labelledby="state-comparison-title" data-testid="state-comparison">
      <div className="panel-head">
        <h2 id="state-comparison-title">{t('stateComparison.title')}</h2>
        {view.asOf && <span className="muted small">{t('stateComparison.asOf', { when: formatDateTime(view.asOf, lang) })}</span>}
      </div>
      <p className="muted small">{t('stateComparison.note', { kind, level: t(`levelsPlural.${measureLevel}`) })}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('stateComparison.pc')}</th>
              <th className="num">{t('stateComparison.committees')}</th>
              <th className="num">{t('table.pct')}</th>
              <th className="num">{t('stateComparison.claimed')}</th>
              <th className="num">{t('stateComparison.verified')}</th>
              <th className="num">{t('stateComparison.directives')}</th>
              <th>{t('stateComparison.reportedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => {
              const c = r.committees.find((x) => x.level === measureLevel);
              const fig = toFigure(c?.expected ?? 0, c?.declared ?? 0, c?.verified ?? 0, c?.done ?? 0);
              const directives = toFigure(r.directivesTotal, r.directivesDone, r.directivesDone, r.directivesDone);
              const own = r.pcNo === view.ownPcNo;
              return (
                <tr key={r.pcNo} className={own ? 'own-row' : undefined} aria-current={own ? 'true' : undefined} data-testid={`state-comparison-pc-${r.pcNo}`}>
                  <td>
                    {displayName(r.nameEn, r.nameHi, lang)}
                    {own && <strong> {t('stateComparison.ours')}</strong>}
                  </td>
                  <td className="num">{t('stateComparison.doneOf', { done: fmt(fig.done), expected: fmt(fig.expected) })}</td>
                  <td className="num">{formatPct(fig.pct, lang) ?? <span className="muted">{t('common.noData')}</span>}</td>
                  <td className="num">{fmt(r.membersClaimed)}</td>
                  <td className="num">{fmt(r.membersVerified)}</td>
                  <td className="num">{formatPct(directives.pct, lang) ?? <span className="muted">{t('common.noData')}</span>}</td>
                  <td className="small">{formatDateTime(r.reportedAt, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
