import type { User } from '../../../shared/domain/types';
import type { Db } from '../db/connection';
import { getMeta } from '../db/repositories/meta';
import { getUser } from '../db/repositories/users';
import type { LocalClock } from '../sync/clock';
import { beginChange, type WriteContext } from '../sync/writer';
import { AppError } from './AppError';

/** What every service needs: the database, the device clock and the wall clock. No Electron here. */
export interface ServiceContext {
  db: Db;
  clock: LocalClock;
  now: () => number;
  resourcesDir: string;
  dbPath: string;
  mode: 'electron' | 'web';
  version?: string;
  /**
   * Set while a long job (a member import) holds the database's one write transaction open across
   * yields: another write would join that transaction and vanish with a cancel, so writes wait instead.
   */
  busyWith?: string | null;
}

/** The user id reference loading and demo generation write as. */
export const SYSTEM_USER = 'system';

const IST_OFFSET_MS = 330 * 60 * 1000;

export function nowIso(ctx: ServiceContext): string {
  return new Date(ctx.now()).toISOString();
}

/** Today's calendar date in India (IST), as YYYY-MM-DD: what "declared on" means to the people using the app. */
export function istDate(ctx: ServiceContext): string {
  return new Date(ctx.now() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

export function currentUser(ctx: ServiceContext): User | null {
  const id = getMeta(ctx.db, 'current_user');
  return id ? getUser(ctx.db, id) : null;
}

/** Every write records who made it, so nothing is written until someone has said who is working. */
export function requireUser(ctx: ServiceContext): User {
  const user = currentUser(ctx);
  if (!user) throw new AppError('no_user', 'Choose who is working first: pick your name or add yourself, then try again.');
  return user;
}

export function requireStateAdmin(ctx: ServiceContext, what: string): User {
  const user = requireUser(ctx);
  if (user.role !== 'state_admin') {
    throw new AppError('forbidden', `Only a state admin can ${what}. Ask the state office, or switch to a state admin.`);
  }
  return user;
}

/** Run one user action as one change group (what undo reverts), all in one transaction. */
export function inChange<T>(ctx: ServiceContext, userId: string, fn: (w: WriteContext) => T): T {
  assertNotBusy(ctx);
  return ctx.db.transaction(() => fn(beginChange(ctx.db, ctx.clock, userId, nowIso(ctx))))();
}

export function assertNotBusy(ctx: ServiceContext): void {
  if (ctx.busyWith) throw new AppError('conflict', `${ctx.busyWith} is running. Wait for it to finish (or cancel it), then try again.`);
}
