// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient, Providers } from '../../../renderer/src/app/Providers';
import { AddOfficeBearerForm } from '../../../renderer/src/features/units/AddOfficeBearerForm';
import { createI18n } from '../../../renderer/src/i18n';
import { fakeApi } from './fakeApi';

afterEach(cleanup);

describe('AddOfficeBearerForm', () => {
  it('offers the existing person once a known 10-digit phone is typed, and appoints that person', async () => {
    const api = fakeApi({
      'people.findByPhone': ({ phone }) =>
        phone === '9876543210'
          ? {
              id: 'p9',
              nameEn: 'Sunita Devi',
              nameHi: null,
              phoneMasked: '98••••••10',
              posts: [{ committeeId: 'c0', unitNameEn: 'Kanke', unitNameHi: null, kindNameEn: 'Main committee', kindNameHi: 'मुख्य समिति', role: 'secretary' }],
            }
          : null,
      'appointments.add': () => ({}) as never,
    });
    const onDone = vi.fn();
    render(
      <Providers i18n={createI18n('en')} api={api} queryClient={makeQueryClient()}>
        <AddOfficeBearerForm committeeId="c1" onDone={onDone} />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '98765' } });
    expect(api['people.findByPhone']).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Mobile number'), { target: { value: '98765 43210' } });
    const match = await screen.findByTestId('person-match');
    expect(match.textContent).toContain('Sunita Devi');
    expect(match.textContent).toContain('Secretary, Main committee, Kanke');

    fireEvent.change(screen.getByLabelText('Post'), { target: { value: 'treasurer' } });
    fireEvent.click(screen.getByTestId('use-existing'));
    await waitFor(() =>
      expect(api['appointments.add']).toHaveBeenCalledWith({ committeeId: 'c1', role: 'treasurer', person: { existingPersonId: 'p9' } }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Sunita Devi'));
  });
});
