import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/Loading';
import { useAppInfo } from '../meta/queries';

export function AboutPage() {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  if (info.isPending) return <Loading />;
  if (info.error) return <ErrorText error={info.error} />;
  const a = info.data;
  return (
    <div className="panel about">
      <h1>{t('about.title')}</h1>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{a.version}</dd>
        <dt>{t('about.schema')}</dt>
        <dd>{a.schemaVersion}</dd>
        <dt>{t('about.mode')}</dt>
        <dd>{t(`about.modes.${a.mode}`)}</dd>
        <dt>{t('about.database')}</dt>
        <dd className="mono">{a.databasePath}</dd>
        <dt>{t('about.data')}</dt>
        <dd>{a.demo ? t('about.demoData', { seed: a.demo.seed, when: formatDateTime(a.demo.generatedAt, i18n.language) }) : t('about.realData')}</dd>
      </dl>
      {a.demo && <p className="demo-note">{t('demo.note')}</p>}
      <h2>{t('about.sources')}</h2>
      <p data-testid="attribution">{a.attribution}</p>
      <ul>
        {a.dataSources.map((s) => (
          <li key={s.name}>
            {s.name} — <span className="muted">{t('about.licence', { licence: s.licence })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
