import { expect, test } from '@playwright/test';
import { addDays } from '../../shared/domain/visits/dates';
import { api } from './support';

/**
 * The scheduler's round trip through the real renderer and host: add a leader, two venues picked on the
 * map and two requests; ask for a suggested tour and accept it; see the visits on the calendar and the
 * leader-day map; then drag one visit onto the other's time and read the conflict in words.
 */
test('plan a leader-day from requests, then drag a visit into a double booking and see it explained', async ({ page, request }) => {
  test.setTimeout(120_000);
  const today = (await api(request, 'visits.plan', {})).today;
  const day = addDays(today, 4);

  // ── Records: a leader ──
  await page.goto('/#/visits/records');
  const lf = page.getByTestId('leader-form');
  await lf.getByTestId('leader-name').fill('E2E National Leader');
  await lf.getByTestId('leader-tier').selectOption('national');
  await lf.getByTestId('window-from').fill(addDays(today, 2));
  await lf.getByTestId('window-to').fill(addDays(today, 10));
  await lf.getByTestId('window-start').fill('06:00');
  await lf.getByTestId('leader-max').fill('3');
  await lf.getByTestId('leader-gap').fill('20');
  await lf.getByTestId('leader-save').click();
  await expect(page.getByTestId('leaders-table')).toContainText('E2E National Leader');

  // ── Two venues, each placed by clicking the map ──
  const vf = page.getByTestId('venue-form');
  const map = vf.getByTestId('venue-pick-map');
  await expect(map.locator('path.leaflet-interactive').first()).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  for (const [name, dx] of [
    ['E2E Ground A', 0],
    ['E2E Ground B', 12],
  ] as const) {
    await map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dx } });
    await expect(vf.getByTestId('venue-picked')).toContainText('AC');
    await vf.getByTestId('venue-name').fill(name);
    await vf.getByTestId('venue-capacity').fill('5000');
    await vf.getByTestId('venue-permission').selectOption('granted');
    await vf.getByTestId('venue-save').click();
    await expect(vf.getByTestId('venue-name')).toHaveValue('');
  }
  let plan = await api(request, 'visits.plan', {});
  const leader = plan.leaders.find((l) => l.nameEn === 'E2E National Leader')!;
  const venueA = plan.venues.find((v) => v.nameEn === 'E2E Ground A')!;
  const venueB = plan.venues.find((v) => v.nameEn === 'E2E Ground B')!;
  expect(venueA.acNo).toBeGreaterThan(0);

  // ── Two requests from the Lok Sabha in-charge, for the same day ──
  const rf = page.getByTestId('request-form');
  for (const [venue, priority] of [
    [venueA, '5'],
    [venueB, '4'],
  ] as const) {
    await rf.getByTestId('request-pc').selectOption(String(venue.pcNo));
    await rf.locator(`input[data-testid="request-leader"][value="${leader.id}"]`).check();
    await rf.getByTestId('request-priority').fill(priority);
    await rf.getByTestId('request-from').fill(day);
    await rf.getByTestId('request-to').fill(day);
    await rf.getByTestId('request-venue').selectOption(venue.id);
    await rf.getByTestId('request-by').fill('E2E Lok Sabha in-charge');
    await rf.getByTestId('request-save').click();
    await expect(rf.getByTestId('request-save')).toBeEnabled();
  }
  await expect.poll(async () => (await api(request, 'visits.plan', {})).requests.filter((r) => r.requestedBy === 'E2E Lok Sabha in-charge').length).toBe(2);
  plan = await api(request, 'visits.plan', {});
  const reqA = plan.requests.find((r) => r.venueId === venueA.id)!;
  const reqB = plan.requests.find((r) => r.venueId === venueB.id)!;

  // ── Suggest; the suggestions survive a reload; reject one and restore it; accept both ──
  await page.goto('/#/visits/plan');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggest-summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`[data-testid="suggestion"][data-request-id="${reqA.id}"]`)).toBeVisible();
  await page.reload();
  const rowB = page.locator(`[data-testid="suggestion"][data-request-id="${reqB.id}"]`);
  await expect(rowB).toBeVisible();
  await expect(page.locator(`[data-testid="suggestion"][data-request-id="${reqA.id}"]`)).toBeVisible();
  await rowB.getByTestId('suggestion-reject').click();
  await expect(rowB).toHaveAttribute('data-status', 'rejected');
  await page.reload();
  await expect(rowB).toHaveAttribute('data-status', 'rejected');
  await rowB.getByTestId('suggestion-restore').click();
  await expect(rowB).toHaveAttribute('data-status', 'open');
  for (const r of [reqA, reqB]) {
    const row = page.locator(`[data-testid="suggestion"][data-request-id="${r.id}"]`);
    await expect(row).toBeVisible();
    await row.getByTestId('suggestion-accept').click();
    await expect(row).toHaveCount(0);
  }

  // ── On the calendar and the map ──
  await page.getByTestId('leader-select').selectOption(leader.id);
  await page.getByTestId('plan-date').fill(day);
  const column = page.getByTestId(`cal-day-${day}`);
  await expect(column.getByTestId('cal-visit')).toHaveCount(2);
  await expect(column).toContainText('E2E Ground A');
  await expect(page.getByTestId('day-map').locator('.stop-label')).toHaveCount(2);
  // Numbered in time order; which ground comes first is the engine's choice (both fit the day, out and back).
  await expect(page.getByTestId('day-map')).toContainText(/1\. E2E Ground [AB]/);
  await expect(page.getByTestId('day-map')).toContainText(/2\. E2E Ground [AB]/);
  await expect(page.getByTestId('legs-table')).toContainText('min by');
  // The day starts from the leader's base and ends back there, each leg with its travel time.
  await expect(page.getByTestId('day-stop').first()).toContainText('from base Birsa Munda Airport, Ranchi');
  await expect(page.getByTestId('base-return')).toContainText('back to base Birsa Munda Airport, Ranchi');
  await expect(page.getByTestId('base-return')).toContainText('min by');
  await expect(page.getByTestId('day-map').locator('.base-label')).toContainText('Birsa Munda Airport');
  await expect(page.getByTestId('sun-times')).toContainText('Sunrise');
  await expect(page.getByTestId('no-conflicts')).toBeVisible();

  // ── Drag visit B onto visit A's start: a double booking, explained ──
  plan = await api(request, 'visits.plan', {});
  const visitA = plan.visits.find((v) => v.requestId === reqA.id)!;
  const visitB = plan.visits.find((v) => v.requestId === reqB.id)!;
  const at = visitA.startMin;
  const hhmm = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  const blockB = column.locator(`[data-visit-id="${visitB.id}"]`);
  // Grab B near its top edge, drop at A's start (06:00 is the top of the column, 0.8 px a minute).
  await blockB.dragTo(column, { sourcePosition: { x: 10, y: 2 }, targetPosition: { x: 30, y: (at - 6 * 60) * 0.8 + 2 } });
  await expect.poll(async () => (await api(request, 'visits.plan', {})).visits.find((v) => v.id === visitB.id)!.startMin).toBe(at);
  const conflict = page.locator('[data-testid="conflict"][data-kind="double_booking"]');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-text')).toHaveText(
    new RegExp(`E2E National Leader is booked twice at once: E2E Ground (A|B) at ${hhmm} overlaps E2E Ground (A|B) at ${hhmm}\\.`),
  );
  await expect(column.locator('.cal-visit.conflicted')).toHaveCount(2);

  // ── Printable itinerary for the leader-day ──
  await page.getByTestId('itinerary-link').click();
  await expect(page.getByTestId('itinerary')).toContainText('E2E National Leader');
  await expect(page.getByTestId('itinerary-stop')).toHaveCount(2);
});

test('the coverage view lists gaps first and the Hindi workspace explains in Hindi', async ({ page }) => {
  await page.goto('/#/visits/coverage');
  const rows = page.getByTestId('coverage-row');
  await expect(rows).toHaveCount(14);
  await expect(rows.first()).toHaveAttribute('data-state', 'gap');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('visits-tab-coverage')).toHaveText('कवरेज');
  await expect(rows.first()).toContainText('खाली');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('visits-tab-coverage')).toHaveText('Coverage');
});

/**
 * Editing records: a second availability window clears an "outside availability" conflict (and removing
 * it brings the conflict back); a venue's permission, edited to "applied" on a late date, raises a
 * "permission not in time" conflict with the earliest grant date.
 */
test('edit a leader\'s availability and a venue\'s permission, and see conflicts appear and disappear', async ({ page, request }) => {
  test.setTimeout(120_000);
  const today = (await api(request, 'visits.plan', {})).today;
  // Before Ranchi polls (the demo's phase 3, 40 days out).
  const first = addDays(today, 10);
  const later = addDays(today, 30);
  const leader = await api(request, 'visits.saveLeader', {
    nameEn: 'E2E Window Leader',
    tier: 'state',
    baseName: 'Birsa Munda Airport, Ranchi',
    baseLat: 23.3143,
    baseLon: 85.3217,
    availability: [{ from: first, to: addDays(first, 2), dayStartMin: 8 * 60, dayEndMin: 20 * 60 }],
    helicopter: null,
    road: { plainsKmh: 45, hillsKmh: 30 },
    maxEventsPerDay: 4,
    minGapMin: 20,
  });
  const venue = await api(request, 'visits.saveVenue', {
    nameEn: 'E2E Morabadi Edit Ground',
    lat: 23.3927,
    lon: 85.3286,
    acNo: 63,
    capacity: 3000,
    helipad: false,
    terrain: 'plains',
    permission: 'granted',
    permissionAppliedOn: today,
    permissionGrantedOn: today,
    authorityLeadDays: null,
  });
  await api(request, 'visits.create', { leaderId: leader.id, venueId: venue.id, requestId: null, date: later, startMin: 12 * 60, durationMin: 60 });

  const planFor = async () => {
    await page.goto('/#/visits/plan');
    await page.getByTestId('leader-select').selectOption(leader.id);
    await page.getByTestId('plan-date').fill(later);
  };
  const outside = page.locator('[data-testid="conflict"][data-kind="outside_availability"]');
  await planFor();
  await expect(outside).toBeVisible();
  await expect(outside.getByTestId('conflict-text')).toHaveText('E2E Window Leader is not available on this date.');

  // ── Add a second window covering the visit's date ──
  await page.goto('/#/visits/records');
  await page.locator(`[data-testid="leader-row"][data-leader-id="${leader.id}"]`).getByTestId('leader-edit').click();
  const ef = page.getByTestId('leader-edit-form');
  await expect(ef.getByTestId('leader-window')).toHaveCount(1);
  await ef.getByTestId('window-add').click();
  const second = ef.getByTestId('leader-window').nth(1);
  await second.getByTestId('window-from').fill(addDays(later, -1));
  await second.getByTestId('window-to').fill(addDays(later, 1));
  await second.getByTestId('window-start').fill('09:00');
  await second.getByTestId('window-end').fill('17:00');
  await ef.getByTestId('leader-save').click();
  await expect(page.getByTestId('leader-edit-form')).toHaveCount(0);
  await expect(page.locator(`[data-testid="leader-row"][data-leader-id="${leader.id}"]`)).toContainText('09:00–17:00');
  await planFor();
  await expect(page.getByTestId('cal-visit')).toHaveCount(1);
  await expect(outside).toHaveCount(0);
  await expect(page.getByTestId('no-conflicts')).toBeVisible();

  // ── Remove that window again: the conflict is back ──
  await page.goto('/#/visits/records');
  await page.locator(`[data-testid="leader-row"][data-leader-id="${leader.id}"]`).getByTestId('leader-edit').click();
  await page.getByTestId('leader-edit-form').getByTestId('leader-window').nth(1).getByTestId('window-remove').click();
  await page.getByTestId('leader-edit-form').getByTestId('leader-save').click();
  await expect(page.getByTestId('leader-edit-form')).toHaveCount(0);
  await planFor();
  await expect(outside).toBeVisible();

  // ── Edit the venue's permission: applied for only 5 days before, with the state's 7-day lead time ──
  await page.goto('/#/visits/records');
  await page.locator(`[data-testid="venue-row"][data-venue-id="${venue.id}"]`).getByTestId('venue-edit').click();
  const vf = page.getByTestId('venue-edit-form');
  await expect(vf.getByTestId('venue-name')).toHaveValue('E2E Morabadi Edit Ground');
  await vf.getByTestId('venue-permission').selectOption('applied');
  await vf.getByTestId('venue-applied-on').fill(addDays(later, -5));
  await vf.getByTestId('venue-save').click();
  await expect(page.getByTestId('venue-edit-form')).toHaveCount(0);
  await expect(page.locator(`[data-testid="venue-row"][data-venue-id="${venue.id}"]`)).toContainText('Applied');
  await expect.poll(async () => (await api(request, 'visits.plan', {})).venues.find((v) => v.id === venue.id)!.permissionAppliedOn).toBe(addDays(later, -5));
  await planFor();
  const late = page.locator('[data-testid="conflict"][data-kind="permission_late"]');
  await expect(late).toBeVisible();
  await expect(late.getByTestId('conflict-text')).toContainText('E2E Morabadi Edit Ground');

  // ── The authority itself needs only 3 days: edited on the venue, the conflict goes ──
  await page.goto('/#/visits/records');
  await page.locator(`[data-testid="venue-row"][data-venue-id="${venue.id}"]`).getByTestId('venue-edit').click();
  await page.getByTestId('venue-edit-form').getByTestId('venue-lead-days').fill('3');
  await page.getByTestId('venue-edit-form').getByTestId('venue-save').click();
  await expect(page.getByTestId('venue-edit-form')).toHaveCount(0);
  await planFor();
  await expect(late).toHaveCount(0);

  // ── Removing: refused while a visit depends on the leader; an unused venue goes, and Undo brings it back ──
  await page.goto('/#/visits/records');
  await page.locator(`[data-testid="leader-row"][data-leader-id="${leader.id}"]`).getByTestId('leader-delete').click();
  await expect(page.getByTestId('leader-delete-error')).toContainText('E2E Window Leader still has 1 planned visit');
  await expect(page.locator(`[data-testid="leader-row"][data-leader-id="${leader.id}"]`)).toHaveCount(1);
  const spare = await api(request, 'visits.saveVenue', {
    nameEn: 'E2E Spare Ground',
    lat: 23.35,
    lon: 85.33,
    acNo: 63,
    capacity: 1000,
    helipad: false,
    terrain: 'plains',
    permission: 'not_applied',
    permissionAppliedOn: null,
    permissionGrantedOn: null,
    authorityLeadDays: null,
  });
  await page.reload();
  const spareRow = page.locator(`[data-testid="venue-row"][data-venue-id="${spare.id}"]`);
  await spareRow.getByTestId('venue-delete').click();
  await expect(page.getByTestId('change-banner')).toContainText('Removed venue E2E Spare Ground');
  await expect(spareRow).toHaveCount(0);
  await page.getByTestId('change-banner').getByTestId('undo').click();
  await expect(spareRow).toHaveCount(1);
});

test('a helicopter that may fly after dark: the leader\'s daylight setting decides the conflict', async ({ page, request }) => {
  test.setTimeout(120_000);
  const today = (await api(request, 'visits.plan', {})).today;
  // Before Ranchi polls (the demo's phase 3, 40 days out).
  const day = addDays(today, 12);
  const leader = await api(request, 'visits.saveLeader', {
    nameEn: 'E2E Night Flyer',
    tier: 'national',
    baseName: 'Birsa Munda Airport, Ranchi',
    baseLat: 23.3143,
    baseLon: 85.3217,
    availability: [{ from: day, to: day, dayStartMin: 6 * 60, dayEndMin: 22 * 60 }],
    helicopter: { cruiseKmh: 220, turnaroundMin: 20, daylightOnly: true },
    road: { plainsKmh: 45, hillsKmh: 30 },
    maxEventsPerDay: 4,
    minGapMin: 20,
  });
  const venue = await api(request, 'visits.saveVenue', {
    nameEn: 'E2E Evening Helipad Ground',
    lat: 23.3927,
    lon: 85.3286,
    acNo: 63,
    capacity: 3000,
    helipad: true,
    terrain: 'plains',
    permission: 'granted',
    permissionAppliedOn: today,
    permissionGrantedOn: today,
    authorityLeadDays: null,
  });
  // An evening meeting: whatever the season, the flight home leaves after sunset.
  await api(request, 'visits.create', { leaderId: leader.id, venueId: venue.id, requestId: null, date: day, startMin: 18 * 60 + 30, durationMin: 60 });

  const planFor = async () => {
    await page.goto('/#/visits/plan');
    await page.getByTestId('leader-select').selectOption(leader.id);
    await page.getByTestId('plan-date').fill(day);
  };
  const dark = page.locator('[data-testid="conflict"][data-kind="helicopter_daylight"]');
  await planFor();
  await expect(page.getByTestId('heli-daylight')).toHaveText('The helicopter flies only in daylight.');
  await expect(dark.filter({ hasText: 'E2E Evening Helipad Ground → Birsa Munda Airport, Ranchi would fly 19:30–' })).toBeVisible();
  await expect(dark.first().getByTestId('conflict-text')).toContainText("this leader's helicopter flies only in daylight");

  // ── The leader's office says the helicopter is cleared for night flying: switched off in the leader form ──
  await page.goto('/#/visits/records');
  const row = page.locator(`[data-testid="leader-row"][data-leader-id="${leader.id}"]`);
  await expect(row).toContainText('daylight only');
  await row.getByTestId('leader-edit').click();
  const ef = page.getByTestId('leader-edit-form');
  await expect(ef.getByTestId('leader-daylight')).toBeChecked();
  await ef.getByTestId('leader-daylight').uncheck();
  await ef.getByTestId('leader-save').click();
  await expect(page.getByTestId('leader-edit-form')).toHaveCount(0);
  await expect(row).toContainText('may fly after dark');
  await planFor();
  await expect(page.getByTestId('heli-daylight')).toHaveText('The helicopter may fly after dark.');
  await expect(page.getByTestId('cal-visit')).toHaveCount(1);
  await expect(dark).toHaveCount(0);
  await expect(page.getByTestId('no-conflicts')).toBeVisible();
  // A new leader's helicopter starts daylight-only.
  await page.goto('/#/visits/records');
  await page.getByTestId('leader-form').getByTestId('leader-heli').check();
  await expect(page.getByTestId('leader-form').getByTestId('leader-daylight')).toBeChecked();
});
