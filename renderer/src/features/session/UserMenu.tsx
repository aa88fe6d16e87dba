import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { useSwitchUser } from '../meta/queries';
import { NewUserForm } from './NewUserForm';

/** Current user + role, a switcher between the local users, and a "new user" form. */
export function UserMenu({ session }: { session: SessionState }) {
  const { t } = useTranslation();
  const id = useId();
  const switchUser = useSwitchUser();
  const [adding, setAdding] = useState(false);
  const user = session.user;
  return (
    <div className="user-menu">
      <label htmlFor={`${id}-user`} className="sr-only">
        {t('users.current')}
      </label>
      <select
        id={`${id}-user`}
        data-testid="user-switch"
        value={user?.id ?? ''}
        onChange={(e) => switchUser.mutate(e.target.value)}
        disabled={switchUser.isPending}
      >
        {session.users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} — {t(`userRoles.${u.role}`)}
          </option>
        ))}
      </select>
      <button type="button" className="header-button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
        {t('users.newUser')}
      </button>
      {adding && (
        <div className="popover" role="dialog" aria-label={t('users.newUser')}>
          <NewUserForm onDone={() => setAdding(false)} />
        </div>
      )}
      <ErrorText error={switchUser.error} />
    </div>
  );
}
