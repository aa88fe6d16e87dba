import type { User, UserRole } from '../../../../shared/domain/types';
import type { Db } from '../connection';

interface UserRow {
  id: string;
  name: string;
  role: string;
  created_at: string;
}

const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, role: r.role as UserRole, createdAt: r.created_at });

export function listUsers(db: Db): User[] {
  return (
    db.prepare('SELECT id, name, role, created_at FROM users WHERE deleted = 0 ORDER BY created_at, name').all() as UserRow[]
  ).map(toUser);
}

export function getUser(db: Db, id: string): User | null {
  const r = db.prepare('SELECT id, name, role, created_at FROM users WHERE id = ? AND deleted = 0').get(id) as
    | UserRow
    | undefined;
  return r ? toUser(r) : null;
}

/** Display name of whoever made a change, including deleted users and the reference loader. */
export function userName(db: Db, id: string): string | null {
  const r = db.prepare('SELECT name FROM users WHERE id = ?').get(id) as { name: string } | undefined;
  return r ? r.name : null;
}
