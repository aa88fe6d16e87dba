import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeStatus } from '../../../../shared/domain/types';
import type { CommitteeView } from '../../../../shared/ipc/views';
import { useNotifyChange } from '../../app/ChangeBanner';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber } from '../../app/format';
import { AddOfficeBearerForm } from './AddOfficeBearerForm';
import { useRemoveAppointment, useSetStatus } from './queries';

type Pending = { type: 'status'; status: CommitteeStatus } | { type: 'remove'; appointmentId: string; name: string };

export function CommitteeCard({ committee }: { committee: CommitteeView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notify = useNotifyChange();
  const setStatus = useSetStatus();
  const remove = useRemoveAppointment();
  const [pending, setPending] = useState<Pending | null>(null);
  const [adding, setAdding] = useState(false);
  const kindName = displayName(committee.kind.nameEn, committee.kind.nameHi, lang);
  const c = committee.completeness;

  const confirm = () => {
    if (!pending) return;
    if (pending.type === 'status') {
      setStatus.mutate(
        { committeeId: committee.id, status: pending.status },
        {
          onSuccess: () => notify(t('change.statusSet', { kind: kindName, status: t(`status.${pending.status}`) })),
          onSettled: () => setPending(null),
        },
      );
    } else {
      remove.mutate(pending.appointmentId, {
        onSuccess: () => notify(t('change.bearerRemoved', { name: pending.name })),
        onSettled: () => setPending(null),
      });
    }
  };

  return (
    <article className="card committee" data-testid={`committee-${committee.kindId}`} aria-label={kindName}>
      <header className="card-head">
        <h3>{kindName}</h3>
        <span className={`badge status-${committee.status}`} data-testid="committee-status">
          {t(`status.${committee.status}`)}
        </span>
      </header>
      <div className="small muted">
        {committee.declaredOn && <span>{t('committees.declaredOn', { date: formatDate(committee.declaredOn, lang) })} </span>}
        {committee.verifiedOn && <span>{t('committees.verifiedOn', { date: formatDate(committee.verifiedOn, lang) })}</span>}
      </div>
      <div className={c.complete ? 'completeness ok' : 'completeness'} data-testid="completeness">
        {c.complete ? (
          t('committees.complete')
        ) : (
          <>
            <strong>{t('committees.incomplete')}</strong>
            {c.missingRoles.length > 0 && (
              <div>{t('committees.missingRoles', { roles: c.missingRoles.map((r) => t(`roles.${r}`)).join(', ') })}</div>
            )}
            {c.membersShort > 0 && <div>{t('committees.membersShort', { n: formatNumber(c.membersShort, lang) })}</div>}
          </>
        )}
      </div>

      <h4>{t('committees.officeBearers')}</h4>
      {committee.appointments.length === 0 ? (
        <p className="muted small">{t('committees.noBearers')}</p>
      ) : (
        <ul className="bearers">
          {committee.appointments.map((a) => {
            const name = displayName(a.person.nameEn, a.person.nameHi, lang);
            return (
              <li key={a.id}>
                <span className="role">{t(`roles.${a.role}`)}</span>
                <span className="name">{name}</span>
                {lang !== 'hi' && a.person.nameHi && a.person.nameHi !== name && <span className="muted" lang="hi"> {a.person.nameHi}</span>}
                {a.person.phoneMasked && <span className="muted small mono"> {a.person.phoneMasked}</span>}
                <button
                  type="button"
                  className="link danger"
                  onClick={() => setPending({ type: 'remove', appointmentId: a.id, name })}
                  aria-label={t('committees.removeBearerOf', { name })}
                >
                  {t('committees.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <div className="card-actions">
        {committee.allowedNext.map((s) => (
          <button key={s} type="button" className={s === 'dissolved' ? 'danger' : 'primary'} data-testid={`status-${s}`} onClick={() => setPending({ type: 'status', status: s })}>
            {t(`statusAction.${s}`)}
          </button>
        ))}
        <button type="button" onClick={() => setAdding((x) => !x)} aria-expanded={adding}>
          {t('committees.addBearer')}
        </button>
      </div>
      <ErrorText error={setStatus.error ?? remove.error} />
      {adding && (
        <AddOfficeBearerForm
          committeeId={committee.id}
          onDone={(name) => {
            setAdding(false);
            notify(t('change.bearerAdded', { name }));
          }}
        />
      )}

      {pending && (
        <ConfirmDialog
          title={
            pending.type === 'status'
              ? t('committees.confirmStatusTitle', { status: t(`statusAction.${pending.status}`) })
              : t('committees.confirmRemoveTitle')
          }
          busy={setStatus.isPending || remove.isPending}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>
            {pending.type === 'status'
              ? t('committees.confirmStatusBody', { kind: kindName, from: t(`status.${committee.status}`), to: t(`status.${pending.status}`) })
              : t('committees.confirmRemoveBody', { name: pending.name, kind: kindName })}
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
