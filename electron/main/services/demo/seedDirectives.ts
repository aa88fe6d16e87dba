import { addDays, istDateOf } from '../../../../shared/domain/directives';
import { listUnitsOfLevel } from '../../db/repositories/reference';
import type { SqlValue } from '../../db/schema';
import { insertRow, newId, type WriteContext } from '../../sync/writer';
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from './names';

const DAY_MS = 86_400_000;

/**
 * The state's standing directives (the review-meeting examples of issue 5), recorded from a state review
 * meeting three weeks before "now", plus party offices for about 55% of blocks, a roster of speakers and a
 * few district meetings — so the compliance dashboard shows every state (done, pending, overdue) at once.
 * Runs inside the demo's transaction; a few hundred rows, so it adds little to generation time.
 */
export function seedDirectivesDemo(w: WriteContext, rand: () => number, now: number, blockAc: Map<string, { acNo: number | null; districtCode: string | null }>): void {
  const db = w.db;
  const today = istDateOf(now);
  const state = listUnitsOfLevel(db, 'state')[0];
  const districts = listUnitsOfLevel(db, 'district');
  const blocks = listUnitsOfLevel(db, 'block');

  // --- party offices: owned or rented, opened over the last years; location near the block HQ ---
  for (const b of blocks) {
    if (rand() >= 0.55) continue;
    const scope = blockAc.get(b.id);
    const values: Record<string, SqlValue> = {
      block_id: b.id,
      has_office: 1,
      address: `Main Road, ${b.nameEn}`,
      lat: b.lat !== null ? Math.round((b.lat + (rand() - 0.5) * 0.01) * 1e5) / 1e5 : null,
      lon: b.lon !== null ? Math.round((b.lon + (rand() - 0.5) * 0.01) * 1e5) / 1e5 : null,
      tenure: rand() < 0.35 ? 'owned' : 'rented',
      opened_on: istDateOf(now - Math.floor(30 + rand() * 2000) * DAY_MS),
      ac_no: scope?.acNo ?? null,
      district_code: scope?.districtCode ?? b.districtCode,
    };
    insertRow(w, 'party_offices', newId(), values, 'office.create');
  }

  // --- speakers ---
  const languages = ['Hindi', 'English', 'Santali', 'Nagpuri', 'Khortha', 'Ho', 'Mundari', 'Kurukh', 'Bengali', 'Urdu', 'Odia'];
  const topics = ['Farmers', 'Youth', 'Women', 'Development', 'Tribal rights', 'Employment', 'Education', 'Health'];
  for (let i = 0; i < 40; i++) {
    const male = rand() < 0.7;
    const first = (male ? MALE_FIRST : FEMALE_FIRST)[Math.floor(rand() * (male ? MALE_FIRST : FEMALE_FIRST).length)];
    const last = SURNAMES[Math.floor(rand() * SURNAMES.length)];
    const langs = ['Hindi', ...languages.slice(1).filter(() => rand() < 0.2)];
    insertRow(
      w,
      'speakers',
      newId(),
      {
        name_en: `${first[0]} ${last[0]}`,
        name_hi: `${first[1]} ${last[1]}`,
        phone: `9${String(700_000_000 + i * 7_919).padStart(9, '0')}`,
        languages: JSON.stringify(langs),
        topics: JSON.stringify(topics.filter(() => rand() < 0.3).slice(0, 3)),
        level: i < 6 ? 'state' : i < 20 ? 'pc' : 'district',
        unit_id: null,
        availability: rand() < 0.5 ? 'Weekends' : 'Any day with a week’s notice',
        rating: 2 + Math.floor(rand() * 4),
        ac_no: null,
        district_code: null,
      },
      'speaker.create',
    );
  }

  // --- per Lok Sabha: a control room in about half, media / social-media members, WhatsApp groups ---
  const pcUnits = listUnitsOfLevel(db, 'pc');
  pcUnits.forEach((pc, i) => {
    const setUp = rand() < 0.5;
    insertRow(
      w,
      'control_rooms',
      newId(),
      {
        pc_unit_id: pc.id,
        set_up: setUp ? 1 : 0,
        address: setUp ? `Party office, ${pc.nameEn}` : null,
        opened_on: setUp ? istDateOf(now - Math.floor(5 + rand() * 60) * DAY_MS) : null,
        staff: JSON.stringify(setUp ? [{ name: 'Operator 1', role: 'operator', shift: '08:00–14:00' }, { name: 'Operator 2', role: 'operator', shift: '14:00–20:00' }] : []),
        phone_lines: JSON.stringify(setUp ? [`8${String(600_000_000 + i * 1_117).padStart(9, '0')}`] : []),
        ac_no: null,
        district_code: null,
      },
      'controlRoom.create',
    );
    for (const team of ['media', 'social_media'] as const) {
      const n = Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) {
        const first = MALE_FIRST[Math.floor(rand() * MALE_FIRST.length)];
        const last = SURNAMES[Math.floor(rand() * SURNAMES.length)];
        insertRow(
          w,
          'team_members',
          newId(),
          {
            team,
            unit_id: pc.id,
            name_en: `${first[0]} ${last[0]}`,
            name_hi: `${first[1]} ${last[1]}`,
            role: k === 0 ? 'convenor' : 'member',
            phone: `7${String(500_000_000 + i * 100 + k + (team === 'media' ? 0 : 50)).padStart(9, '0')}`,
            handles: JSON.stringify(team === 'social_media' ? { x: `@${first[0].toLowerCase()}${i}${k}` } : {}),
            ac_no: null,
            district_code: null,
          },
          'team.add',
        );
      }
    }
    for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
      insertRow(
        w,
        'whatsapp_groups',
        newId(),
        {
          name: `${pc.nameEn} ${['booth presidents', 'mandal team', 'media cell'][k]}`,
          level: 'pc',
          unit_id: pc.id,
          purpose: ['Booth coordination', 'Mandal follow-up', 'Press notes and photos'][k],
          admins: JSON.stringify(['Lok Sabha in-charge']),
          member_count: 40 + Math.floor(rand() * 200),
          invite_link: null,
          last_update: istDateOf(now - Math.floor(rand() * 20) * DAY_MS),
          ac_no: null,
          district_code: null,
        },
        'whatsapp.add',
      );
    }
  });

  // --- the state review meeting and its standing directives ---
  const heldOn = addDays(today, -21);
  const meetingId = newId();
  insertRow(
    w,
    'meetings',
    meetingId,
    {
      held_on: heldOn,
      level: 'state',
      unit_id: state.id,
      chair: 'State president',
      mode: 'in_person',
      attendees: JSON.stringify([
        { name: 'State general secretary', role: 'convenor' },
        { name: 'Lok Sabha in-charges (14)', role: 'in-charge' },
        { name: 'District presidents (24)', role: 'district president' },
      ]),
      agenda: 'Organisational review: committee formation, media and social-media committees, speakers, WhatsApp groups, control rooms, party offices.',
      minutes: 'Each Lok Sabha in-charge reported in turn. Incomplete formation to be finished and submitted to the state office.',
      ac_no: null,
      district_code: null,
    },
    'meeting.create',
  );
  const directives: { en: string; hi: string; level: string; deadline: { date?: string; days?: number }; rule: string }[] = [
    { en: 'Form a media committee in every Lok Sabha', hi: 'हर लोकसभा में मीडिया समिति का गठन करें', level: 'pc', deadline: { days: 15 }, rule: 'media_committee' },
    { en: 'Form a social-media committee in every Lok Sabha', hi: 'हर लोकसभा में सोशल मीडिया समिति का गठन करें', level: 'pc', deadline: { days: 15 }, rule: 'manual' },
    { en: 'Select good speakers for every Lok Sabha', hi: 'हर लोकसभा के लिए अच्छे वक्ताओं का चयन करें', level: 'pc', deadline: { days: 30 }, rule: 'manual' },
    { en: 'Set up WhatsApp groups down to booth level', hi: 'बूथ स्तर तक व्हाट्सऐप समूह बनाएं', level: 'pc', deadline: { days: 30 }, rule: 'manual' },
    { en: 'Set up a control room in every Lok Sabha', hi: 'हर लोकसभा में कंट्रोल रूम स्थापित करें', level: 'pc', deadline: { days: 30 }, rule: 'manual' },
    { en: 'Hold district, block, mandal and panchayat meetings within 15 days and report progress', hi: '15 दिनों में ज़िला, प्रखंड, मंडल और पंचायत स्तर की बैठकें करें और प्रगति रिपोर्ट दें', level: 'district', deadline: { days: 15 }, rule: 'meeting_held' },
    { en: 'Open a party office in every block without one', hi: 'जिन प्रखंडों में पार्टी कार्यालय नहीं है वहाँ कार्यालय खोलें', level: 'block', deadline: { date: addDays(today, 40) }, rule: 'party_office' },
    { en: 'Appoint and verify the declared committees of frontal organisations, departments and cells', hi: 'मोर्चा, विभाग और प्रकोष्ठ की घोषित समितियों की नियुक्ति और सत्यापन करें', level: 'district', deadline: { days: 45 }, rule: 'manual' },
    { en: 'Every district to have a media and social-media team', hi: 'हर ज़िले में मीडिया और सोशल मीडिया टीम हो', level: 'district', deadline: { days: 30 }, rule: 'manual' },
    { en: 'Every block to have a media and social-media team', hi: 'हर प्रखंड में मीडिया और सोशल मीडिया टीम हो', level: 'block', deadline: { days: 30 }, rule: 'manual' },
  ];
  const directiveIds: { id: string; level: string; rule: string }[] = [];
  for (const d of directives) {
    const id = newId();
    directiveIds.push({ id, level: d.level, rule: d.rule });
    insertRow(
      w,
      'directives',
      id,
      {
        meeting_id: meetingId,
        text_en: d.en,
        text_hi: d.hi,
        target_level: d.level,
        target_unit_ids: null,
        deadline_date: d.deadline.date ?? null,
        deadline_days: d.deadline.days ?? null,
        done_rule: d.rule,
        ac_no: null,
        district_code: null,
      },
      'directive.create',
    );
  }

  // --- district meetings after the review (some districts complied), and a few manual marks with evidence ---
  for (const d of districts) {
    if (rand() >= 0.6) continue;
    insertRow(
      w,
      'meetings',
      newId(),
      {
        held_on: addDays(heldOn, 2 + Math.floor(rand() * 12)),
        level: 'district',
        unit_id: d.id,
        chair: 'District president',
        mode: rand() < 0.3 ? 'virtual' : 'in_person',
        attendees: JSON.stringify([{ name: 'Block presidents', role: 'block president' }]),
        agenda: 'Follow-up of the state review directives',
        minutes: null,
        ac_no: null,
        district_code: d.districtCode,
      },
      'meeting.create',
    );
  }
  const unitsOf: Record<string, { id: string; districtCode: string | null }[]> = { pc: listUnitsOfLevel(db, 'pc'), district: districts, block: listUnitsOfLevel(db, 'block') };
  for (const dir of directiveIds.filter((x) => x.rule === 'manual')) {
    const units = unitsOf[dir.level];
    for (const u of units) {
      if (rand() >= 0.45) continue;
      insertRow(
        w,
        'directive_marks',
        newId(),
        {
          directive_id: dir.id,
          unit_id: u.id,
          done_on: addDays(heldOn, 1 + Math.floor(rand() * 18)),
          note: 'Reported by the in-charge at the weekly call; list sent to the state office.',
          ac_no: null,
          district_code: u.districtCode,
        },
        'directive.mark',
      );
    }
  }
}
