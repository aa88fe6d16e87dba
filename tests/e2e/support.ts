import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput, CallResult } from '../../shared/ipc/contract';

/** Ask the real host directly (the same contract the renderer uses) — to find data, and to check what was written. */
export async function api<K extends CallName>(request: APIRequestContext, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const res = await request.post(`/api/${name}`, { data: input });
  const body = (await res.json()) as CallResult<CallOutput<K>>;
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

/** The demo dataset's Ranchi Lok Sabha constituency and its assembly constituencies. */
export const RANCHI_PC = 8;

/** Open the dashboard for one Lok Sabha at booth level, main committees, assembly-constituency table. */
export async function openPcDashboard(page: Page, pcNo: number): Promise<void> {
  await page.goto('/#/dashboard');
  await page.getByTestId('scope-select').selectOption(String(pcNo));
  await page.getByTestId('level-select').selectOption('booth');
  await page.getByTestId('kind-select').selectOption('main');
  await page.getByTestId('table-level-select').selectOption('ac');
  await expect(page.getByTestId('headline')).toBeVisible();
}

/** The percentage shown for one unit's row in the dashboard table. */
export async function tablePct(page: Page, unitId: string): Promise<string> {
  const cell = page.getByTestId('units-table').locator(`tr[data-unit-id="${unitId}"]`).getByTestId('row-pct');
  await expect(cell).toBeVisible();
  return (await cell.innerText()).trim();
}

/** The tooltip text of one assembly constituency on the map. */
export async function mapTooltip(page: Page, acNo: number): Promise<string> {
  await page.getByTestId('map-layer-acs').check();
  const area = page.locator(`path.area-acs-${acNo}`);
  await expect(area).toHaveCount(1);
  await area.dispatchEvent('mouseover');
  const tip = page.locator('.leaflet-tooltip').last();
  await expect(tip).toBeVisible();
  const text = await tip.innerText();
  await area.dispatchEvent('mouseout');
  return text;
}
