import type { CallInput, CallName, CallOutput, CallResult } from '../../shared/ipc/contract';
import type { UserRole } from '../../shared/domain/types';
import { createCore, type CoreWithInternals } from '../../electron/main/core';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { getUnitByCode } from '../../electron/main/db/repositories/orgUnits';
import type { SqlValue } from '../../electron/main/db/schema';
import { beginChange, insertRow, newId, upsertRow } from '../../electron/main/sync/writer';

/** 10 Jan 2026, 11:30 IST; tests move it forward by hand. */
export const START = Date.UTC(2026, 0, 10, 6, 0, 0);

export interface TestCore extends CoreWithInternals {
  clockAt: { t: number };
  /** Call through the real dispatcher; throws with the error code when the call fails. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Call through the dispatcher and return the raw result value. */
  raw(name: string, input: unknown): Promise<CallResult<unknown>>;
}

export function makeCore(): TestCore {
  const clockAt = { t: START };
  const core = createCore({ dbPath: ':memory:', resourcesDir: 'resources', mode: 'web', now: () => clockAt.t });
  return Object.assign(core, {
    clockAt,
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
      const r = await dispatch(core.handlers, name, input);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, field: r.error.field });
      return r.value as CallOutput<K>;
    },
    raw: (name: string, input: unknown) => dispatch(core.handlers, name, input),
  });
}

export async function withUser(core: TestCore, role: UserRole = 'operator', name = 'Asha Kumari') {
  return core.call('users.create', { name, role });
}

/** Expect a call to fail with this error code; returns the error. */
export async function failsWith(p: Promise<unknown>, code: string): Promise<{ code: string; message: string; field?: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code: string; message: string; field?: string };
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

/**
 * A small slice of party units under the real Bermo block (B-3064, Bokaro district 355, AC 35, Lok Sabha 6):
 * one mandal, the block's first panchayat mapped to AC 35, and four booths under it — the fourth closed.
 * Written through the sync writer like the import would.
 */
export function addBermoFixture(core: TestCore): { mandalId: string; panchayatId: string; boothIds: string[]; closedBoothId: string } {
  const block = getUnitByCode(core.db, 'B-3064');
  const panchayat = getUnitByCode(core.db, 'P-3064-001');
  if (!block || !panchayat) throw new Error('reference geography not loaded');
  const base = { district_code: '355', block_code: '3064', ac_no: 35, pc_no: 6, source: 'import' };
  const mandalId = newId();
  const boothIds: string[] = [];
  core.db.transaction(() => {
    const w = beginChange(core.db, core.clock, 'system', new Date(core.clockAt.t).toISOString());
    insertRow(w, 'org_units', mandalId, { ...base, level: 'mandal', code: 'M-3064-01', name_en: 'Bermo Mandal', parent_id: block.id, closed: 0 }, 'test');
    upsertRow(w, 'org_units', panchayat.id, { parent_id: mandalId, ac_no: 35, pc_no: 6 }, 'test');
    for (let i = 1; i <= 4; i++) {
      const id = newId();
      boothIds.push(id);
      const values: Record<string, SqlValue> = {
        ...base,
        level: 'booth',
        code: `BT-35-${String(i).padStart(4, '0')}`,
        name_en: `Armo Booth ${i}`,
        name_hi: `आर्मो बूथ ${i}`,
        parent_id: panchayat.id,
        closed: i === 4 ? 1 : 0,
      };
      insertRow(w, 'org_units', id, values, 'test');
    }
  })();
  return { mandalId, panchayatId: panchayat.id, boothIds: boothIds.slice(0, 3), closedBoothId: boothIds[3] };
}

const PHONES = ['9876543210', '9123456780', '8123456789', '7012345678', '6123456789', '9988776655', '9090909090'];

/** Fill a booth main committee so that the default booth rule holds (president, BLA, five members). */
export async function fillBoothCommittee(core: TestCore, committeeId: string, phoneOffset = 0): Promise<void> {
  const roles = ['president', 'bla', 'member', 'member', 'member'] as const;
  for (let i = 0; i < roles.length; i++) {
    const phone = String(Number(PHONES[i]) + phoneOffset * 7);
    await core.call('appointments.add', { committeeId, role: roles[i], person: { nameEn: `Worker ${phoneOffset}-${i}`, phone } });
  }
}
