import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/src/app/route';

describe('membership routes', () => {
  it('opens the targets tab and the report per state, Lok Sabha and district', () => {
    expect(parseRoute('#/membership/targets')).toEqual({ name: 'membership', tab: 'targets' });
    expect(parseRoute('#/membership-report/all')).toEqual({ name: 'membershipReport', pc: 'all' });
    expect(parseRoute('#/membership-report/8')).toEqual({ name: 'membershipReport', pc: 8 });
    expect(parseRoute('#/membership-report/district/355')).toEqual({ name: 'membershipReport', pc: 'all', district: '355' });
    expect(parseRoute('#/membership-report/district/x')).toMatchObject({ name: 'notFound' });
  });
});
