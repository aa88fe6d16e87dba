import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, type UserRole } from '../../../../shared/domain/types';
import { ErrorText } from '../../app/ErrorText';
import { useCreateUser } from '../meta/queries';

export function NewUserForm({ onDone, submitLabel }: { onDone?: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('operator');
  const create = useCreateUser();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), role }, { onSuccess: () => onDone?.() });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="new-user-form">
      <label htmlFor={`${id}-name`}>{t('users.name')}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoComplete="name" />
      <label htmlFor={`${id}-role`}>{t('users.role')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
        {USER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`userRoles.${r}`)}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>
          {submitLabel ?? t('users.create')}
        </button>
      </div>
      <ErrorText error={create.error} />
    </form>
  );
}
