// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeBannerProvider } from '../../../renderer/src/app/ChangeBanner';
import { makeQueryClient, Providers } from '../../../renderer/src/app/Providers';
import { CommitteeCard } from '../../../renderer/src/features/units/CommitteeCard';
import { createI18n } from '../../../renderer/src/i18n';
import type { CommitteeView } from '../../../shared/ipc/views';
import { fakeApi } from './fakeApi';

const committee: CommitteeView = {
  id: 'c1',
  unitId: 'u1',
  kindId: 'k-main',
  status: 'declared',
  declaredOn: '2026-03-01',
  verifiedOn: null,
  declaredBy: 'Asha',
  verifiedBy: null,
  complete: false,
  kind: { id: 'k-main', category: 'main', nameEn: 'Main committee', nameHi: 'मुख्य समिति', builtin: true },
  unitCode: 'B-3064',
  appointments: [
    {
      id: 'a1',
      committeeId: 'c1',
      personId: 'p1',
      role: 'president',
      person: { id: 'p1', nameEn: 'Ramesh Oraon', nameHi: 'रमेश उरांव', phoneMasked: '98••••••10', voterIdMasked: null },
    },
  ],
  completeness: { complete: false, missingRoles: ['general_secretary'], membersShort: 4 },
  allowedNext: ['verified', 'dissolved'],
};

function renderCard(lang: 'en' | 'hi' = 'en') {
  const api = fakeApi({
    'committees.setStatus': ({ status }) => ({ ...committee, status, allowedNext: ['dissolved'] }),
    'history.undoLast': () => ({ id: 'h1', at: '2026-03-02T10:00:00Z', userName: 'Asha', action: 'committee.status', subjectEn: 'x', subjectHi: 'x' }),
    'appointments.remove': () => ({ ...committee, appointments: [] }),
  });
  render(
    <Providers i18n={createI18n(lang)} api={api} queryClient={makeQueryClient()}>
      <ChangeBannerProvider>
        <CommitteeCard committee={committee} />
      </ChangeBannerProvider>
    </Providers>,
  );
  return api;
}

afterEach(cleanup);

describe('CommitteeCard', () => {
  it('shows kind, status, completeness and office-bearers as given', () => {
    renderCard();
    const card = screen.getByTestId('committee-k-main');
    expect(within(card).getByText('Main committee')).toBeTruthy();
    expect(within(card).getByTestId('committee-status').textContent).toBe('Declared');
    expect(within(card).getByTestId('completeness').textContent).toContain('General secretary');
    expect(within(card).getByTestId('completeness').textContent).toContain('Members short: 4');
    expect(within(card).getByText('98••••••10')).toBeTruthy();
  });

  it('asks for confirmation before changing the status, then offers Undo that calls history.undoLast', async () => {
    const api = renderCard();
    fireEvent.click(screen.getByTestId('status-verified'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Declared → Verified');
    expect(api['committees.setStatus']).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(api['committees.setStatus']).toHaveBeenCalledWith({ committeeId: 'c1', status: 'verified' }));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());

    fireEvent.click(await screen.findByTestId('undo'));
    await waitFor(() => expect(api['history.undoLast']).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('change-banner').textContent).toContain('The last change was undone.'));
  });

  it('cancelling the dialog changes nothing', () => {
    const api = renderCard();
    fireEvent.click(screen.getByTestId('status-dissolved'));
    fireEvent.click(screen.getByText('Cancel'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(api['committees.setStatus']).not.toHaveBeenCalled();
  });

  it('shows the backend error in words next to the card', async () => {
    const api = renderCard();
    api['committees.setStatus'].mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'Only a higher level can verify this committee.' } });
    fireEvent.click(screen.getByTestId('status-verified'));
    fireEvent.click(screen.getByTestId('confirm-yes'));
    const alert = await within(screen.getByTestId('committee-k-main')).findByRole('alert');
    expect(alert.textContent).toContain('Only a higher level can verify this committee.');
    expect(alert.textContent).toContain('You are not allowed to do this.');
  });

  it('is fully in Hindi when Hindi is chosen', () => {
    renderCard('hi');
    const card = screen.getByTestId('committee-k-main');
    expect(within(card).getByText('मुख्य समिति')).toBeTruthy();
    expect(within(card).getByTestId('committee-status').textContent).toBe('घोषित');
    expect(within(card).getByTestId('status-verified').textContent).toBe('सत्यापित करें');
    expect(within(card).getByText('रमेश उरांव')).toBeTruthy();
  });
});
