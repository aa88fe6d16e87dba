import { describe, expect, it } from 'vitest';
import { normaliseEpic, normalisePhone } from '../../../shared/domain/personalData';
import {
  excelSerialToLocal,
  mapMemberColumns,
  normaliseGender,
  normaliseMode,
  parseIndianDate,
  parseIndianDateTime,
} from '../../../shared/domain/membershipFormats';

describe('phone and EPIC normalisation for member records', () => {
  it.each([
    ['9876543210', '9876543210'],
    ['+91 98765 43210', '9876543210'],
    ['919876543210', '9876543210'],
    ['09876543210', '9876543210'],
    ['9.876543210E+09', '9876543210'],
    ['9.876543210e9', '9876543210'],
    ['98765-43210', '9876543210'],
  ])('%s → %s', (raw, want) => expect(normalisePhone(raw)).toBe(want));

  it.each(['', '12345', '5876543210', 'abc', '9.87E+09x', '98765432101'])('rejects %j', (raw) => expect(normalisePhone(raw)).toBeNull());

  it('EPIC is three letters and seven digits, case and spaces ignored', () => {
    expect(normaliseEpic(' abc1234567 ')).toBe('ABC1234567');
    expect(normaliseEpic('ABC 1234567')).toBe('ABC1234567');
    expect(normaliseEpic('AB12345678')).toBeNull();
    expect(normaliseEpic('ABC123456')).toBeNull();
  });
});

describe('Indian dates', () => {
  it.each([
    ['2026-01-15', '2026-01-15T00:00'],
    ['15-01-2026', '2026-01-15T00:00'],
    ['15/01/2026', '2026-01-15T00:00'],
    ['5.1.26', '2026-01-05T00:00'],
    ['03/04/2026 14:05', '2026-04-03T14:05'],
    ['03/04/2026 2:05 PM', '2026-04-03T14:05'],
    ['2026-04-03T09:30:00', '2026-04-03T09:30'],
    ['46032', '2026-01-10T00:00'],
    ['46032.75', '2026-01-10T18:00'],
    ['29/02/2024', '2024-02-29T00:00'],
  ])('%s → %s', (raw, want) => expect(parseIndianDateTime(raw)).toBe(want));

  it.each(['31/02/2026', '29/02/2025', '32-01-2026', '15/13/2026', '2026-13-01', 'yesterday', '', '15/01/2026 25:00', '1/1/1800', '123'])(
    'rejects impossible or unreadable %j',
    (raw) => expect(parseIndianDateTime(raw)).toBeNull(),
  );

  it('date only and Excel serial helpers', () => {
    expect(parseIndianDate('5.1.26')).toBe('2026-01-05');
    expect(excelSerialToLocal(1)).toBeNull();
  });
});

describe('headers, gender and mode', () => {
  it('maps English and Hindi headers, with a BOM and odd spacing, never one field twice', () => {
    expect(mapMemberColumns(['\uFEFFMembership ID', 'नाम', 'मोबाइल नंबर', 'EPIC No.', 'लिंग', 'बूथ कोड', 'Enroller', 'दिनांक', 'Mode', 'Serial'])).toEqual([
      'membership_id', 'name', 'phone', 'epic', 'gender', 'booth_code', 'enroller', 'enrolled_at', 'mode', null,
    ]);
    expect(mapMemberColumns(['Mobile', 'Phone'])).toEqual(['phone', null]);
  });

  it('a remembered mapping for the source wins over the aliases', () => {
    expect(mapMemberColumns(['Col A', 'Mobile'], { cola: 'phone', mobile: null })).toEqual(['phone', null]);
  });

  it('gender and mode in Hindi and English', () => {
    expect(normaliseGender('महिला')).toBe('F');
    expect(normaliseGender('Male')).toBe('M');
    expect(normaliseGender('x')).toBeNull();
    expect(normaliseMode('App')).toBe('digital');
    expect(normaliseMode('ऑफलाइन')).toBe('offline');
  });
});

describe('Excel-shortened phones', () => {
  it('a mantissa with fewer than ten significant digits lost digits', async () => {
    const { phoneLostDigits } = await import('../../../shared/domain/personalData');
    expect(phoneLostDigits('9.87654E+09')).toBe(true);
    expect(phoneLostDigits('9.87654321E+09')).toBe(true);
    expect(phoneLostDigits('9.876543219E+09')).toBe(false);
    expect(phoneLostDigits('9876543210')).toBe(false);
  });
});
