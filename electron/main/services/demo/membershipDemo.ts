import type { Db } from '../../db/connection';
import { listBoothFacts } from '../../db/repositories/membership';
import { listUnitsByLevel } from '../../db/repositories/orgUnits';
import type { SqlValue } from '../../db/schema';
import type { LocalClock } from '../../sync/clock';
import { beginChange, insertRow, insertRowsBulk, newId } from '../../sync/writer';
import { recomputeFindings } from '../membership/findings';
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from './names';

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Demo membership drive, inside the demo's transaction: a chief enroller per district, booth-level
 * enrollers for every 15th booth (about one in five untrained), a district workshop per district held a
 * month ago and block workshops planned ahead, and members over the last 45 days — with planted problems
 * so that every kind of finding shows up: duplicate phones and EPICs across booths, a burst in one hour,
 * bulk sign-ups at night, a run of consecutive numbers, many members on one phone, a booth over half its
 * electorate, and records by untrained enrollers.
 */
export function generateMembershipDemo(opts: { db: Db; clock: LocalClock; userId: string; now: number; rand: () => number; scale: number }): void {
  const { db, clock, userId, now, rand } = opts;
  const at = new Date(now - 50 * DAY_MS).toISOString();
  const w = beginChange(db, clock, userId, at);
  const booths = listBoothFacts(db).sort((a, b) => a.code.localeCompare(b.code));
  if (booths.length === 0) return;
  const districts = listUnitsByLevel(db, 'district');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  // Enrollers.
  const chiefs = new Map<string, string>();
  for (const d of districts) {
    const id = newId();
    const first = pick(MALE_FIRST);
    const last = pick(SURNAMES);
    insertRow(w, 'enrollers', id, { name: `${first[0]} ${last[0]}`, phone: String(9400000000 + Math.floor(rand() * 99999999)), level: 'chief', unit_id: d.id, login_id: `CH-${d.districtCode}`, appointed_by: 'State office', ac_no: null, district_code: d.districtCode }, 'enroller.add');
    chiefs.set(d.districtCode ?? '', id);
  }
  const boothEnrollers: { id: string; boothIndex: number; trained: boolean; districtCode: string | null }[] = [];
  for (let i = 0; i < booths.length; i += 15) {
    const b = booths[i];
    const id = newId();
    const female = rand() < 0.35;
    const first = pick(female ? FEMALE_FIRST : MALE_FIRST);
    const last = pick(SURNAMES);
    insertRow(w, 'enrollers', id, { name: `${first[0]} ${last[0]}`, phone: String(8200000000 + i), level: 'booth', unit_id: b.id, login_id: `BLE-${b.code.slice(3)}`, appointed_by: 'District president', ac_no: b.acNo, district_code: b.districtCode }, 'enroller.add');
    boothEnrollers.push({ id, boothIndex: i, trained: rand() > 0.2, districtCode: b.districtCode });
  }

  // Workshops: one held per district, block workshops planned in the coming weeks.
  for (const d of districts) {
    const wid = newId();
    insertRow(w, 'workshops', wid, { level: 'district', unit_id: d.id, held_on: dateOf(now - 40 * DAY_MS), venue: `${d.nameEn} district office`, trainer: 'State training cell', ac_no: null, district_code: d.districtCode }, 'workshop.add');
    const chief = chiefs.get(d.districtCode ?? '');
    if (chief) insertRow(w, 'workshop_attendance', newId(), { workshop_id: wid, enroller_id: chief, invited: 1, attended: d.districtCode?.endsWith('0') ? 0 : 1, ac_no: null, district_code: d.districtCode }, 'workshop.attendance');
    for (const e of boothEnrollers.filter((x) => x.districtCode === d.districtCode)) {
      insertRow(w, 'workshop_attendance', newId(), { workshop_id: wid, enroller_id: e.id, invited: 1, attended: e.trained ? 1 : 0, ac_no: booths[e.boothIndex].acNo, district_code: d.districtCode }, 'workshop.attendance');
    }
  }
  for (const b of listUnitsByLevel(db, 'block').filter((_, i) => i % 9 === 0)) {
    insertRow(w, 'workshops', newId(), { level: 'block', unit_id: b.id, held_on: dateOf(now + (3 + Math.floor(rand() * 25)) * DAY_MS), venue: `${b.nameEn} block office`, trainer: 'District trainer', ac_no: b.acNo, district_code: b.districtCode }, 'workshop.add');
  }

  // Members.
  const importId = newId();
  const rows: SqlValue[][] = [];
  let phoneSeq = 0;
  // Spread numbers out so that honest records never form runs of consecutive numbers.
  const nextPhone = () => String(6000000000 + ((++phoneSeq * 7919) % 3_900_000_000));
  const start = now - 45 * DAY_MS;
  const stamp = (dayMs: number, hour: number, minute: number) => {
    const d = new Date(dayMs);
    return `${d.toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}`;
  };
  const perEnroller = Math.max(4, Math.round(20 * opts.scale ** 0.25));
  const add = (e: (typeof boothEnrollers)[number], over: Partial<{ phone: string; epic: string | null; at: string; boothIndex: number }> = {}) => {
    const b = booths[over.boothIndex ?? e.boothIndex];
    const day = start + Math.floor(rand() * 45) * DAY_MS;
    rows.push([
      newId(), null, null, over.phone ?? nextPhone(), over.epic ?? null,
      rand() < 0.41 ? 'F' : 'M', rand() < 0.7 ? 'digital' : 'offline', b.id, e.id,
      over.at ?? stamp(day, 9 + Math.floor(rand() * 9), Math.floor(rand() * 60)), importId, null, b.pcNo, b.acNo, b.districtCode,
    ]);
  };
  for (const e of boothEnrollers) {
    const n = Math.floor(perEnroller * (0.4 + rand() * 1.2));
    for (let k = 0; k < n; k++) add(e, { epic: rand() < 0.3 ? `DMO${pad(phoneSeq + 1, 7)}` : null });
  }
  // Planted problems.
  const e0 = boothEnrollers[0];
  const e1 = boothEnrollers[Math.min(1, boothEnrollers.length - 1)];
  for (let k = 0; k < 12; k++) {
    const phone = String(9700000000 + k * 13);
    add(pick(boothEnrollers), { phone });
    add(pick(boothEnrollers), { phone });
  }
  for (let k = 0; k < 4; k++) {
    const epic = `JHK${pad(4000000 + k * 11, 7)}`;
    add(pick(boothEnrollers), { epic });
    add(pick(boothEnrollers), { epic });
  }
  const burstDay = start + 20 * DAY_MS;
  for (let k = 0; k < 42; k++) add(e0, { at: stamp(burstDay, 14, k % 60) });
  for (let k = 0; k < 16; k++) add(e1, { at: stamp(burstDay + DAY_MS, 1, k * 3) });
  for (let k = 0; k < 6; k++) add(e1, { phone: String(9812345600 + k) });
  for (let k = 0; k < 5; k++) add(pick(boothEnrollers), { phone: '9898989898' });
  // One small booth far over half its electorate.
  const smallBooth = booths.reduce((min, b, i) => ((b.electors ?? 1e9) < (booths[min].electors ?? 1e9) ? i : min), 0);
  const limit = Math.floor((booths[smallBooth].electors ?? 0) * 0.5);
  if (limit > 0 && limit < 1200) for (let k = 0; k < limit + 25; k++) add({ ...e0, boothIndex: smallBooth }, { boothIndex: smallBooth });

  insertRowsBulk(w, 'members', rows, { column: 'import_id', value: importId }, 'members.import');
  insertRow(w, 'member_imports', importId, { file_name: 'demo', source: 'demo', rows: rows.length, inserted: rows.length, skipped: 0, rejected: 0, scope_pc: null, imported_at: at, ac_no: null, district_code: null }, 'members.import');
  recomputeFindings(w, booths);
}
