import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_RULES, type FindingRule } from '../../../../shared/domain/membershipIntegrity';
import type { FindingStatus, FindingView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime, formatNumber } from '../../app/format';
import { useFindingMembers, useFindings, useReviewFinding } from './queries';

function FindingMembers({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useFindingMembers(id);
  if (!q.data) return null;
  return (
    <table className="table small" data-testid="finding-members">
      <thead>
        <tr>
          <th>{t('membership.fields.membership_id')}</th>
          <th>{t('membership.fields.name')}</th>
          <th>{t('membership.fields.phone')}</th>
          <th>{t('membership.fields.epic')}</th>
          <th>{t('membership.fields.booth_code')}</th>
          <th>{t('membership.fields.enroller')}</th>
          <th>{t('membership.fields.enrolled_at')}</th>
        </tr>
      </thead>
      <tbody>
        {q.data.map((m) => (
          <tr key={m.id}>
            <td>{m.membershipId}</td>
            <td>{m.name}</td>
            <td>{m.phone}</td>
            <td>{m.epic}</td>
            <td>{m.boothCode}</td>
            <td>{m.enrollerLogin}</td>
            <td>{m.enrolledAt?.replace('T', ' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindingRow({ f }: { f: FindingView }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const review = useReviewFinding();
  const decide = (decision: FindingStatus) => review.mutate({ id: f.id, decision, reason: reason || undefined });
  return (
    <li className={`finding finding-${f.status}`} data-testid="finding" data-rule={f.rule} data-status={f.status}>
      <div>
        <strong>{t(`membership.rules.${f.rule}`)}</strong> — <span data-testid="finding-text">{t(`membership.explain.${f.rule}`, f.params)}</span>{' '}
        <span className={`badge status-${f.status}`}>{t(`membership.findingStatus.${f.status}`)}</span>
      </div>
      {f.reviewedBy && (
        <div className="muted small">
          {t('membership.findings.reviewedBy', { who: f.reviewedBy, when: formatDateTime(f.reviewedAt ?? '', i18n.language) })}
          {f.reason ? ` — ${f.reason}` : ''}
        </div>
      )}
      <div className="field-row">
        <button type="button" onClick={() => setOpen(!open)} data-testid="finding-toggle">
          {open ? t('membership.findings.hideRecords') : t('membership.findings.showRecords', { n: formatNumber(f.memberCount, i18n.language) })}
        </button>{' '}
        {f.status !== 'confirmed' && (
          <button type="button" data-testid="finding-confirm" onClick={() => decide('confirmed')}>
            {t('membership.findings.confirm')}
          </button>
        )}{' '}
        {f.status !== 'dismissed' && (
          <>
            <input aria-label={t('membership.findings.reason')} placeholder={t('membership.findings.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="finding-reason" />{' '}
            <button type="button" data-testid="finding-dismiss" onClick={() => decide('dismissed')}>
              {t('membership.findings.dismiss')}
            </button>
          </>
        )}{' '}
        {f.status !== 'open' && (
          <button type="button" data-testid="finding-reopen" onClick={() => decide('open')}>
            {t('membership.findings.reopen')}
          </button>
        )}
      </div>
      <ErrorText error={review.error} />
      {open && <FindingMembers id={f.id} />}
    </li>
  );
}

/** Integrity findings to review: what each is, the records it is against, confirm or dismiss with a reason. */
export function FindingsReview() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<FindingStatus | ''>('open');
  const [rule, setRule] = useState<FindingRule | ''>('');
  const q = useFindings({ status: status || undefined, rule: rule || undefined, limit: 200 });
  return (
    <section className="panel" data-testid="findings-review">
      <h2>{t('membership.findings.title')}</h2>
      <p className="muted small">{t('membership.findings.help')}</p>
      <label>
        {t('membership.findings.show')}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as FindingStatus | '')} data-testid="findings-status">
          <option value="open">{t('membership.findingStatus.open')}</option>
          <option value="confirmed">{t('membership.findingStatus.confirmed')}</option>
          <option value="dismissed">{t('membership.findingStatus.dismissed')}</option>
          <option value="">{t('membership.findings.all')}</option>
        </select>
      </label>{' '}
      <label>
        {t('membership.findings.rule')}{' '}
        <select value={rule} onChange={(e) => setRule(e.target.value as FindingRule | '')} data-testid="findings-rule">
          <option value="">{t('membership.findings.all')}</option>
          {FINDING_RULES.map((r) => (
            <option key={r} value={r}>
              {t(`membership.rules.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorText error={q.error} />
      {q.data && (
        <>
          <p className="muted small" data-testid="findings-total">{t('membership.findings.total', { n: formatNumber(q.data.total, i18n.language) })}</p>
          <ul className="findings">
            {q.data.rows.map((f) => (
              <FindingRow key={f.id} f={f} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
