import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { displayName } from '../../app/format';
import { useAddEnroller, useEnrollers, useExportChiefs } from './queries';

function downloadBase64(fileName: string, base64: string, mime: string) {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The enroller roster: chief and booth-level enrollers, untrained ones marked; add one; export chiefs. */
export function Enrollers() {
  const { t, i18n } = useTranslation();
  const [untrainedOnly, setUntrainedOnly] = useState(false);
  const q = useEnrollers({ untrainedOnly });
  const add = useAddEnroller();
  const exportChiefs = useExportChiefs();
  const [form, setForm] = useState({ name: '', phone: '', level: 'booth' as 'booth' | 'chief', unitCode: '', loginId: '', appointedBy: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await add.mutateAsync({ ...form, phone: form.phone || undefined, loginId: form.loginId || undefined, appointedBy: form.appointedBy || undefined });
    setForm({ ...form, name: '', phone: '', loginId: '' });
  };
  const doExport = async (format: 'csv' | 'xlsx') => {
    const r = await exportChiefs.mutateAsync({ format });
    if (r.text) downloadText(r.fileName, r.text);
    else if (r.base64) downloadBase64(r.fileName, r.base64, r.mime);
  };
  return (
    <section className="panel" data-testid="enrollers">
      <h2>{t('membership.enrollers.title')}</h2>
      <div className="field-row no-print">
        <label>
          <input type="checkbox" checked={untrainedOnly} onChange={(e) => setUntrainedOnly(e.target.checked)} data-testid="untrained-only" /> {t('membership.enrollers.untrainedOnly')}
        </label>{' '}
        <button type="button" onClick={() => void doExport('csv')} data-testid="export-chiefs-csv">
          {t('membership.enrollers.exportCsv')}
        </button>{' '}
        <button type="button" onClick={() => void doExport('xlsx')} data-testid="export-chiefs-xlsx">
          {t('membership.enrollers.exportXlsx')}
        </button>
        <span className="muted small"> {t('membership.enrollers.exportNote')}</span>
      </div>
      <ErrorText error={q.error ?? exportChiefs.error} />
      <table className="table small" data-testid="enroller-list">
        <thead>
          <tr>
            <th>{t('membership.enrollers.name')}</th>
            <th>{t('membership.enrollers.level')}</th>
            <th>{t('membership.enrollers.unit')}</th>
            <th>{t('membership.enrollers.login')}</th>
            <th>{t('membership.enrollers.phone')}</th>
            <th>{t('membership.enrollers.appointedBy')}</th>
            <th>{t('membership.enrollers.training')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.map((e) => (
            <tr key={e.id} data-testid="enroller-row" data-login={e.loginId ?? ''}>
              <td>{e.name}</td>
              <td>{t(`membership.enrollers.levels.${e.level}`)}</td>
              <td>{displayName(e.unitNameEn, e.unitNameHi, i18n.language)}</td>
              <td>{e.loginId}</td>
              <td>{e.phone ?? e.phoneMasked}</td>
              <td>{e.appointedBy}</td>
              <td>{e.trained ? t('membership.enrollers.trained') : <span className="badge untrained" data-testid="untrained-badge">{t('membership.enrollers.untrained')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void submit(e)} className="field-row no-print" data-testid="add-enroller">
        <h3>{t('membership.enrollers.add')}</h3>
        <input required placeholder={t('membership.enrollers.name')} aria-label={t('membership.enrollers.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <select aria-label={t('membership.enrollers.level')} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as 'booth' | 'chief' })}>
          <option value="booth">{t('membership.enrollers.levels.booth')}</option>
          <option value="chief">{t('membership.enrollers.levels.chief')}</option>
        </select>
        <input required placeholder={t('membership.enrollers.unitCode')} aria-label={t('membership.enrollers.unitCode')} value={form.unitCode} onChange={(e) => setForm({ ...form, unitCode: e.target.value })} />
        <input placeholder={t('membership.enrollers.phone')} aria-label={t('membership.enrollers.phone')} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
        <input placeholder={t('membership.enrollers.login')} aria-label={t('membership.enrollers.login')} value={form.loginId} onChange={(e) => setForm({ ...form, loginId: e.target.value })} />
        <input placeholder={t('membership.enrollers.appointedBy')} aria-label={t('membership.enrollers.appointedBy')} value={form.appointedBy} onChange={(e) => setForm({ ...form, appointedBy: e.target.value })} />
        <button type="submit" className="primary">{t('common.save')}</button>
        <ErrorText error={add.error} />
      </form>
    </section>
  );
}
