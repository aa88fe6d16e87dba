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
  await lf.getByTestId('leader-from').fill(addDays(today, 2));
  await lf.getByTestId('leader-to').fill(addDays(today, 10));
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

  // ── Suggest, accept both ──
  await page.goto('/#/visits/plan');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggest-summary')).toBeVisible({ timeout: 30_000 });
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
  await expect(page.getByTestId('day-map')).toContainText('1. E2E Ground A');
  await expect(page.getByTestId('legs-table')).toContainText('min by');
  await expect(page.getByTestId('sun-times')).toContainText('Sunrise');
  await expect(page.getByTestId('no-conflicts')).toBeVisible();

  // ── Drag visit B onto 09:00, on top of visit A: a double booking, explained ──
  plan = await api(request, 'visits.plan', {});
  const visitA = plan.visits.find((v) => v.requestId === reqA.id)!;
  const visitB = plan.visits.find((v) => v.requestId === reqB.id)!;
  expect(visitA.startMin).toBe(9 * 60);
  const blockB = column.locator(`[data-visit-id="${visitB.id}"]`);
  // Grab B near its top edge, drop at 09:00 (06:00 is the top of the column, 0.8 px a minute).
  await blockB.dragTo(column, { sourcePosition: { x: 10, y: 2 }, targetPosition: { x: 30, y: (9 * 60 - 6 * 60) * 0.8 + 2 } });
  await expect.poll(async () => (await api(request, 'visits.plan', {})).visits.find((v) => v.id === visitB.id)!.startMin).toBe(9 * 60);
  const conflict = page.locator('[data-testid="conflict"][data-kind="double_booking"]');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-text')).toHaveText(/E2E National Leader is booked twice at once: E2E Ground (A|B) at 09:00 overlaps E2E Ground (A|B) at 09:00\./);
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
