import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes, parseMinutes } from '../../../../shared/domain/visits/dates';
import type { LeaderTier, Terrain } from '../../../../shared/domain/visits/types';
import type { GeoLayers, LeaderView, MetaLists, PlanningData, RequestView, VenueView } from '../../../../shared/ipc/views';
import { useNotifyChange } from '../../app/ChangeBanner';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber } from '../../app/format';
import { DayMap } from './DayMap';
import { useDeleteLeader, useDeleteVenue, useSaveLeader, useSaveRequest, useSaveVenue, useSetPollDate, useSetSettings } from './queries';
import { acAtPoint } from './shaping';

const EMPTY_LEADER = {
  nameEn: '',
  nameHi: '',
  tier: 'national' as LeaderTier,
  baseName: 'Birsa Munda Airport, Ranchi',
  baseLat: 23.3143,
  baseLon: 85.3217,
  heli: false,
  cruiseKmh: 220,
  turnaroundMin: 20,
  daylightOnly: true,
  plainsKmh: 45,
  hillsKmh: 30,
  maxEvents: 4,
  minGap: 20,
};

interface WindowDraft {
  from: string;
  to: string;
  dayStart: string;
  dayEnd: string;
}

/** A new leader, or an existing one edited in place: every field of the issue, several availability windows. */
function LeaderForm({ plan, leader, onDone }: { plan: PlanningData; leader?: LeaderView; onDone?: () => void }) {
  const { t } = useTranslation();
  const save = useSaveLeader();
  const notify = useNotifyChange();
  const [f, setF] = useState(() =>
    leader
      ? {
          nameEn: leader.nameEn,
          nameHi: leader.nameHi ?? '',
          tier: leader.tier,
          baseName: leader.baseName,
          baseLat: leader.baseLat,
          baseLon: leader.baseLon,
          heli: leader.helicopter != null,
          cruiseKmh: leader.helicopter?.cruiseKmh ?? EMPTY_LEADER.cruiseKmh,
          turnaroundMin: leader.helicopter?.turnaroundMin ?? EMPTY_LEADER.turnaroundMin,
          daylightOnly: leader.helicopter?.daylightOnly ?? EMPTY_LEADER.daylightOnly,
          plainsKmh: leader.road.plainsKmh,
          hillsKmh: leader.road.hillsKmh,
          maxEvents: leader.maxEventsPerDay,
          minGap: leader.minGapMin,
        }
      : EMPTY_LEADER,
  );
  const newWindow = (): WindowDraft => ({ from: plan.today, to: plan.today, dayStart: '09:00', dayEnd: '18:00' });
  const [windows, setWindows] = useState<WindowDraft[]>(() =>
    leader ? leader.availability.map((w) => ({ from: w.from, to: w.to, dayStart: formatMinutes(w.dayStartMin), dayEnd: formatMinutes(w.dayEndMin) })) : [newWindow()],
  );
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const setWindow = (i: number, p: Partial<WindowDraft>) => setWindows((ws) => ws.map((w, j) => (j === i ? { ...w, ...p } : w)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: leader?.id,
        nameEn: f.nameEn,
        nameHi: f.nameHi || undefined,
        tier: f.tier,
        baseName: f.baseName,
        baseLat: f.baseLat,
        baseLon: f.baseLon,
        availability: windows.map((w) => ({ from: w.from, to: w.to, dayStartMin: parseMinutes(w.dayStart) ?? 540, dayEndMin: parseMinutes(w.dayEnd) ?? 1080 })),
        helicopter: f.heli ? { cruiseKmh: f.cruiseKmh, turnaroundMin: f.turnaroundMin, daylightOnly: f.daylightOnly } : null,
        road: { plainsKmh: f.plainsKmh, hillsKmh: f.hillsKmh },
        maxEventsPerDay: f.maxEvents,
        minGapMin: f.minGap,
      },
      {
        onSuccess: (saved) => {
          if (leader) {
            notify(t('visits.records.leaderSaved', { name: saved.nameEn }));
            onDone?.();
          } else {
            setF(EMPTY_LEADER);
            setWindows([newWindow()]);
          }
        },
      },
    );
  };
  const num = (v: string) => Number(v);
  return (
    <form className="form" onSubmit={submit} data-testid={leader ? 'leader-edit-form' : 'leader-form'}>
      <h4>{leader ? t('visits.records.editLeader', { name: leader.nameEn }) : t('visits.records.newLeader')}</h4>
      <label className="field">
        {t('visits.fields.nameEn')} <input value={f.nameEn} onChange={(e) => set({ nameEn: e.target.value })} data-testid="leader-name" required />
      </label>
      <label className="field">
        {t('visits.fields.nameHi')} <input value={f.nameHi} onChange={(e) => set({ nameHi: e.target.value })} />
      </label>
      <label className="field">
        {t('visits.fields.tier')}{' '}
        <select value={f.tier} onChange={(e) => set({ tier: e.target.value as LeaderTier })} data-testid="leader-tier">
          <option value="national">{t('visits.tier.national')}</option>
          <option value="state">{t('visits.tier.state')}</option>
        </select>
      </label>
      <fieldset className="field">
        <legend>{t('visits.fields.base')}</legend>
        <label>
          {t('visits.fields.baseName')} <input value={f.baseName} onChange={(e) => set({ baseName: e.target.value })} data-testid="leader-base" required />
        </label>{' '}
        <label>
          {t('visits.fields.lat')} <input type="number" step="0.0001" min={-90} max={90} value={f.baseLat} onChange={(e) => set({ baseLat: num(e.target.value) })} data-testid="leader-base-lat" />
        </label>{' '}
        <label>
          {t('visits.fields.lon')} <input type="number" step="0.0001" min={-180} max={180} value={f.baseLon} onChange={(e) => set({ baseLon: num(e.target.value) })} data-testid="leader-base-lon" />
        </label>
      </fieldset>
      <fieldset className="field">
        <legend>{t('visits.fields.availability')}</legend>
        {windows.map((w, i) => (
          <div key={i} className="inline-form" data-testid="leader-window">
            <label>
              {t('visits.fields.availableFrom')} <input type="date" value={w.from} onChange={(e) => setWindow(i, { from: e.target.value })} data-testid="window-from" required />
            </label>
            <label>
              {t('visits.fields.availableTo')} <input type="date" value={w.to} onChange={(e) => setWindow(i, { to: e.target.value })} data-testid="window-to" required />
            </label>
            <label>
              {t('visits.fields.dayStart')} <input type="time" value={w.dayStart} onChange={(e) => setWindow(i, { dayStart: e.target.value })} data-testid="window-start" required />
            </label>
            <label>
              {t('visits.fields.dayEnd')} <input type="time" value={w.dayEnd} onChange={(e) => setWindow(i, { dayEnd: e.target.value })} data-testid="window-end" required />
            </label>
            <button type="button" onClick={() => setWindows((ws) => ws.filter((_, j) => j !== i))} data-testid="window-remove">
              {t('visits.records.removeWindow')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setWindows((ws) => [...ws, newWindow()])} data-testid="window-add">
          {t('visits.records.addWindow')}
        </button>
      </fieldset>
      <fieldset className="field">
        <legend>{t('visits.fields.travel')}</legend>
        <label>
          {t('visits.fields.roadPlains')} <input type="number" min={5} max={120} value={f.plainsKmh} onChange={(e) => set({ plainsKmh: num(e.target.value) })} data-testid="leader-road-plains" />
        </label>{' '}
        <label>
          {t('visits.fields.roadHills')} <input type="number" min={5} max={120} value={f.hillsKmh} onChange={(e) => set({ hillsKmh: num(e.target.value) })} data-testid="leader-road-hills" />
        </label>
        <div>
          <label>
            <input type="checkbox" checked={f.heli} onChange={(e) => set({ heli: e.target.checked })} data-testid="leader-heli" /> {t('visits.fields.helicopter')}
          </label>{' '}
          {f.heli && (
            <>
              <label>
                {t('visits.fields.cruise')} <input type="number" min={50} max={400} value={f.cruiseKmh} onChange={(e) => set({ cruiseKmh: num(e.target.value) })} data-testid="leader-cruise" />
              </label>{' '}
              <label>
                {t('visits.fields.turnaround')} <input type="number" min={0} max={240} value={f.turnaroundMin} onChange={(e) => set({ turnaroundMin: num(e.target.value) })} data-testid="leader-turnaround" />
              </label>{' '}
              <label>
                <input type="checkbox" checked={f.daylightOnly} onChange={(e) => set({ daylightOnly: e.target.checked })} data-testid="leader-daylight" /> {t('visits.fields.daylightOnly')}
              </label>
            </>
          )}
        </div>
      </fieldset>
      <label className="field">
        {t('visits.fields.maxEvents')} <input type="number" min={1} max={12} value={f.maxEvents} onChange={(e) => set({ maxEvents: num(e.target.value) })} data-testid="leader-max" />
      </label>
      <label className="field">
        {t('visits.fields.minGap')} <input type="number" min={0} max={600} value={f.minGap} onChange={(e) => set({ minGap: num(e.target.value) })} data-testid="leader-gap" />
      </label>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending} data-testid="leader-save">
          {leader ? t('common.save') : t('visits.records.addLeader')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

type PermissionStatus = 'not_applied' | 'applied' | 'granted' | 'refused';

/** A new venue placed on the map, or an existing one edited: place, capacity, helipad, permission status and the authority's lead time. */
function VenueForm({ plan, geo, meta, venue, onDone }: { plan: PlanningData; geo: GeoLayers; meta: MetaLists | undefined; venue?: VenueView; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveVenue();
  const notify = useNotifyChange();
  const empty = { nameEn: '', nameHi: '', lat: null as number | null, lon: null as number | null, acNo: null as number | null, capacity: 10000, helipad: false, terrain: 'plains' as Terrain, permission: 'granted' as PermissionStatus, appliedOn: plan.today, grantedOn: plan.today, leadDays: '' };
  const [f, setF] = useState(() =>
    venue
      ? {
          nameEn: venue.nameEn,
          nameHi: venue.nameHi ?? '',
          lat: venue.lat as number | null,
          lon: venue.lon as number | null,
          acNo: venue.acNo as number | null,
          capacity: venue.capacity,
          helipad: venue.helipad,
          terrain: venue.terrain,
          permission: venue.permission,
          appliedOn: venue.permissionAppliedOn ?? plan.today,
          grantedOn: venue.permissionGrantedOn ?? plan.today,
          leadDays: venue.authorityLeadDays == null ? '' : String(venue.authorityLeadDays),
        }
      : empty,
  );
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const ac = meta?.acs.find((a) => a.no === f.acNo);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (f.lat == null || f.lon == null || f.acNo == null) return;
    save.mutate(
      {
        id: venue?.id,
        nameEn: f.nameEn,
        nameHi: f.nameHi || undefined,
        lat: Math.round(f.lat * 1e5) / 1e5,
        lon: Math.round(f.lon * 1e5) / 1e5,
        acNo: f.acNo,
        capacity: f.capacity,
        helipad: f.helipad,
        terrain: f.terrain,
        permission: f.permission,
        permissionAppliedOn: f.permission === 'not_applied' ? null : f.appliedOn,
        permissionGrantedOn: f.permission === 'granted' ? f.grantedOn : null,
        authorityLeadDays: f.leadDays === '' ? null : Number(f.leadDays),
      },
      {
        onSuccess: (saved) => {
          if (venue) {
            notify(t('visits.records.venueSaved', { name: saved.nameEn }));
            onDone?.();
          } else set({ nameEn: '', nameHi: '', lat: null, lon: null, acNo: null });
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} data-testid={venue ? 'venue-edit-form' : 'venue-form'}>
      <h4>{venue ? t('visits.records.editVenue', { name: venue.nameEn }) : t('visits.records.newVenue')}</h4>
      <p className="small muted">{t('visits.records.pickOnMap')}</p>
      <DayMap
        geo={geo}
        testId="venue-pick-map"
        stops={f.lat != null && f.lon != null ? [{ id: 'picked', lat: f.lat, lon: f.lon, label: f.nameEn || t('visits.records.picked'), selected: true }] : []}
        legs={[]}
        onPick={(lat, lon) => set({ lat, lon, acNo: acAtPoint(geo.acs, lat, lon) })}
      />
      <div className="small" data-testid="venue-picked">
        {f.lat != null && f.lon != null ? `${f.lat.toFixed(4)}, ${f.lon.toFixed(4)} · ${ac ? `${t('visits.fields.ac')} ${ac.no} ${displayName(ac.nameEn, ac.nameHi, i18n.language)}` : t('visits.records.outside')}` : t('visits.records.notPicked')}
      </div>
      <label className="field">
        {t('visits.fields.nameEn')} <input value={f.nameEn} onChange={(e) => set({ nameEn: e.target.value })} data-testid="venue-name" required />
      </label>
      <label className="field">
        {t('visits.fields.nameHi')} <input value={f.nameHi} onChange={(e) => set({ nameHi: e.target.value })} />
      </label>
      <label className="field">
        {t('visits.fields.capacity')} <input type="number" min={0} value={f.capacity} onChange={(e) => set({ capacity: Number(e.target.value) })} data-testid="venue-capacity" />
      </label>
      <label className="field">
        <input type="checkbox" checked={f.helipad} onChange={(e) => set({ helipad: e.target.checked })} data-testid="venue-helipad" /> {t('visits.fields.helipad')}
      </label>
      <label className="field">
        {t('visits.fields.terrain')}{' '}
        <select value={f.terrain} onChange={(e) => set({ terrain: e.target.value as Terrain })}>
          <option value="plains">{t('visits.terrain.plains')}</option>
          <option value="hills">{t('visits.terrain.hills')}</option>
        </select>
      </label>
      <label className="field">
        {t('visits.fields.permission')}{' '}
        <select value={f.permission} onChange={(e) => set({ permission: e.target.value as PermissionStatus })} data-testid="venue-permission">
          {(['not_applied', 'applied', 'granted', 'refused'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`visits.permission.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {f.permission !== 'not_applied' && (
        <label className="field">
          {t('visits.fields.appliedOn')} <input type="date" value={f.appliedOn} onChange={(e) => set({ appliedOn: e.target.value })} data-testid="venue-applied-on" required />
        </label>
      )}
      {f.permission === 'granted' && (
        <label className="field">
          {t('visits.fields.grantedOn')} <input type="date" value={f.grantedOn} onChange={(e) => set({ grantedOn: e.target.value })} data-testid="venue-granted-on" required />
        </label>
      )}
      <label className="field">
        {t('visits.fields.authorityLeadDays')}{' '}
        <input type="number" min={0} max={120} value={f.leadDays} placeholder={String(plan.settings.permissionLeadDays)} onChange={(e) => set({ leadDays: e.target.value })} data-testid="venue-lead-days" />
      </label>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || f.acNo == null} data-testid="venue-save">
          {venue ? t('common.save') : t('visits.records.addVenue')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

/** A new request, or an existing one edited. */
function RequestForm({ plan, meta, request, onDone }: { plan: PlanningData; meta: MetaLists | undefined; request?: RequestView; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const save = useSaveRequest();
  const notify = useNotifyChange();
  const [f, setF] = useState(() =>
    request
      ? {
          pcNo: request.pcNo,
          leaderIds: request.leaderIds,
          priority: request.priority,
          from: request.preferredFrom,
          to: request.preferredTo,
          venueId: request.venueId ?? '',
          areaAcNo: request.areaAcNo == null ? '' : String(request.areaAcNo),
          durationMin: request.durationMin,
          requestedBy: request.requestedBy,
          note: request.note ?? '',
        }
      : { pcNo: meta?.pcs[0]?.no ?? 1, leaderIds: [] as string[], priority: 3, from: plan.today, to: plan.today, venueId: '', areaAcNo: '', durationMin: 90, requestedBy: '', note: '' },
  );
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const venues = plan.venues.filter((v) => v.pcNo === f.pcNo);
  const acs = meta?.acs.filter((a) => a.pcNo === f.pcNo) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: request?.id,
        pcNo: f.pcNo,
        leaderIds: f.leaderIds,
        priority: f.priority,
        preferredFrom: f.from,
        preferredTo: f.to,
        venueId: f.venueId || null,
        areaAcNo: f.venueId ? null : f.areaAcNo ? Number(f.areaAcNo) : null,
        durationMin: f.durationMin,
        requestedBy: f.requestedBy,
        note: f.note || null,
        status: request?.status ?? 'open',
      },
      {
        onSuccess: () => {
          if (request) {
            notify(t('visits.records.requestSaved', { by: f.requestedBy }));
            onDone?.();
          } else set({ note: '' });
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} data-testid={request ? 'request-edit-form' : 'request-form'}>
      <h4>{request ? t('visits.records.editRequest') : t('visits.records.newRequest')}</h4>
      <label className="field">
        {t('visits.fields.pc')}{' '}
        <select value={f.pcNo} onChange={(e) => set({ pcNo: Number(e.target.value), venueId: '', areaAcNo: '' })} data-testid="request-pc">
          {meta?.pcs.map((p) => (
            <option key={p.no} value={p.no}>
              {p.no}. {displayName(p.nameEn, p.nameHi, lang)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>{t('visits.fields.leadersWanted')}</legend>
        {plan.leaders.map((l) => (
          <label key={l.id} className="choice-option">
            <input
              type="checkbox"
              data-testid="request-leader"
              value={l.id}
              checked={f.leaderIds.includes(l.id)}
              onChange={(e) => set({ leaderIds: e.target.checked ? [...f.leaderIds, l.id] : f.leaderIds.filter((x) => x !== l.id) })}
            />{' '}
            {displayName(l.nameEn, l.nameHi, lang)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('visits.fields.priority')} <input type="number" min={1} max={5} value={f.priority} onChange={(e) => set({ priority: Number(e.target.value) })} data-testid="request-priority" />
      </label>
      <label className="field">
        {t('visits.fields.preferredFrom')} <input type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} data-testid="request-from" />
      </label>
      <label className="field">
        {t('visits.fields.preferredTo')} <input type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} data-testid="request-to" />
      </label>
      <label className="field">
        {t('visits.fields.venue')}{' '}
        <select value={f.venueId} onChange={(e) => set({ venueId: e.target.value })} data-testid="request-venue">
          <option value="">{t('visits.records.anyVenue')}</option>
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {displayName(v.nameEn, v.nameHi, lang)} ({t('visits.fields.ac')} {v.acNo})
            </option>
          ))}
        </select>
      </label>
      {!f.venueId && (
        <label className="field">
          {t('visits.fields.area')}{' '}
          <select value={f.areaAcNo} onChange={(e) => set({ areaAcNo: e.target.value })}>
            <option value="">{t('visits.records.wholePc')}</option>
            {acs.map((a) => (
              <option key={a.no} value={a.no}>
                {a.no}. {displayName(a.nameEn, a.nameHi, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {t('visits.fields.duration')} <input type="number" min={15} max={600} step={15} value={f.durationMin} onChange={(e) => set({ durationMin: Number(e.target.value) })} />
      </label>
      <label className="field">
        {t('visits.fields.requestedBy')} <input value={f.requestedBy} onChange={(e) => set({ requestedBy: e.target.value })} data-testid="request-by" required />
      </label>
      <label className="field">
        {t('visits.fields.note')} <input value={f.note} onChange={(e) => set({ note: e.target.value })} />
      </label>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || f.leaderIds.length === 0} data-testid="request-save">
          {request ? t('common.save') : t('visits.records.addRequest')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

function ScheduleEditor({ plan, meta }: { plan: PlanningData; meta: MetaLists | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const setPoll = useSetPollDate();
  const setSettings = useSetSettings();
  const [settings, setSettingsDraft] = useState(plan.settings);
  return (
    <section className="panel">
      <h3>{t('visits.schedule.title')}</h3>
      <table className="data-table" data-testid="poll-schedule">
        <thead>
          <tr>
            <th>{t('visits.fields.pc')}</th>
            <th>{t('visits.fields.phase')}</th>
            <th>{t('visits.fields.pollDate')}</th>
          </tr>
        </thead>
        <tbody>
          {meta?.pcs.map((p) => {
            const row = plan.pollDates.find((x) => x.pcNo === p.no);
            return (
              <tr key={p.no}>
                <td>
                  {p.no}. {displayName(p.nameEn, p.nameHi, lang)}
                </td>
                <td>
                  <select
                    value={row?.phase ?? 1}
                    disabled={!plan.canEdit}
                    onChange={(e) => row && setPoll.mutate({ pcNo: p.no, phase: Number(e.target.value), pollDate: row.pollDate })}
                  >
                    {[1, 2, 3, 4, 5, 6, 7].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="date"
                    value={row?.pollDate ?? ''}
                    disabled={!plan.canEdit}
                    data-testid={`poll-date-${p.no}`}
                    onChange={(e) => e.target.value && setPoll.mutate({ pcNo: p.no, phase: row?.phase ?? 1, pollDate: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorText error={setPoll.error} />
      <div className="inline-form">
        <label>
          {t('visits.schedule.leadDays')}{' '}
          <input type="number" min={0} max={120} value={settings.permissionLeadDays} onChange={(e) => setSettingsDraft({ ...settings, permissionLeadDays: Number(e.target.value) })} disabled={!plan.canEdit} data-testid="lead-days" />
        </label>
        <label>
          {t('visits.schedule.roadFactor')}{' '}
          <input type="number" min={1} max={3} step={0.05} value={settings.roadFactor} onChange={(e) => setSettingsDraft({ ...settings, roadFactor: Number(e.target.value) })} disabled={!plan.canEdit} data-testid="road-factor" />
        </label>
        <label>
          {t('visits.schedule.bigRally')}{' '}
          <input type="number" min={100} step={500} value={settings.bigRallyCapacity} onChange={(e) => setSettingsDraft({ ...settings, bigRallyCapacity: Number(e.target.value) })} disabled={!plan.canEdit} data-testid="big-rally" />
        </label>
        <button type="button" disabled={!plan.canEdit || setSettings.isPending} onClick={() => setSettings.mutate(settings)} data-testid="lead-days-save">
          {t('common.save')}
        </button>
      </div>
      <ErrorText error={setSettings.error} />
    </section>
  );
}

/** Leaders, venues, requests and the election schedule: lists plus the forms to add to them. */
export function RecordsPanel({ plan, geo, meta }: { plan: PlanningData; geo: GeoLayers; meta: MetaLists | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notify = useNotifyChange();
  const saveRequest = useSaveRequest();
  const deleteLeader = useDeleteLeader();
  const deleteVenue = useDeleteVenue();
  const [editing, setEditing] = useState<{ kind: 'leader' | 'venue' | 'request'; id: string } | null>(null);
  const editingLeader = editing?.kind === 'leader' ? plan.leaders.find((l) => l.id === editing.id) : undefined;
  const editingVenue = editing?.kind === 'venue' ? plan.venues.find((v) => v.id === editing.id) : undefined;
  const editingRequest = editing?.kind === 'request' ? plan.requests.find((r) => r.id === editing.id) : undefined;
  const setRequestStatus = (r: RequestView, status: 'open' | 'withdrawn') =>
    saveRequest.mutate(
      { id: r.id, pcNo: r.pcNo, leaderIds: r.leaderIds, priority: r.priority, preferredFrom: r.preferredFrom, preferredTo: r.preferredTo, venueId: r.venueId, areaAcNo: r.areaAcNo, durationMin: r.durationMin, requestedBy: r.requestedBy, note: r.note, status },
      { onSuccess: () => notify(t(status === 'withdrawn' ? 'visits.records.requestWithdrawn' : 'visits.records.requestReopened', { by: r.requestedBy })) },
    );
  return (
    <div className="records">
      <section className="panel">
        <h3>{t('visits.records.leaders')}</h3>
        <table className="data-table" data-testid="leaders-table">
          <tbody>
            {plan.leaders.map((l) => (
              <tr key={l.id} data-testid="leader-row" data-leader-id={l.id}>
                <td>
                  {displayName(l.nameEn, l.nameHi, lang)} {l.demo && <span className="badge">{t('demo.badge')}</span>}
                </td>
                <td>{t(`visits.tier.${l.tier}`)}</td>
                <td className="small">
                  {l.availability.map((w) => `${formatDate(w.from, lang)}–${formatDate(w.to, lang)} ${formatMinutes(w.dayStartMin)}–${formatMinutes(w.dayEndMin)}`).join('; ')}
                </td>
                <td className="small">
                  {l.baseName} · {l.helicopter
                    ? `${t('visits.mode.helicopter')} ${l.helicopter.cruiseKmh} km/h, ${t(l.helicopter.daylightOnly ? 'visits.heli.daylightOnly' : 'visits.heli.afterDark')}`
                    : t('visits.mode.road')} · {t('visits.records.maxPerDay', { n: l.maxEventsPerDay })} ·{' '}
                  {t('visits.records.gap', { n: l.minGapMin })}
                </td>
                {plan.canEdit && (
                  <td className="no-print">
                    <button type="button" onClick={() => setEditing({ kind: 'leader', id: l.id })} data-testid="leader-edit">
                      {t('common.edit')}
                    </button>{' '}
                    <button type="button" onClick={() => deleteLeader.mutate({ id: l.id }, { onSuccess: () => notify(t('visits.records.leaderRemoved', { name: l.nameEn })) })} data-testid="leader-delete">
                      {t('visits.records.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <ErrorText error={deleteLeader.error} testId="leader-delete-error" />
        {plan.canEdit && editingLeader && <LeaderForm key={editingLeader.id} plan={plan} leader={editingLeader} onDone={() => setEditing(null)} />}
        {plan.canEdit && !editingLeader && <LeaderForm plan={plan} />}
      </section>
      <section className="panel">
        <h3>
          {t('visits.records.venues')} ({formatNumber(plan.venues.length, lang)})
        </h3>
        <div className="table-scroll records-list">
          <table className="data-table small" data-testid="venues-table">
            <thead>
              <tr>
                <th>{t('visits.fields.venue')}</th>
                <th>{t('visits.fields.pc')}</th>
                <th>{t('visits.fields.ac')}</th>
                <th>{t('visits.fields.capacity')}</th>
                <th>{t('visits.fields.helipad')}</th>
                <th>{t('visits.fields.permission')}</th>
                {plan.canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {plan.venues.map((v) => (
                <tr key={v.id} data-testid="venue-row" data-venue-id={v.id}>
                  <td>
                    {displayName(v.nameEn, v.nameHi, lang)} {v.demo && <span className="badge">{t('demo.badge')}</span>}
                  </td>
                  <td className="num">{v.pcNo}</td>
                  <td className="num">{v.acNo}</td>
                  <td className="num">{formatNumber(v.capacity, lang)}</td>
                  <td>{v.helipad ? '✓' : ''}</td>
                  <td>
                    {t(`visits.permission.${v.permission}`)}
                    {v.permissionGrantedOn ? ` · ${formatDate(v.permissionGrantedOn, lang)}` : v.permissionAppliedOn ? ` · ${formatDate(v.permissionAppliedOn, lang)}` : ''}
                    {v.authorityLeadDays != null ? ` · ${t('visits.records.leadDays', { n: v.authorityLeadDays })}` : ''}
                  </td>
                  {plan.canEdit && (
                    <td className="no-print">
                      <button type="button" onClick={() => setEditing({ kind: 'venue', id: v.id })} data-testid="venue-edit">
                        {t('common.edit')}
                      </button>{' '}
                      <button type="button" onClick={() => deleteVenue.mutate({ id: v.id }, { onSuccess: () => notify(t('visits.records.venueRemoved', { name: v.nameEn })) })} data-testid="venue-delete">
                        {t('visits.records.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ErrorText error={deleteVenue.error} testId="venue-delete-error" />
        {plan.canEdit && editingVenue && <VenueForm key={editingVenue.id} plan={plan} geo={geo} meta={meta} venue={editingVenue} onDone={() => setEditing(null)} />}
        {plan.canEdit && !editingVenue && <VenueForm plan={plan} geo={geo} meta={meta} />}
      </section>
      <section className="panel">
        <h3>
          {t('visits.records.requests')} ({formatNumber(plan.requests.length, lang)})
        </h3>
        <div className="table-scroll records-list">
          <table className="data-table small" data-testid="requests-table">
            <thead>
              <tr>
                <th>{t('visits.fields.pc')}</th>
                <th>{t('visits.fields.requestedBy')}</th>
                <th>{t('visits.fields.leadersWanted')}</th>
                <th>{t('visits.fields.priority')}</th>
                <th>{t('visits.fields.date')}</th>
                <th>{t('visits.fields.venue')}</th>
                <th>{t('visits.fields.status')}</th>
                {plan.canRequest && <th />}
              </tr>
            </thead>
            <tbody>
              {plan.requests.map((r) => {
                const venue = r.venueId ? plan.venues.find((v) => v.id === r.venueId) : null;
                return (
                  <tr key={r.id} data-testid="request-row">
                    <td className="num">{r.pcNo}</td>
                    <td>{r.requestedBy}</td>
                    <td>
                      {r.leaderIds
                        .map((id) => plan.leaders.find((l) => l.id === id))
                        .map((l) => (l ? displayName(l.nameEn, l.nameHi, lang) : ''))
                        .join(', ')}
                    </td>
                    <td className="num">{r.priority}</td>
                    <td>
                      {formatDate(r.preferredFrom, lang)}–{formatDate(r.preferredTo, lang)}
                    </td>
                    <td>{venue ? displayName(venue.nameEn, venue.nameHi, lang) : r.areaAcNo ? `${t('visits.fields.ac')} ${r.areaAcNo}` : t('visits.records.wholePc')}</td>
                    <td>{r.status === 'withdrawn' ? t('visits.records.withdrawn') : r.visitId ? t('visits.records.answered') : t('visits.records.open')}</td>
                    {plan.canRequest && (
                      <td className="no-print">
                        <button type="button" onClick={() => setEditing({ kind: 'request', id: r.id })} data-testid="request-edit">
                          {t('common.edit')}
                        </button>{' '}
                        {r.status === 'open' ? (
                          <button type="button" onClick={() => setRequestStatus(r, 'withdrawn')} data-testid="request-withdraw">
                            {t('visits.records.withdraw')}
                          </button>
                        ) : (
                          <button type="button" onClick={() => setRequestStatus(r, 'open')} data-testid="request-reopen">
                            {t('visits.records.reopen')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <ErrorText error={saveRequest.error} />
        {plan.canRequest && editingRequest && <RequestForm key={editingRequest.id} plan={plan} meta={meta} request={editingRequest} onDone={() => setEditing(null)} />}
        {plan.canRequest && !editingRequest && <RequestForm plan={plan} meta={meta} />}
      </section>
      <ScheduleEditor plan={plan} meta={meta} />
    </div>
  );
}
