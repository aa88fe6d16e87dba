import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { formatNumber } from '../../app/format';
import { useAddMember } from './queries';

const BOOTH_KEY = 'membership.paperEntry.booth';

/**
 * Paper forms, keyboard only: Enter saves and puts the cursor back on the phone field; the booth and
 * the enroller stay for the next form (the booth is remembered across sessions too).
 */
export function PaperEntry() {
  const { t, i18n } = useTranslation();
  const [booth, setBooth] = useState(() => localStorage.getItem(BOOTH_KEY) ?? '');
  const [enroller, setEnroller] = useState('');
  const [form, setForm] = useState({ phone: '', name: '', epic: '', gender: '' });
  const [saved, setSaved] = useState(0);
  const [last, setLast] = useState<'saved' | 'duplicate' | 'flagged' | null>(null);
  const add = useAddMember();
  const phoneRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    localStorage.setItem(BOOTH_KEY, booth);
    const r = await add.mutateAsync({
      booth_code: booth,
      phone: form.phone,
      name: form.name || undefined,
      epic: form.epic || undefined,
      gender: form.gender || undefined,
      enroller: enroller || undefined,
    });
    setLast(r.duplicate ? 'duplicate' : r.verified ? 'saved' : 'flagged');
    if (!r.duplicate) setSaved((n) => n + 1);
    setForm({ phone: '', name: '', epic: '', gender: '' });
    phoneRef.current?.focus();
  };
  return (
    <section className="panel" data-testid="paper-entry">
      <h2>{t('membership.entry.title')}</h2>
      <p className="muted small">{t('membership.entry.help')}</p>
      <form onSubmit={(e) => void submit(e).catch(() => undefined)} className="paper-form">
        <label>
          {t('membership.fields.booth_code')} <input required value={booth} onChange={(e) => setBooth(e.target.value)} data-testid="entry-booth" />
        </label>
        <label>
          {t('membership.fields.enroller')} <input value={enroller} onChange={(e) => setEnroller(e.target.value)} data-testid="entry-enroller" />
        </label>
        <label>
          {t('membership.fields.phone')} <input required ref={phoneRef} inputMode="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} data-testid="entry-phone" />
        </label>
        <label>
          {t('membership.fields.name')} <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="entry-name" />
        </label>
        <label>
          {t('membership.fields.epic')} <input value={form.epic} onChange={(e) => setForm({ ...form, epic: e.target.value })} data-testid="entry-epic" />
        </label>
        <label>
          {t('membership.fields.gender')}{' '}
          <select value={form.gender} onChange={(e) => setForm({ ...form, gender: e.target.value })} data-testid="entry-gender">
            <option value="">—</option>
            <option value="F">{t('membership.gender.F')}</option>
            <option value="M">{t('membership.gender.M')}</option>
            <option value="O">{t('membership.gender.O')}</option>
          </select>
        </label>
        <button type="submit" className="primary" data-testid="entry-save">
          {t('common.save')}
        </button>
      </form>
      <ErrorText error={add.error} testId="entry-error" />
      <p data-testid="entry-status" aria-live="polite">
        {last && t(`membership.entry.${last}`)} {t('membership.entry.count', { n: formatNumber(saved, i18n.language) })}
      </p>
    </section>
  );
}
