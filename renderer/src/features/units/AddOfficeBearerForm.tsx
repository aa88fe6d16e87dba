import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/types';
import { ErrorText } from '../../app/ErrorText';
import { displayName } from '../../app/format';
import { useAddAppointment, usePersonByPhone } from './queries';

/** Adds an office-bearer; a phone already known offers that person instead of creating a duplicate. */
export function AddOfficeBearerForm({ committeeId, onDone }: { committeeId: string; onDone: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [role, setRole] = useState<Role>('member');
  const [nameEn, setNameEn] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [phone, setPhone] = useState('');
  const [voterId, setVoterId] = useState('');
  const [ignoreMatch, setIgnoreMatch] = useState(false);
  const match = usePersonByPhone(phone);
  const add = useAddAppointment();
  const existing = !ignoreMatch ? match.data ?? null : null;

  const submitNew = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        committeeId,
        role,
        person: {
          nameEn: nameEn.trim() || undefined,
          nameHi: nameHi.trim() || undefined,
          phone: phone.trim() || undefined,
          voterId: voterId.trim() || undefined,
        },
      },
      { onSuccess: () => onDone(displayName(nameEn.trim(), nameHi.trim(), lang)) },
    );
  };

  const useExisting = () => {
    if (!existing) return;
    add.mutate({ committeeId, role, person: { existingPersonId: existing.id } }, { onSuccess: () => onDone(displayName(existing.nameEn, existing.nameHi, lang)) });
  };

  return (
    <form className="form bearer-form" onSubmit={submitNew} data-testid="add-bearer-form">
      <label htmlFor={`${id}-role`}>{t('bearer.role')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-phone`}>{t('bearer.phone')}</label>
      <input
        id={`${id}-phone`}
        type="tel"
        inputMode="numeric"
        value={phone}
        onChange={(e) => {
          setPhone(e.target.value);
          setIgnoreMatch(false);
        }}
        maxLength={20}
        autoComplete="off"
      />
      {existing && (
        <div className="match" role="status" data-testid="person-match">
          <span>
            {t('bearer.existing', {
              name: displayName(existing.nameEn, existing.nameHi, lang),
              posts:
                existing.posts
                  .map((p) => `${t(`roles.${p.role}`)}, ${displayName(p.kindNameEn, p.kindNameHi, lang)}, ${displayName(p.unitNameEn, p.unitNameHi, lang)}`)
                  .join('; ') || t('bearer.noPosts'),
            })}
          </span>
          <button type="button" className="primary" onClick={useExisting} disabled={add.isPending} data-testid="use-existing">
            {t('bearer.useExisting')}
          </button>
          <button type="button" className="link" onClick={() => setIgnoreMatch(true)}>
            {t('bearer.notThisPerson')}
          </button>
        </div>
      )}
      <label htmlFor={`${id}-en`}>{t('bearer.nameEn')}</label>
      <input id={`${id}-en`} value={nameEn} onChange={(e) => setNameEn(e.target.value)} maxLength={120} />
      <label htmlFor={`${id}-hi`}>{t('bearer.nameHi')}</label>
      <input id={`${id}-hi`} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.target.value)} maxLength={120} />
      <label htmlFor={`${id}-epic`}>{t('bearer.voterId')}</label>
      <input id={`${id}-epic`} value={voterId} onChange={(e) => setVoterId(e.target.value)} maxLength={20} autoComplete="off" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending || (!nameEn.trim() && !nameHi.trim())}>
          {t('bearer.addNew')}
        </button>
      </div>
      <ErrorText error={add.error ?? match.error} />
    </form>
  );
}
