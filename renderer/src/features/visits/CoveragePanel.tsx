import { useTranslation } from 'react-i18next';
import type { MetaLists, PlanningData } from '../../../../shared/ipc/views';
import { displayName, formatDate } from '../../app/format';

/** Which Lok Sabha constituencies have had or will have a national leader's rally before polling: gaps first. */
export function CoveragePanel({ plan, meta }: { plan: PlanningData; meta: MetaLists | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const leaders = new Map(plan.leaders.map((l) => [l.id, l]));
  return (
    <section className="panel">
      <h3>{t('visits.coverage.title')}</h3>
      <p className="muted small">{t('visits.coverage.explain')}</p>
      <table className="data-table" data-testid="coverage-table">
        <thead>
          <tr>
            <th>{t('visits.fields.pc')}</th>
            <th>{t('visits.fields.phase')}</th>
            <th>{t('visits.fields.pollDate')}</th>
            <th>{t('visits.coverage.state')}</th>
            <th>{t('visits.coverage.rallies')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.coverage.map((r) => {
            const pc = meta?.pcs.find((p) => p.no === r.pcNo);
            return (
              <tr key={r.pcNo} data-testid="coverage-row" data-pc={r.pcNo} data-state={r.state} className={r.state === 'gap' ? 'gap-row' : undefined}>
                <td>
                  {r.pcNo}. {pc ? displayName(pc.nameEn, pc.nameHi, lang) : ''}
                </td>
                <td className="num">{r.phase ?? '—'}</td>
                <td>{r.pollDate ? formatDate(r.pollDate, lang) : '—'}</td>
                <td>
                  <span className={`badge coverage-${r.state}`}>{t(`visits.coverage.states.${r.state}`)}</span>
                </td>
                <td className="small">
                  {r.visits.map((v) => {
                    const l = leaders.get(v.leaderId);
                    return `${l ? displayName(l.nameEn, l.nameHi, lang) : ''} ${formatDate(v.date, lang)} (${t(`visits.status.${v.status}`)})`;
                  }).join('; ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
