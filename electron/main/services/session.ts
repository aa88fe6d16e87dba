import type { User, UserRole } from '../../../shared/domain/types';
import type { SessionState } from '../../../shared/ipc/views';
import { setMeta } from '../db/repositories/meta';
import { getUser, listUsers } from '../db/repositories/users';
import { insertRow, newId } from '../sync/writer';
import { AppError } from './AppError';
import { currentUser, inChange, nowIso, type ServiceContext } from './context';

export function getSession(ctx: ServiceContext): SessionState {
  return { user: currentUser(ctx), users: listUsers(ctx.db) };
}

/** Add a local user. The first one becomes the current user; later ones are added by whoever is working. */
export function createUser(ctx: ServiceContext, input: { name: string; role: UserRole }): User {
  const name = input.name.trim();
  if (!name) throw new AppError('invalid_input', 'Enter a name.', 'name');
  const existing = listUsers(ctx.db);
  if (existing.some((u) => u.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError('conflict', `There is already a user called "${name}". Choose that name from the list, or add a surname.`, 'name');
  }
  const current = currentUser(ctx);
  const id = newId();
  const createdAt = nowIso(ctx);
  inChange(ctx, current?.id ?? id, (w) => {
    insertRow(w, 'users', id, { name, role: input.role, created_at: createdAt }, 'user.create');
    if (!current) setMeta(ctx.db, 'current_user', id);
  });
  return { id, name, role: input.role, createdAt };
}

export function switchUser(ctx: ServiceContext, userId: string): User {
  const user = getUser(ctx.db, userId);
  if (!user) throw new AppError('not_found', 'That user no longer exists. Choose another name from the list.', 'userId');
  setMeta(ctx.db, 'current_user', user.id);
  return user;
}
