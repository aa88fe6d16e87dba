import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEAKER_LEVELS, type SpeakerLevel, type SpeakerView } from '../../../../shared/ipc/views';
import { useNotifyChange } from '../../app/ChangeBanner';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatNumber } from '../../app/format';
import { Loading } from '../../app/Loading';
import { RosterImport } from '../rosters/RosterImport';
import { RosterTools } from '../rosters/RosterTools';
import { useRemoveSpeaker, useSaveSpeaker, useSpeakers } from './queries';

/** The languages; any other a speaker carries joins the filter (the list is extendable by data). */
const BASE_LANGUAGES = ['Hindi', 'English', 'Santali', 'Nagpuri', 'Khortha', 'Ho', 'Mundari', 'Kurukh', 'Bengali', 'Urdu', 'Odia'];

export function SpeakersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const [language, setLanguage] = useState('');
  const [level, setLevel] = useState<SpeakerLevel | ''>('');
  const speakers = useSpeakers({ q, ...(language ? { language } : {}), ...(level ? { level } : {}) });
  const all = useSpeakers({ q: '' });
  const [editing, setEditing] = useState<SpeakerView | null>(null);
  const [removing, setRemoving] = useState<SpeakerView | null>(null);
  const remove = useRemoveSpeaker();
  const notify = useNotifyChange();
  const languages = useMemo(() => {
    const extra = new Set<string>();
    for (const s of all.data ?? []) for (const l of s.languages) if (!BASE_LANGUAGES.includes(l)) extra.add(l);
    return [...BASE_LANGUAGES, ...[...extra].sort()];
  }, [all.data]);

  return (
    <div className="roster-page">
      <section className="panel">
        <div className="toolbar no-print">
          <h1>{t('speakers.title')}</h1>
          <input type="search" placeholder={t('rosters.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="speakers-search" />
          <select value={language} onChange={(e) => setLanguage(e.target.value)} data-testid="speakers-language" aria-label={t('speakers.language')}>
            <option value="">{t('speakers.anyLanguage')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          <select value={level} onChange={(e) => setLevel(e.target.value as SpeakerLevel | '')} data-testid="speakers-level" aria-label={t('speakers.level')}>
            <option value="">{t('speakers.anyLevel')}</option>
            {SPEAKER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`speakers.levels.${l}`)}
              </option>
            ))}
          </select>
          <RosterTools roster="speakers" testId="speakers" />
        </div>
        <h1 className="print-only">{t('speakers.title')}</h1>
        {speakers.isPending ? (
          <Loading />
        ) : speakers.error ? (
          <ErrorText error={speakers.error} />
        ) : (
          <div className="table-scroll">
            <table className="data-table compact" data-testid="speakers-table">
              <thead>
                <tr>
                  <th>{t('speakers.name')}</th>
                  <th>{t('speakers.phone')}</th>
                  <th>{t('speakers.languages')}</th>
                  <th>{t('speakers.topics')}</th>
                  <th>{t('speakers.level')}</th>
                  <th>{t('speakers.availability')}</th>
                  <th>{t('speakers.rating')}</th>
                  <th className="no-print" />
                </tr>
              </thead>
              <tbody>
                {speakers.data.map((s) => (
                  <tr key={s.id} data-testid="speaker-row">
                    <td>{displayName(s.nameEn, s.nameHi, lang)}</td>
                    <td className="mono">{s.phoneMasked ?? ''}</td>
                    <td>{s.languages.join(', ')}</td>
                    <td>{s.topics.join(', ')}</td>
                    <td>{t(`speakers.levels.${s.level}`)}</td>
                    <td>{s.availability ?? ''}</td>
                    <td className="num">{s.rating != null ? formatNumber(s.rating, lang) : ''}</td>
                    <td className="no-print">
                      <button type="button" onClick={() => setEditing(s)} data-testid="speaker-edit">
                        {t('common.edit')}
                      </button>{' '}
                      <button type="button" className="link danger" onClick={() => setRemoving(s)} data-testid="speaker-remove">
                        {t('speakers.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ErrorText error={remove.error} />
      </section>
      {removing && (
        <ConfirmDialog
          title={t('speakers.confirmRemoveTitle')}
          confirmLabel={t('speakers.remove')}
          busy={remove.isPending}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const name = displayName(removing.nameEn, removing.nameHi, lang);
            remove.mutate(
              { id: removing.id },
              {
                onSuccess: () => {
                  if (editing?.id === removing.id) setEditing(null);
                  setRemoving(null);
                  notify(t('change.speakerRemoved', { name }));
                },
              },
            );
          }}
        >
          <p>{t('speakers.confirmRemoveBody', { name: displayName(removing.nameEn, removing.nameHi, lang) })}</p>
        </ConfirmDialog>
      )}
      {/* Keyed by the speaker so the form starts again from the chosen speaker's stored values. */}
      <SpeakerForm key={editing?.id ?? 'new'} languages={languages} editing={editing} onDone={() => setEditing(null)} />
      <RosterImport roster="speakers" testId="speakers" />
    </div>
  );
}

/** Add a speaker, or edit one (the same form, filled from the stored values; the phone is only known masked). */
function SpeakerForm({ languages, editing, onDone }: { languages: string[]; editing: SpeakerView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSpeaker();
  const [nameEn, setNameEn] = useState(editing?.nameEn ?? '');
  const [nameHi, setNameHi] = useState(editing?.nameHi ?? '');
  const [phone, setPhone] = useState('');
  const [langs, setLangs] = useState(editing ? editing.languages.join(', ') : 'Hindi');
  const [topics, setTopics] = useState(editing ? editing.topics.join(', ') : '');
  const [level, setLevel] = useState<SpeakerLevel>(editing?.level ?? 'pc');
  const [availability, setAvailability] = useState(editing?.availability ?? '');
  const [rating, setRating] = useState(editing?.rating != null ? String(editing.rating) : '');
  const split = (s: string) =>
    s
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    // The form sits below a long table: bring it into view when a speaker is picked for editing.
    if (editing) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [editing]);
  const clear = () => {
    setNameEn('');
    setNameHi('');
    setPhone('');
    setTopics('');
    setAvailability('');
    setRating('');
  };
  return (
    <section className="panel no-print" data-testid="speaker-form" ref={panel}>
      <h2>{editing ? t('speakers.editTitle') : t('speakers.add')}</h2>
      <div className="form-grid">
        <label>
          {t('speakers.nameEn')} <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} data-testid="speaker-name-en" />
        </label>
        <label>
          {t('speakers.nameHi')} <input value={nameHi} onChange={(e) => setNameHi(e.target.value)} data-testid="speaker-name-hi" />
        </label>
        <label>
          {t('speakers.phone')}{' '}
          <input
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            inputMode="tel"
            placeholder={editing?.phoneMasked ? t('speakers.phoneKeep', { masked: editing.phoneMasked }) : undefined}
            data-testid="speaker-phone"
          />
        </label>
        <label>
          {t('speakers.languages')} <input value={langs} onChange={(e) => setLangs(e.target.value)} list="speaker-languages" data-testid="speaker-languages" />
        </label>
        <datalist id="speaker-languages">
          {languages.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <label>
          {t('speakers.topics')} <input value={topics} onChange={(e) => setTopics(e.target.value)} data-testid="speaker-topics" />
        </label>
        <label>
          {t('speakers.level')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as SpeakerLevel)} data-testid="speaker-level">
            {SPEAKER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`speakers.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('speakers.availability')}{' '}
          <input value={availability} onChange={(e) => setAvailability(e.target.value)} placeholder={t('speakers.availabilityHelp')} data-testid="speaker-availability" />
        </label>
        <label>
          {t('speakers.rating')}{' '}
          <select value={rating} onChange={(e) => setRating(e.target.value)} data-testid="speaker-rating">
            <option value="">{t('speakers.noRating')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              {
                ...(editing ? { id: editing.id } : {}),
                nameEn: nameEn || undefined,
                nameHi: nameHi || undefined,
                // Left blank on an edit: the service keeps the stored number.
                phone: phone || undefined,
                languages: split(langs),
                topics: split(topics),
                level,
                availability: availability.trim() || undefined,
                rating: rating ? Number(rating) : undefined,
              },
              {
                onSuccess: () => {
                  clear();
                  onDone();
                },
              },
            )
          }
          data-testid="speaker-save"
        >
          {t('common.save')}
        </button>
        {editing && (
          <button type="button" onClick={onDone} data-testid="speaker-cancel">
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ErrorText error={save.error} />
    </section>
  );
}
