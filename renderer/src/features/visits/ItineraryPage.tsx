import { useTranslation } from 'react-i18next';
import { BASE_STOP } from '../../../../shared/domain/visits/conflicts';
import { formatMinutes } from '../../../../shared/domain/visits/dates';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber } from '../../app/format';
import { Loading } from '../../app/Loading';
import { hrefFor } from '../../app/route';
import { ConflictList } from './ConflictList';
import { usePlan } from './queries';
import { conflictsFor, leaderDayRoute } from './shaping';

/** A leader-day on one printable page: stops, times, legs, sunrise and sunset, and any conflict. */
export function ItineraryPage({ leaderId, date }: { leaderId: string; date: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const plan = usePlan();
  if (plan.isPending) return <Loading />;
  if (plan.error) return <ErrorText error={plan.error} />;
  const leader = plan.data.leaders.find((l) => l.id === leaderId);
  const route = leaderDayRoute(plan.data, leaderId, date);
  const conflicts = conflictsFor(plan.data, leaderId, [date]);
  return (
    <div className="report-page itinerary" data-testid="itinerary">
      <div className="report-toolbar no-print">
        <a href={hrefFor({ name: 'visits', tab: 'plan' })}>{t('visits.itinerary.back')}</a>
        <button type="button" onClick={() => window.print()} data-testid="itinerary-print">
          {t('visits.itinerary.print')}
        </button>
      </div>
      <h2>
        {t('visits.itinerary.title')}: {leader ? displayName(leader.nameEn, leader.nameHi, lang) : ''}
      </h2>
      <p>
        {formatDate(date, lang)} · {t('visits.dayMap.sun', { sunrise: formatMinutes(route.sun.sunriseMin), sunset: formatMinutes(route.sun.sunsetMin) })}
        {route.base ? ` · ${t('visits.itinerary.base')}: ${route.base.name}` : ''}
        {leader?.helicopter ? ` · ${t(leader.helicopter.daylightOnly ? 'visits.heli.dayDaylightOnly' : 'visits.heli.dayAfterDark')}` : ''}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('visits.fields.time')}</th>
            <th>{t('visits.fields.venue')}</th>
            <th>{t('visits.fields.ac')}</th>
            <th>{t('visits.fields.capacity')}</th>
            <th>{t('visits.fields.status')}</th>
            <th>{t('visits.leg.title')}</th>
          </tr>
        </thead>
        <tbody>
          {route.stops.map((s) => {
            const leg = route.legs.find((l) => l.toVisitId === s.visit.id);
            return (
              <tr key={s.visit.id} data-testid="itinerary-stop">
                <td>{s.order}</td>
                <td>
                  {formatMinutes(s.visit.startMin)}–{formatMinutes(s.visit.startMin + s.visit.durationMin)}
                </td>
                <td>{displayName(s.venue.nameEn, s.venue.nameHi, lang)}</td>
                <td>{s.venue.acNo}</td>
                <td className="num">{formatNumber(s.venue.capacity, lang)}</td>
                <td>{t(`visits.status.${s.visit.status}`)}</td>
                <td>
                  {leg
                    ? `${leg.fromVisitId === BASE_STOP ? `${t('visits.leg.fromBase', { base: route.base?.name ?? '' })} · ` : ''}${formatMinutes(leg.departMin)} → ${formatMinutes(leg.arriveMin)} · ${t('visits.leg.label', { minutes: leg.minutes, mode: t(`visits.mode.${leg.mode}`) })} · ${leg.km} km`
                    : '—'}
                </td>
              </tr>
            );
          })}
          {route.legs
            .filter((l) => l.toVisitId === BASE_STOP)
            .map((l) => (
              <tr key="base-return" data-testid="itinerary-return">
                <td />
                <td>
                  {formatMinutes(l.departMin)}–{formatMinutes(l.arriveMin)}
                </td>
                <td colSpan={4}>{t('visits.leg.toBase', { base: route.base?.name ?? '' })}</td>
                <td>
                  {t('visits.leg.label', { minutes: l.minutes, mode: t(`visits.mode.${l.mode}`) })} · {l.km} km
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {route.stops.length === 0 && <p className="muted">{t('visits.dayMap.empty')}</p>}
      <h3>{t('visits.conflicts.title')}</h3>
      <ConflictList conflicts={conflicts} onSelect={() => undefined} />
    </div>
  );
}
