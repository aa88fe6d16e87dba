import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEAKER_LEVELS, type SpeakerLevel } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatNumber } from '../../app/format';
import { Loading } from '../../app/Loading';
import { RosterImport } from '../rosters/RosterImport';
import { RosterTools } from '../rosters/RosterTools';
import { useSaveSpeaker, useSpeakers } from './queries';

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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddSpeaker languages={languages} />
      <RosterImport roster="speakers" testId="speakers" />
    </div>
  );
}

function AddSpeaker({ languages }: { languages: string[] }) {
  const { t } = useTranslation();
  const save = useSaveSpeaker();
  const [nameEn, setNameEn] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [phone, setPhone] = useState('');
  const [langs, setLangs] = useState('Hindi');
  const [topics, setTopics] = useState('');
  const [level, setLevel] = useState<SpeakerLevel>('pc');
  const split = (s: string) =>
    s
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
  return (
    <section className="panel no-print">
      <h2>{t('speakers.add')}</h2>
      <div className="form-grid">
        <label>
          {t('speakers.nameEn')} <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        </label>
        <label>
          {t('speakers.nameHi')} <input value={nameHi} onChange={(e) => setNameHi(e.target.value)} />
        </label>
        <label>
          {t('speakers.phone')} <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" />
        </label>
        <label>
          {t('speakers.languages')} <input value={langs} onChange={(e) => setLangs(e.target.value)} list="speaker-languages" />
        </label>
        <datalist id="speaker-languages">
          {languages.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <label>
          {t('speakers.topics')} <input value={topics} onChange={(e) => setTopics(e.target.value)} />
        </label>
        <label>
          {t('speakers.level')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as SpeakerLevel)}>
            {SPEAKER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`speakers.levels.${l}`)}
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
              { nameEn: nameEn || undefined, nameHi: nameHi || undefined, phone: phone || undefined, languages: split(langs), topics: split(topics), level },
              {
                onSuccess: () => {
                  setNameEn('');
                  setNameHi('');
                  setPhone('');
                  setTopics('');
                },
              },
            )
          }
        >
          {t('common.save')}
        </button>
      </div>
      <ErrorText error={save.error} />
    </section>
  );
}
