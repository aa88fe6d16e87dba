import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyOfficeRow } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { OfficeMap, type OfficePoint } from '../../components/map/OfficeMap';
import { useGeoLayers, useMetaLists } from '../meta/queries';
import { RosterImport } from '../rosters/RosterImport';
import { RosterTools } from '../rosters/RosterTools';
import { useOffices, useSetOffice } from './queries';

export function OfficesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meta = useMetaLists();
  const geo = useGeoLayers();
  const [pcNo, setPcNo] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [only, setOnly] = useState<'all' | 'with' | 'without'>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const offices = useOffices(pcNo ? { pcNo } : {});

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (offices.data?.rows ?? []).filter(
      (r) =>
        (only === 'all' || (only === 'with') === Boolean(r.office?.exists)) &&
        (needle === '' || r.nameEn.toLowerCase().includes(needle) || (r.nameHi ?? '').includes(needle) || r.code.toLowerCase().includes(needle)),
    );
  }, [offices.data, q, only]);
  const selectedRow = offices.data?.rows.find((r) => r.blockId === selected) ?? null;

  if (offices.isPending || meta.isPending || geo.isPending) return <Loading />;
  if (offices.error || meta.error || geo.error) return <ErrorText error={offices.error ?? meta.error ?? geo.error} />;
  const data = offices.data;

  return (
    <div className="roster-page">
      <section className="panel">
        <div className="no-print toolbar">
          <h1>{t('offices.title')}</h1>
          <label>
            {t('offices.scope')}{' '}
            <select data-testid="offices-scope" value={pcNo ?? ''} onChange={(e) => setPcNo(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('offices.allState')}</option>
              {meta.data.pcs.map((p) => (
                <option key={p.no} value={p.no}>
                  {displayName(p.nameEn, p.nameHi, lang)}
                </option>
              ))}
            </select>
          </label>
          <RosterTools roster="offices" testId="offices" />
        </div>
        <p className="headline" data-testid="offices-completeness">
          {t('offices.completeness', { n: formatNumber(data.withOffice, lang), total: formatNumber(data.total, lang), pct: formatPct(data.pct, lang) ?? t('common.noData') })}
        </p>
      </section>
      <div className="roster-grid">
        <section className="panel map-panel no-print" style={{ height: 520 }}>
          <OfficeMap
            geo={geo.data}
            points={data.rows.map(
              (r): OfficePoint => ({
                blockId: r.blockId,
                name: displayName(r.nameEn, r.nameHi, lang),
                hq: r.hqLat != null && r.hqLon != null ? [r.hqLat, r.hqLon] : null,
                office: r.office?.exists && r.office.lat != null && r.office.lon != null ? [r.office.lat, r.office.lon] : null,
                hasOffice: Boolean(r.office?.exists),
                selected: r.blockId === selected,
              }),
            )}
            picked={null}
            labels={{ hq: t('offices.blockHq'), office: t('offices.office'), picked: t('offices.picked') }}
            onPick={null}
            onSelect={setSelected}
          />
        </section>
        {selectedRow && <OfficeForm key={selectedRow.blockId} row={selectedRow} onClose={() => setSelected(null)} />}
      </div>
      <section className="panel">
        <div className="toolbar no-print">
          <input type="search" placeholder={t('rosters.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="offices-search" />
          <select value={only} onChange={(e) => setOnly(e.target.value as typeof only)} data-testid="offices-filter">
            <option value="all">{t('offices.filter.all')}</option>
            <option value="with">{t('offices.filter.with')}</option>
            <option value="without">{t('offices.filter.without')}</option>
          </select>
        </div>
        <div className="table-scroll">
          <table className="data-table compact" data-testid="offices-table">
            <thead>
              <tr>
                <th>{t('offices.block')}</th>
                <th>{t('offices.hasOffice')}</th>
                <th>{t('offices.address')}</th>
                <th>{t('offices.tenure')}</th>
                <th>{t('offices.openedOn')}</th>
                <th className="no-print" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.blockId} data-block-id={r.blockId} data-testid="office-row">
                  <td>{displayName(r.nameEn, r.nameHi, lang)}</td>
                  <td data-testid="office-status">{r.office?.exists ? t('common.yes') : t('common.no')}</td>
                  <td>{r.office?.address ?? ''}</td>
                  <td>{r.office?.tenure ? t(`offices.tenures.${r.office.tenure}`) : ''}</td>
                  <td>{formatDate(r.office?.openedOn, lang)}</td>
                  <td className="no-print">
                    <button type="button" data-testid="office-edit" onClick={() => setSelected(r.blockId)}>
                      {t('offices.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <RosterImport roster="offices" testId="offices" />
    </div>
  );
}

function OfficeForm({ row, onClose }: { row: PartyOfficeRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const geo = useGeoLayers();
  const save = useSetOffice();
  const [exists, setExists] = useState(row.office?.exists ?? true);
  const [address, setAddress] = useState(row.office?.address ?? '');
  const [tenure, setTenure] = useState<'' | 'owned' | 'rented'>(row.office?.tenure ?? '');
  const [openedOn, setOpenedOn] = useState(row.office?.openedOn ?? '');
  const [loc, setLoc] = useState<[number, number] | null>(row.office?.lat != null && row.office.lon != null ? [row.office.lat, row.office.lon] : null);
  const name = displayName(row.nameEn, row.nameHi, i18n.language);
  return (
    <section className="panel office-form no-print" data-testid="office-form">
      <h2>{t('offices.formTitle', { block: name })}</h2>
      <label>
        <input type="checkbox" checked={exists} onChange={(e) => setExists(e.target.checked)} data-testid="office-exists" /> {t('offices.hasOffice')}
      </label>
      {exists && (
        <>
          <div className="field">
            <label>
              {t('offices.address')} <input value={address} onChange={(e) => setAddress(e.target.value)} data-testid="office-address" />
            </label>
          </div>
          <div className="field">
            <label>
              {t('offices.tenure')}{' '}
              <select value={tenure} onChange={(e) => setTenure(e.target.value as typeof tenure)} data-testid="office-tenure">
                <option value="">—</option>
                <option value="owned">{t('offices.tenures.owned')}</option>
                <option value="rented">{t('offices.tenures.rented')}</option>
              </select>
            </label>
          </div>
          <div className="field">
            <label>
              {t('offices.openedOn')} <input type="date" value={openedOn} onChange={(e) => setOpenedOn(e.target.value)} data-testid="office-opened-on" />
            </label>
          </div>
          <p className="muted">{t('offices.pickHelp')}</p>
          {geo.data && (
            <div style={{ height: 300 }} data-testid="office-pick-map">
              <OfficeMap
                geo={geo.data}
                points={[
                  {
                    blockId: row.blockId,
                    name,
                    hq: row.hqLat != null && row.hqLon != null ? [row.hqLat, row.hqLon] : null,
                    office: null,
                    hasOffice: exists,
                    selected: true,
                  },
                ]}
                picked={loc}
                labels={{ hq: t('offices.blockHq'), office: t('offices.office'), picked: t('offices.picked') }}
                onPick={(lat, lon) => setLoc([lat, lon])}
                onSelect={() => undefined}
              />
            </div>
          )}
          <p data-testid="office-location">{loc ? t('offices.location', { lat: loc[0], lon: loc[1] }) : t('offices.noLocation')}</p>
        </>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          data-testid="office-save"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              {
                blockId: row.blockId,
                exists,
                ...(exists
                  ? {
                      address: address || undefined,
                      tenure: tenure || undefined,
                      openedOn: openedOn || undefined,
                      ...(loc ? { lat: loc[0], lon: loc[1] } : {}),
                    }
                  : {}),
              },
              { onSuccess: onClose },
            )
          }
        >
          {t('common.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorText error={save.error} />
    </section>
  );
}
