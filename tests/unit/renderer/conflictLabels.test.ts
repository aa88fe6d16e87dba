import { describe, expect, it } from 'vitest';
import { conflictReasonLabel } from '../../../renderer/src/features/sync/labels';
import { createI18n } from '../../../renderer/src/i18n';

describe('conflict reason labels', () => {
  it('says why a value lost in the operator’s language, not as the server’s code', () => {
    const en = createI18n('en');
    const hi = createI18n('hi');
    expect(conflictReasonLabel(en.t, 'status')).toBe('Not an allowed step from the current status');
    expect(conflictReasonLabel(hi.t, 'deleted')).toBe('यह रिकॉर्ड हटा दिया गया था');
    expect(conflictReasonLabel(hi.t, 'older')).not.toBe('older');
  });

  it('shows a reason this version does not know as it is', () => {
    expect(conflictReasonLabel(createI18n('en').t, 'merged')).toBe('merged');
  });
});
