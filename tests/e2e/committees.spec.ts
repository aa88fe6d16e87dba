import { expect, test, type APIRequestContext } from '@playwright/test';
import type { UnitSummary } from '../../shared/ipc/views';
import { api, mapTooltip, openPcDashboard, RANCHI_PC, tablePct } from './support';

/**
 * A booth in the Ranchi Lok Sabha whose main committee was dissolved but still has a full team:
 * re-declaring and verifying it is what an operator does when a committee is re-formed.
 */
async function findDissolvedCompleteBooth(request: APIRequestContext): Promise<{ booth: UnitSummary; acNo: number }> {
  const lists = await api(request, 'meta.lists', {});
  const acNos = lists.pcs.find((p) => p.no === RANCHI_PC)!.acNos;
  for (const acNo of acNos) {
    const booths = await api(request, 'units.search', { q: `BT-${acNo}-`, level: 'booth', limit: 200 });
    for (const booth of booths) {
      const detail = await api(request, 'units.get', { id: booth.id });
      const main = detail.committees.find((c) => c.kindId === 'main');
      if (main && main.status === 'dissolved' && main.completeness.complete && !booth.closed) return { booth, acNo };
    }
  }
  throw new Error('The demo data has no dissolved, complete booth committee in Ranchi');
}

test('declare and then verify a committee: the percentage changes on the map, the chart and the table; undo reverts', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { booth, acNo } = await findDissolvedCompleteBooth(request);
  const [ac] = await api(request, 'units.search', { q: `AC-${acNo}`, level: 'ac' });

  await openPcDashboard(page, RANCHI_PC);
  const beforeTable = await tablePct(page, ac.id);
  const beforeMap = await mapTooltip(page, acNo);
  expect(beforeMap).toContain(beforeTable);
  await expect(page.getByTestId('chart-by-ac')).toContainText(beforeTable);

  await page.goto(`/#/unit/${booth.id}`);
  const card = page.getByTestId('committee-main');
  await expect(card.getByTestId('committee-status')).toHaveText('Dissolved');

  await card.getByTestId('status-declared').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-yes').click();
  await expect(card.getByTestId('committee-status')).toHaveText('Declared');

  await card.getByTestId('status-verified').click();
  await page.getByTestId('confirm-yes').click();
  await expect(card.getByTestId('committee-status')).toHaveText('Verified');

  // Undo the last change, then verify again.
  await page.getByTestId('undo').click();
  await expect(card.getByTestId('committee-status')).toHaveText('Declared');
  await card.getByTestId('status-verified').click();
  await page.getByTestId('confirm-yes').click();
  await expect(card.getByTestId('committee-status')).toHaveText('Verified');

  await openPcDashboard(page, RANCHI_PC);
  const afterTable = await tablePct(page, ac.id);
  expect(parseFloat(afterTable)).toBeGreaterThan(parseFloat(beforeTable));
  const afterMap = await mapTooltip(page, acNo);
  expect(afterMap).toContain(afterTable);
  await expect(page.getByTestId('chart-by-ac')).toContainText(afterTable);
});

test('a cancelled confirmation changes nothing', async ({ page, request }) => {
  const { booth } = await findDissolvedCompleteBooth(request);
  await page.goto(`/#/unit/${booth.id}`);
  const card = page.getByTestId('committee-main');
  await card.getByTestId('status-declared').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(card.getByTestId('committee-status')).toHaveText('Dissolved');
  const detail = await api(request, 'units.get', { id: booth.id });
  expect(detail.committees.find((c) => c.kindId === 'main')!.status).toBe('dissolved');
});
