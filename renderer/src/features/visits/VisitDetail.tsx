import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../../../shared/domain/visits/dates';
import type { VisitStatus } from '../../../../shared/domain/visits/types';
import type { PlanningData } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate } from '../../app/format';
import { useUpdateVisit } from './queries';
import type { RouteLeg } from './shaping';

const NEXT: Record<VisitStatus, VisitStatus[]> = {
  proposed: ['confirmed', 'cancelled'],
  confirmed: ['held', 'cancelled', 'proposed'],
  held: [],
  cancelled: ['proposed'],
};

/** The selected visit: its status buttons and the arriving leg's override (a known travel time). */
export function VisitDetail({ plan, visitId, arriving }: { plan: PlanningData; visitId: string; arriving: RouteLeg | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const update = useUpdateVisit();
  const v = plan.visits.find((x) => x.id === visitId);
  const [override, setOverride] = useState<string>(v?.legOverrideMin != null ? String(v.legOverrideMin) : '');
  if (!v) return null;
  const venue = plan.venues.find((x) => x.id === v.venueId);
  return (
    <div className="card" data-testid="visit-detail">
      <div className="card-head">
        <strong>{venue ? displayName(venue.nameEn, venue.nameHi, lang) : ''}</strong>
        <span className={`badge status-${v.status}`} data-testid="visit-status">
          {t(`visits.status.${v.status}`)}
        </span>
      </div>
      <div className="small">
        {formatDate(v.date, lang)} {formatMinutes(v.startMin)}–{formatMinutes(v.startMin + v.durationMin)} · {t('visits.fields.ac')} {venue?.acNo}
      </div>
      {plan.canEdit && (
        <div className="card-actions">
          {NEXT[v.status].map((s) => (
            <button key={s} type="button" data-testid={`visit-to-${s}`} onClick={() => update.mutate({ id: v.id, status: s })}>
              {t(`visits.statusAction.${s}`)}
            </button>
          ))}
        </div>
      )}
      {arriving && (
        <div className="inline-form">
          <span className="small">
            {t('visits.leg.arriving', { minutes: arriving.minutes, km: arriving.km, mode: t(`visits.mode.${arriving.mode}`) })}
            {arriving.overridden ? ` (${t('visits.leg.overridden')})` : ''}
          </span>
          {plan.canEdit && (
            <>
              <label>
                {t('visits.leg.override')}{' '}
                <input type="number" min={0} max={1440} value={override} onChange={(e) => setOverride(e.target.value)} data-testid="leg-override" style={{ width: 80 }} />
              </label>
              <button type="button" data-testid="leg-override-save" onClick={() => update.mutate({ id: v.id, legOverrideMin: override === '' ? null : Number(override) })}>
                {t('common.save')}
              </button>
            </>
          )}
        </div>
      )}
      <ErrorText error={update.error} />
    </div>
  );
}
