import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../../shared/sync/protocol';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDateTime, formatNumber } from '../../app/format';
import { Loading } from '../../app/Loading';
import { useMetaLists, useSession } from '../meta/queries';
import { conflictReasonLabel, tableLabel } from './labels';
import { useRegisterDevice, useRevokeDevice, useSyncAdmin, useSyncStatus } from './queries';

/** The state office's view of the state server: control rooms, their freshness, and conflicts. */
export function SyncAdminPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const status = useSyncStatus();
  const allowed = session.data?.user?.role === 'state_admin' && status.data?.device?.scope === 'state';
  const overview = useSyncAdmin(Boolean(allowed));
  const revoke = useRevokeDevice();
  const [revoking, setRevoking] = useState<DeviceInfo | null>(null);
  const lang = i18n.language;

  if (session.isPending || status.isPending) return <Loading />;
  if (!allowed) {
    return (
      <div className="panel">
        <h1>{t('syncAdmin.title')}</h1>
        <p data-testid="sync-admin-denied">{session.data?.user?.role === 'state_admin' ? t('syncAdmin.needStateDevice') : t('syncAdmin.needStateAdmin')}</p>
        <a href="#/sync">{t('sync.title')}</a>
      </div>
    );
  }
  const scopeOf = (d: DeviceInfo) => (d.scope === 'state' ? t('sync.scopeState') : t('sync.scopePc', { pc: d.pcNo }));
  return (
    <div className="panel">
      <h1>{t('syncAdmin.title')}</h1>
      <RegisterForm />

      <h2>{t('syncAdmin.devices')}</h2>
      {overview.isPending ? (
        <Loading />
      ) : overview.error ? (
        <ErrorText error={overview.error} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="devices-table">
              <thead>
                <tr>
                  <th>{t('sync.deviceName')}</th>
                  <th>{t('sync.scope')}</th>
                  <th>{t('syncAdmin.enrolled')}</th>
                  <th>{t('sync.lastSyncLabel')}</th>
                  <th>{t('syncAdmin.state')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.data.devices.map((d) => (
                  <tr key={d.id} data-testid="device-row">
                    <td>{d.name}</td>
                    <td>{scopeOf(d)}</td>
                    <td>{d.enrolledAt ? formatDateTime(d.enrolledAt, lang) : t('syncAdmin.waitingForCode')}</td>
                    <td>{d.lastSyncAt ? formatDateTime(d.lastSyncAt, lang) : t('sync.neverSynced')}</td>
                    <td>{d.revokedAt ? t('syncAdmin.revokedOn', { when: formatDateTime(d.revokedAt, lang) }) : t('syncAdmin.active')}</td>
                    <td>
                      {!d.revokedAt && d.id !== status.data?.device?.id && (
                        <button type="button" onClick={() => setRevoking(d)} data-testid="device-revoke">
                          {t('syncAdmin.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ErrorText error={revoke.error} />

          <h2>{t('syncAdmin.freshness')}</h2>
          <p className="muted">{t('syncAdmin.freshnessHelp')}</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="freshness-table">
              <thead>
                <tr>
                  <th>{t('syncAdmin.pc')}</th>
                  <th>{t('syncAdmin.lastChange')}</th>
                  <th>{t('sync.lastSyncLabel')}</th>
                  <th className="num">{t('syncAdmin.rows')}</th>
                  <th className="num">{t('syncAdmin.devices')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.data.freshness.map((f) => (
                  <tr key={f.pcNo} data-testid={`freshness-${f.pcNo}`}>
                    <td>
                      {f.pcNo}. {displayName(f.nameEn, f.nameHi, lang)}
                    </td>
                    <td>{f.lastChangeAt ? formatDateTime(f.lastChangeAt, lang) : '—'}</td>
                    <td>{f.lastSyncAt ? formatDateTime(f.lastSyncAt, lang) : t('sync.neverSynced')}</td>
                    <td className="num">{formatNumber(f.rows, lang)}</td>
                    <td className="num">{formatNumber(f.devices, lang)}</td>
                    <td>{f.stale ? <span className="badge closed">{t('syncAdmin.stale')}</span> : <span className="badge status-verified">{t('syncAdmin.fresh')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2>{t('syncAdmin.conflicts')}</h2>
          {overview.data.conflicts.length === 0 ? (
            <p className="muted">{t('conflicts.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="admin-conflicts">
                <thead>
                  <tr>
                    <th>{t('sync.when')}</th>
                    <th>{t('sync.table')}</th>
                    <th>{t('sync.record')}</th>
                    <th>{t('conflicts.field')}</th>
                    <th>{t('syncAdmin.losing')}</th>
                    <th>{t('syncAdmin.winning')}</th>
                    <th>{t('syncAdmin.losingDevice')}</th>
                    <th>{t('sync.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.data.conflicts.map((c) => (
                    <tr key={c.id}>
                      <td>{formatDateTime(c.at, lang)}</td>
                      <td>{tableLabel(t, c.table)}</td>
                      <td className="mono">{c.rowId}</td>
                      <td className="mono">{c.field}</td>
                      <td>{c.losingValue}</td>
                      <td>{c.winningValue}</td>
                      <td>{c.losingDevice}</td>
                      <td className="small">{conflictReasonLabel(t, c.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('syncAdmin.revokeTitle', { name: revoking.name })}
          confirmLabel={t('syncAdmin.revoke')}
          busy={revoke.isPending}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
        >
          <p>{t('syncAdmin.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function RegisterForm() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lists = useMetaLists();
  const register = useRegisterDevice();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'pc' | 'state'>('pc');
  const [pcNo, setPcNo] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({ name, scope, pcNo: scope === 'pc' && pcNo ? Number(pcNo) : null });
  };
  return (
    <>
      <h2>{t('syncAdmin.registerTitle')}</h2>
      <form className="form" onSubmit={submit} data-testid="register-form">
        <label htmlFor={`${id}-name`}>{t('sync.deviceName')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        <label htmlFor={`${id}-scope`}>{t('sync.scope')}</label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as 'pc' | 'state')}>
          <option value="pc">{t('syncAdmin.onePc')}</option>
          <option value="state">{t('sync.scopeState')}</option>
        </select>
        {scope === 'pc' && (
          <>
            <label htmlFor={`${id}-pc`}>{t('syncAdmin.pc')}</label>
            <select id={`${id}-pc`} value={pcNo} onChange={(e) => setPcNo(e.target.value)} required>
              <option value="">{t('syncAdmin.choosePc')}</option>
              {lists.data?.pcs.map((p) => (
                <option key={p.no} value={p.no}>
                  {p.no}. {displayName(p.nameEn, p.nameHi, i18n.language)}
                </option>
              ))}
            </select>
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={register.isPending}>
            {t('syncAdmin.register')}
          </button>
        </div>
        <ErrorText error={register.error} />
      </form>
      {register.data && (
        <div className="card" data-testid="register-result">
          <p>{t('syncAdmin.codeFor', { name: register.data.device.name })}</p>
          <p className="enrol-code mono" data-testid="enrol-code">
            {register.data.code}
          </p>
          <p className="muted">{t('syncAdmin.codeHelp')}</p>
        </div>
      )}
    </>
  );
}
