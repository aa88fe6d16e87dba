import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes, parseMinutes } from '../../../../shared/domain/visits/dates';
import type { GeoLayers, MetaLists, PlanningData } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber } from '../../app/format';
import { DayMap } from './DayMap';
import { useSaveLeader, useSaveRequest, useSaveVenue, useSetPollDate, useSetSettings } from './queries';
import { acAtPoint } from './shaping';

function LeaderForm({ plan }: { plan: PlanningData }) {
  const { t } = useTranslation();
  const save = useSaveLeader();
  const [f, setF] = useState({ nameEn: '', nameHi: '', tier: 'national' as 'national' | 'state', from: plan.today, to: plan.today, dayStart: '09:00', dayEnd: '18:00', heli: false, maxEvents: 4, minGap: 20 });
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        nameEn: f.nameEn,
        nameHi: f.nameHi || undefined,
        tier: f.tier,
        baseName: 'Birsa Munda Airport, Ranchi',
        baseLat: 23.3143,
        baseLon: 85.3217,
        availability: [{ from: f.from, to: f.to, dayStartMin: parseMinutes(f.dayStart) ?? 540, dayEndMin: parseMinutes(f.dayEnd) ?? 1080 }],
        helicopter: f.heli ? { cruiseKmh: 220, turnaroundMin: 20 } : null,
        road: { plainsKmh: 45, hillsKmh: 30 },
        maxEventsPerDay: f.maxEvents,
        minGapMin: f.minGap,
      },
      { onSuccess: () => set({ nameEn: '', nameHi: '' }) },
    );
  };
  return (
    <form className="form" onSubmit={submit} data-testid="leader-form">
      <h4>{t('visits.records.newLeader')}</h4>
      <label className="field">
        {t('visits.fields.nameEn')} <input value={f.nameEn} onChange={(e) => set({ nameEn: e.target.value })} data-testid="leader-name" required />
      </label>
      <label className="field">
        {t('visits.fields.nameHi')} <input value={f.nameHi} onChange={(e) => set({ nameHi: e.target.value })} />
      </label>
      <label className="field">
        {t('visits.fields.tier')}{' '}
        <select value={f.tier} onChange={(e) => set({ tier: e.target.value as 'national' | 'state' })} data-testid="leader-tier">
          <option value="national">{t('visits.tier.national')}</option>
          <option value="state">{t('visits.tier.state')}</option>
        </select>
      </label>
      <label className="field">
        {t('visits.fields.availableFrom')} <input type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} data-testid="leader-from" />
      </label>
      <label className="field">
        {t('visits.fields.availableTo')} <input type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} data-testid="leader-to" />
      </label>
      <label className="field">
        {t('visits.fields.dayStart')} <input type="time" value={f.dayStart} onChange={(e) => set({ dayStart: e.target.value })} />
      </label>
      <label className="field">
        {t('visits.fields.dayEnd')} <input type="time" value={f.dayEnd} onChange={(e) => set({ dayEnd: e.target.value })} />
      </label>
      <label className="field">
        <input type="checkbox" checked={f.heli} onChange={(e) => set({ heli: e.target.checked })} data-testid="leader-heli" /> {t('visits.fields.helicopter')}
      </label>
      <label className="field">
        {t('visits.fields.maxEvents')} <input type="number" min={1} max={12} value={f.maxEvents} onChange={(e) => set({ maxEvents: Number(e.target.value) })} data-testid="leader-max" />
      </label>
      <label className="field">
        {t('visits.fields.minGap')} <input type="number" min={0} max={600} value={f.minGap} onChange={(e) => set({ minGap: Number(e.target.value) })} data-testid="leader-gap" />
      </label>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending} data-testid="leader-save">
          {t('visits.records.addLeader')}
        </button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

function VenueForm({ plan, geo, meta }: { plan: PlanningData; geo: GeoLayers; meta: MetaLists | undefined }) {
  const { t, i18n } = useTranslation();
  const save = useSaveVenue();
  const [f, setF] = useState({ nameEn: '', nameHi: '', lat: null as number | null, lon: null as number | null, acNo: null as number | null, capacity: 10000, helipad: false, terrain: 'plains' as 'plains' | 'hills', permission: 'granted' as 'not_applied' | 'applied' | 'granted' | 'refused', appliedOn: plan.today, grantedOn: plan.today });
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const ac = meta?.acs.find((a) => a.no === f.acNo);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (f.lat == null || f.lon == null || f.acNo == null) return;
    save.mutate(
      {
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
        authorityLeadDays: null,
      },
      { onSuccess: () => set({ nameEn: '', nameHi: '', lat: null, lon: null, acNo: null }) },
    );
  };
  return (
    <form className="form" onSubmit={submit} data-testid="venue-form">
      <h4>{t('visits.records.newVenue')}</h4>
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
        <input type="checkbox" checked={f.helipad} onChange={(e) => set({ helipad: e.target.checked })} /> {t('visits.fields.helipad')}
      </label>
      <label className="field">
        {t('visits.fields.terrain')}{' '}
        <select value={f.terrain} onChange={(e) => set({ terrain: e.target.value as 'plains' | 'hills' })}>
          <option value="plains">{t('visits.terrain.plains')}</option>
          <option value="hills">{t('visits.terrain.hills')}</option>
        </select>
      </label>
      <label className="field">
        {t('visits.fields.permission')}{' '}
        <select value={f.permission} onChange={(e) => set({ permission: e.target.value as typeof f.permission })} data-testid="venue-permission">
          {(['not_applied', 'applied', 'granted', 'refused'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`visits.permission.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {f.permission !== 'not_applied' && (
        <label className="field">
          {t('visits.fields.appliedOn')} <input type="date" value={f.appliedOn} onChange={(e) => set({ appliedOn: e.target.value })} />
        </label>
      )}
      {f.permission === 'granted' && (
        <label className="field">
          {t('visits.fields.grantedOn')} <input type="date" value={f.grantedOn} onChange={(e) => set({ grantedOn: e.target.value })} />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || f.acNo == null} data-testid="venue-save">
          {t('visits.records.addVenue')}
        </button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}

function RequestForm({ plan, meta }: { plan: PlanningData; meta: MetaLists | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const save = useSaveRequest();
  const [f, setF] = useState({ pcNo: meta?.pcs[0]?.no ?? 1, leaderIds: [] as string[], priority: 3, from: plan.today, to: plan.today, venueId: '', areaAcNo: '', durationMin: 90, requestedBy: '', note: '' });
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const venues = plan.venues.filter((v) => v.pcNo === f.pcNo);
  const acs = meta?.acs.filter((a) => a.pcNo === f.pcNo) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
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
      },
      { onSuccess: () => set({ note: '' }) },
    );
  };
  return (
    <form className="form" onSubmit={submit} data-testid="request-form">
      <h4>{t('visits.records.newRequest')}</h4>
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
          {t('visits.records.addRequest')}
        </button>
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
  const [lead, setLead] = useState(plan.settings.permissionLeadDays);
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
          <input type="number" min={0} max={120} value={lead} onChange={(e) => setLead(Number(e.target.value))} disabled={!plan.canEdit} data-testid="lead-days" />
        </label>
        <button type="button" disabled={!plan.canEdit} onClick={() => setSettings.mutate({ ...plan.settings, permissionLeadDays: lead })} data-testid="lead-days-save">
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
  return (
    <div className="records">
      <section className="panel">
        <h3>{t('visits.records.leaders')}</h3>
        <table className="data-table" data-testid="leaders-table">
          <tbody>
            {plan.leaders.map((l) => (
              <tr key={l.id}>
                <td>
                  {displayName(l.nameEn, l.nameHi, lang)} {l.demo && <span className="badge">{t('demo.badge')}</span>}
                </td>
                <td>{t(`visits.tier.${l.tier}`)}</td>
                <td className="small">
                  {l.availability.map((w) => `${formatDate(w.from, lang)}–${formatDate(w.to, lang)} ${formatMinutes(w.dayStartMin)}–${formatMinutes(w.dayEndMin)}`).join('; ')}
                </td>
                <td className="small">
                  {l.helicopter ? t('visits.mode.helicopter') : t('visits.mode.road')} · {t('visits.records.maxPerDay', { n: l.maxEventsPerDay })} · {t('visits.records.gap', { n: l.minGapMin })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.canEdit && <LeaderForm plan={plan} />}
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
              </tr>
            </thead>
            <tbody>
              {plan.venues.map((v) => (
                <tr key={v.id}>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {plan.canEdit && <VenueForm plan={plan} geo={geo} meta={meta} />}
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
                    <td>{r.visitId ? t('visits.records.answered') : t('visits.records.open')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {plan.canRequest && <RequestForm plan={plan} meta={meta} />}
      </section>
      <ScheduleEditor plan={plan} meta={meta} />
    </div>
  );
}
