import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber } from '../../app/format';
import { useAddWorkshop, useSchedule, useSetAttendance, useWorkshop, useWorkshops } from './queries';

function Attendance({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useWorkshop(id);
  const set = useSetAttendance();
  // Shown at once while the change is saved (the list then reloads with the stored value).
  const [pending, setPending] = useState<Record<string, boolean>>({});
  if (!q.data) return null;
  return (
    <div data-testid="attendance">
      <h3>{t('membership.workshops.attendance')}</h3>
      <ErrorText error={set.error} />
      <ul className="plain">
        {q.data.enrollers.map((e) => (
          <li key={e.enrollerId}>
            <label>
              <input
                type="checkbox"
                checked={pending[e.enrollerId] ?? e.attended}
                data-testid={`attend-${e.loginId ?? e.enrollerId}`}
                onChange={(ev) => {
                  const attended = ev.target.checked;
                  setPending({ ...pending, [e.enrollerId]: attended });
                  set.mutate(
                    { workshopId: id, enrollerId: e.enrollerId, attended },
                    { onSettled: () => setPending(({ [e.enrollerId]: _done, ...rest }) => rest) },
                  );
                }}
              />{' '}
              {e.name} {e.loginId ? `(${e.loginId})` : ''} {!e.trained && <span className="badge untrained">{t('membership.enrollers.untrained')}</span>}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Training workshops: the list, a schedule per district with its coverage of enrollers, attendance marking. */
export function Workshops() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useWorkshops();
  const schedule = useSchedule();
  const add = useAddWorkshop();
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState({ level: 'booth' as 'district' | 'block' | 'booth', unitCode: '', heldOn: '', venue: '', trainer: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const w = await add.mutateAsync({ ...form, venue: form.venue || undefined, trainer: form.trainer || undefined });
    setSelected(w.id);
  };
  return (
    <section className="panel" data-testid="workshops">
      <h2>{t('membership.workshops.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="field-row no-print" data-testid="add-workshop">
        <select aria-label={t('membership.workshops.level')} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as typeof form.level })}>
          <option value="district">{t('levels.district')}</option>
          <option value="block">{t('levels.block')}</option>
          <option value="booth">{t('levels.booth')}</option>
        </select>
        <input required aria-label={t('membership.enrollers.unitCode')} placeholder={t('membership.enrollers.unitCode')} value={form.unitCode} onChange={(e) => setForm({ ...form, unitCode: e.target.value })} />
        <input required aria-label={t('membership.workshops.date')} placeholder={t('membership.workshops.datePlaceholder')} value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.target.value })} />
        <input aria-label={t('membership.workshops.venue')} placeholder={t('membership.workshops.venue')} value={form.venue} onChange={(e) => setForm({ ...form, venue: e.target.value })} />
        <input aria-label={t('membership.workshops.trainer')} placeholder={t('membership.workshops.trainer')} value={form.trainer} onChange={(e) => setForm({ ...form, trainer: e.target.value })} />
        <button type="submit" className="primary">{t('membership.workshops.add')}</button>
        <ErrorText error={add.error} />
      </form>
      <table className="table small" data-testid="workshop-list">
        <thead>
          <tr>
            <th>{t('membership.workshops.date')}</th>
            <th>{t('membership.workshops.level')}</th>
            <th>{t('membership.enrollers.unit')}</th>
            <th>{t('membership.workshops.venue')}</th>
            <th>{t('membership.workshops.trainer')}</th>
            <th>{t('membership.workshops.attendedOfInvited')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.map((w) => (
            <tr key={w.id} data-testid="workshop-row">
              <td>{formatDate(w.heldOn, lang)}</td>
              <td>{t(`levels.${w.level}`)}</td>
              <td>{displayName(w.unitNameEn, w.unitNameHi, lang)}</td>
              <td>{w.venue}</td>
              <td>{w.trainer}</td>
              <td>{formatNumber(w.attended, lang)} / {formatNumber(w.invited, lang)}</td>
              <td>
                <button type="button" onClick={() => setSelected(w.id)} data-testid="workshop-open">
                  {t('membership.workshops.markAttendance')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && <Attendance id={selected} />}
      <h3>{t('membership.workshops.schedule')}</h3>
      <table className="table small" data-testid="workshop-schedule">
        <thead>
          <tr>
            <th>{t('levels.district')}</th>
            <th>{t('membership.workshops.held')}</th>
            <th>{t('membership.workshops.planned')}</th>
            <th>{t('membership.workshops.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.data?.map((s) => (
            <tr key={s.districtCode}>
              <td>{displayName(s.nameEn, s.nameHi, lang)}</td>
              <td>{formatNumber(s.held, lang)}</td>
              <td>{formatNumber(s.planned, lang)}</td>
              <td>{t('membership.workshops.trainedOf', { trained: formatNumber(s.trained, lang), total: formatNumber(s.enrollers, lang) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
