// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeQueryClient, Providers } from '../../../renderer/src/app/Providers';
import { ImportExportPage } from '../../../renderer/src/features/importExport/ImportExportPage';
import { createI18n } from '../../../renderer/src/i18n';
import { fakeApi } from './fakeApi';

afterEach(cleanup);

function setup(lang: 'en' | 'hi', withError: boolean) {
  const api = fakeApi({
    'import.preview': () => ({
      kind: 'units',
      rows: 2,
      toInsert: withError ? 1 : 2,
      toUpdate: 0,
      unchanged: 0,
      errors: withError ? [{ row: 3, field: 'parent_code', reason: 'unknown_parent', message: 'No unit has the code M-9.' }] : [],
      sample: [],
      columns: ['level', 'code'],
    }),
    'import.commit': () => ({ inserted: 2, updated: 0, unchanged: 0 }),
  });
  render(
    <Providers i18n={createI18n(lang)} api={api} queryClient={makeQueryClient()}>
      <ImportExportPage />
    </Providers>,
  );
  return api;
}

const csvFile = () => new File(['\uFEFFlevel,code\nbooth,BT-1\nbooth,BT-2\n'], 'units.csv', { type: 'text/csv' });

describe('ImportExportPage', () => {
  it('strips the BOM, lists bad rows translated, and keeps Import disabled', async () => {
    const api = setup('hi', true);
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [csvFile()] } });
    const errors = await screen.findByTestId('import-errors');
    expect(api['import.preview']).toHaveBeenCalledWith({ kind: 'units', fileName: 'units.csv', text: 'level,code\nbooth,BT-1\nbooth,BT-2\n' });
    const cells = within(errors).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['3', 'parent_code', 'मूल इकाई मौजूद नहीं है']);
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('imports a clean file and reports the result', async () => {
    const api = setup('en', false);
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [csvFile()] } });
    const commit = await screen.findByTestId('import-commit');
    await waitFor(() => expect((commit as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(commit);
    expect((await screen.findByTestId('import-result')).textContent).toContain('2 added');
    expect(api['import.commit']).toHaveBeenCalledTimes(1);
  });
});
