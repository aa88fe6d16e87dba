import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { useComplianceScope } from './complianceScope';
import { useComplianceReminders } from './queries';

/** Always in the header: directive tasks due within a week and overdue in the compliance scope, linking to the page. */
export function ComplianceReminder() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [scope] = useComplianceScope();
  const r = useComplianceReminders(scope);
  if (!r.data) return null;
  const { dueSoon, overdue, withinDays } = r.data;
  const cls = overdue > 0 ? 'reminder-badge overdue' : dueSoon > 0 ? 'reminder-badge due' : 'reminder-badge';
  return (
    <a href="#/compliance" className={cls} data-testid="compliance-reminder" title={t('reminder.title')}>
      <span data-testid="reminder-due-soon" data-count={dueSoon}>
        {t('reminder.dueSoon', { n: formatNumber(dueSoon, lang), days: formatNumber(withinDays, lang) })}
      </span>
      {' · '}
      <span data-testid="reminder-overdue" data-count={overdue}>
        {t('reminder.overdue', { n: formatNumber(overdue, lang) })}
      </span>
    </a>
  );
}
