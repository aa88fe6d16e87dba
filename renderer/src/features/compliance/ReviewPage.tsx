import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { displayName } from '../../app/format';
import { Loading } from '../../app/Loading';
import { DirectiveList } from '../directives/DirectivesPage';
import { useMetaLists } from '../meta/queries';
import { ItemList, Totals } from './CompliancePage';
import { useCompliance } from './queries';

/** The review meeting: one Lok Sabha after another, each with its figures and overdue items. */
export function ReviewPage({ index }: { index: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meta = useMetaLists();
  const pcs = meta.data?.pcs ?? [];
  const i = Math.min(Math.max(index, 0), Math.max(pcs.length - 1, 0));
  const pc = pcs[i];
  const compliance = useCompliance({ type: 'pc', pcNo: pc?.no ?? 1 });
  if (meta.isPending || compliance.isPending) return <Loading />;
  if (meta.error || compliance.error) return <ErrorText error={meta.error ?? compliance.error} />;
  return (
    <section className="panel" data-testid="review">
      <div className="toolbar no-print">
        <a href="#/compliance">{t('report.back')}</a>
        {i > 0 && (
          <a href={`#/review/${i - 1}`} data-testid="review-prev">
            {t('review.prev')}
          </a>
        )}
        <span>{t('review.position', { n: i + 1, total: pcs.length })}</span>
        {i < pcs.length - 1 && (
          <a href={`#/review/${i + 1}`} data-testid="review-next">
            {t('review.next')}
          </a>
        )}
      </div>
      <h1 data-testid="review-pc">{displayName(pc.nameEn, pc.nameHi, lang)}</h1>
      <Totals c={compliance.data} />
      <DirectiveList directives={compliance.data.directives} />
      <h2>{t('compliance.overdueList')}</h2>
      <ItemList items={compliance.data.overdue} kind="overdue" testId="review-overdue" limit={30} />
    </section>
  );
}
