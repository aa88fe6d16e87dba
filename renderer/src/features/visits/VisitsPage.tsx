import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatMinutes } from '../../../../shared/domain/visits/dates';
import { BASE_STOP } from '../../../../shared/domain/visits/conflicts';
import type { PlanningData } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate } from '../../app/format';
import { Loading } from '../../app/Loading';
import { hrefFor } from '../../app/route';
import { useGeoLayers, useMetaLists } from '../meta/queries';
import { Calendar } from './Calendar';
import { ConflictList } from './ConflictList';
import { CoveragePanel } from './CoveragePanel';
import { DayMap } from './DayMap';
import { usePlan, useUpdateVisit } from './queries';
import { RecordsPanel } from './RecordsPanel';
import { calendarBlocks, conflictsFor, leaderDayRoute, weekOf } from './shaping';
import { SuggestionsPanel } from './SuggestionsPanel';
import { VisitDetail } from './VisitDetail';

export type VisitsTab = 'plan' | 'coverage' | 'records';
const TABS: VisitsTab[] = ['plan', 'coverage', 'records'];

/** The first day on or after today with a live visit of this leader, else today. */
function firstBusyDay(plan: PlanningData, leaderId: string): string {
  const dates = plan.visits.filter((v) => v.leaderId === leaderId && v.status !== 'cancelled' && v.date >= plan.today).map((v) => v.date).sort();
  return dates[0] ?? plan.today;
}

export function VisitsPage({ tab }: { tab: VisitsTab }) {
  const { t } = useTranslation();
  const plan = usePlan();
  const geo = useGeoLayers();
  const meta = useMetaLists();
  if (plan.isPending || geo.isPending) return <Loading />;
  if (plan.error || geo.error) return <ErrorText error={plan.error ?? geo.error} />;
  return (
    <div className="visits">
      <div className="toolbar no-print" role="tablist" aria-label={t('visits.title')}>
        <h2>{t('visits.title')}</h2>
        {TABS.map((name) => (
          <a key={name} role="tab" href={hrefFor({ name: 'visits', tab: name })} aria-selected={tab === name} className={tab === name ? 'active tab' : 'tab'} data-testid={`visits-tab-${name}`}>
            {t(`visits.tabs.${name}`)}
          </a>
        ))}
      </div>
      {tab === 'plan' && <PlanTab plan={plan.data} geo={geo.data} />}
      {tab === 'coverage' && <CoveragePanel plan={plan.data} meta={meta.data} />}
      {tab === 'records' && <RecordsPanel plan={plan.data} geo={geo.data} meta={meta.data} />}
    </div>
  );
}

function PlanTab({ plan, geo }: { plan: PlanningData; geo: NonNullable<ReturnType<typeof useGeoLayers>['data']> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [leaderId, setLeaderId] = useState<string>(() => plan.leaders.find((l) => l.tier === 'national')?.id ?? plan.leaders[0]?.id ?? '');
  const [date, setDate] = useState<string>(() => (leaderId ? firstBusyDay(plan, leaderId) : plan.today));
  const [view, setView] = useState<'day' | 'week'>('week');
  const [selected, setSelected] = useState<string | null>(null);
  const update = useUpdateVisit();

  const days = useMemo(() => (view === 'week' ? weekOf(date) : [date]), [view, date]);
  const blocks = useMemo(() => calendarBlocks(plan, leaderId, days), [plan, leaderId, days]);
  const route = useMemo(() => leaderDayRoute(plan, leaderId, date), [plan, leaderId, date]);
  const conflicts = useMemo(() => conflictsFor(plan, leaderId, days), [plan, leaderId, days]);
  const leader = plan.leaders.find((l) => l.id === leaderId);

  if (plan.leaders.length === 0) {
    return (
      <div className="panel">
        <p>{t('visits.noLeaders')}</p>
        <a href={hrefFor({ name: 'visits', tab: 'records' })}>{t('visits.tabs.records')}</a>
        <SuggestionsPanel plan={plan} />
      </div>
    );
  }
  const step = view === 'week' ? 7 : 1;
  const selectedVisit = plan.visits.find((v) => v.id === selected);
  return (
    <>
      <div className="filters panel no-print">
        <label className="field">
          {t('visits.fields.leader')}{' '}
          <select
            value={leaderId}
            data-testid="leader-select"
            onChange={(e) => {
              setLeaderId(e.target.value);
              setDate(firstBusyDay(plan, e.target.value));
              setSelected(null);
            }}
          >
            {plan.leaders.map((l) => (
              <option key={l.id} value={l.id}>
                {displayName(l.nameEn, l.nameHi, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('visits.fields.date')} <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="plan-date" />
        </label>
        <div className="radio-group" role="group" aria-label={t('visits.calendar.view')}>
          <button type="button" onClick={() => setDate(addDays(date, -step))} aria-label={t('visits.calendar.prev')}>
            ‹
          </button>
          <button type="button" className={view === 'day' ? 'active' : undefined} aria-pressed={view === 'day'} onClick={() => setView('day')} data-testid="view-day">
            {t('visits.calendar.day')}
          </button>
          <button type="button" className={view === 'week' ? 'active' : undefined} aria-pressed={view === 'week'} onClick={() => setView('week')} data-testid="view-week">
            {t('visits.calendar.week')}
          </button>
          <button type="button" onClick={() => setDate(addDays(date, step))} aria-label={t('visits.calendar.next')}>
            ›
          </button>
        </div>
        <a href={hrefFor({ name: 'itinerary', leaderId, date })} data-testid="itinerary-link">
          {t('visits.itinerary.open')}
        </a>
      </div>
      <ErrorText error={update.error} testId="move-error" />
      <div className="visits-grid">
        <section className="panel">
          <h3>
            {leader ? displayName(leader.nameEn, leader.nameHi, lang) : ''} · {view === 'week' ? `${formatDate(days[0], lang)} – ${formatDate(days[6], lang)}` : formatDate(date, lang)}
          </h3>
          <Calendar
            days={days}
            blocks={blocks}
            canEdit={plan.canEdit}
            selected={selected}
            onSelect={(id, d) => {
              setSelected(id);
              setDate(d);
            }}
            onMove={(id, d, startMin) => {
              const v = plan.visits.find((x) => x.id === id);
              if (!v || (v.date === d && v.startMin === startMin)) return;
              update.mutate({ id, date: d, startMin });
              setSelected(id);
              setDate(d);
            }}
          />
        </section>
        <section className="panel">
          <h3>{t('visits.dayMap.title', { date: formatDate(date, lang) })}</h3>
          <p className="small" data-testid="sun-times">
            {t('visits.dayMap.sun', { sunrise: formatMinutes(route.sun.sunriseMin), sunset: formatMinutes(route.sun.sunsetMin) })}
            {leader?.helicopter && (
              <span data-testid="heli-daylight"> {t(leader.helicopter.daylightOnly ? 'visits.heli.dayDaylightOnly' : 'visits.heli.dayAfterDark')}</span>
            )}
          </p>
          <DayMap
            geo={geo}
            testId="day-map"
            stops={route.stops.map((s) => ({ id: s.visit.id, lat: s.venue.lat, lon: s.venue.lon, order: s.order, label: displayName(s.venue.nameEn, s.venue.nameHi, lang), selected: s.visit.id === selected }))}
            legs={route.legs.map((l) => ({ id: `${l.fromVisitId}-${l.toVisitId}`, from: l.from, to: l.to, mode: l.mode, label: t('visits.leg.label', { minutes: l.minutes, mode: t(`visits.mode.${l.mode}`) }) }))}
            onStopClick={(id) => setSelected(id)}
            base={route.base && route.stops.length > 0 ? { lat: route.base.lat, lon: route.base.lon, label: t('visits.dayMap.base', { base: route.base.name }) } : null}
          />
          <table className="data-table small" data-testid="legs-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('visits.fields.venue')}</th>
                <th>{t('visits.fields.time')}</th>
                <th>{t('visits.leg.title')}</th>
              </tr>
            </thead>
            <tbody>
              {route.stops.map((s) => {
                const leg = route.legs.find((l) => l.toVisitId === s.visit.id);
                return (
                  <tr key={s.visit.id} data-testid="day-stop" className={s.visit.id === selected ? 'selected' : undefined} onClick={() => setSelected(s.visit.id)}>
                    <td>{s.order}</td>
                    <td>{displayName(s.venue.nameEn, s.venue.nameHi, lang)}</td>
                    <td>
                      {formatMinutes(s.visit.startMin)}–{formatMinutes(s.visit.startMin + s.visit.durationMin)}
                    </td>
                    <td>
                      {leg ? `${leg.fromVisitId === BASE_STOP ? `${t('visits.leg.fromBase', { base: route.base?.name ?? '' })} · ` : ''}${t('visits.leg.label', { minutes: leg.minutes, mode: t(`visits.mode.${leg.mode}`) })} · ${leg.km} km${leg.overridden ? ` (${t('visits.leg.overridden')})` : ''}` : '—'}
                    </td>
                  </tr>
                );
              })}
              {route.legs
                .filter((l) => l.toVisitId === BASE_STOP)
                .map((l) => (
                  <tr key="base-return" data-testid="base-return">
                    <td />
                    <td>{t('visits.leg.toBase', { base: route.base?.name ?? '' })}</td>
                    <td>
                      {formatMinutes(l.departMin)}–{formatMinutes(l.arriveMin)}
                    </td>
                    <td>
                      {t('visits.leg.label', { minutes: l.minutes, mode: t(`visits.mode.${l.mode}`) })} · {l.km} km
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {route.stops.length === 0 && <p className="muted">{t('visits.dayMap.empty')}</p>}
          {selectedVisit && <VisitDetail key={selectedVisit.id} plan={plan} visitId={selectedVisit.id} arriving={route.legs.find((l) => l.toVisitId === selectedVisit.id)} />}
        </section>
      </div>
      <section className="panel">
        <h3>
          {t('visits.conflicts.title')} ({conflicts.length}) <span className="small muted">{t('visits.conflicts.total', { n: plan.conflicts.length })}</span>
        </h3>
        <ConflictList
          conflicts={conflicts}
          onSelect={(id, d) => {
            setSelected(id);
            setDate(d);
          }}
        />
      </section>
      <SuggestionsPanel plan={plan} />
    </>
  );
}
