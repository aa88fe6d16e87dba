import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../../../shared/domain/visits/dates';
import { displayName, formatDate } from '../../app/format';
import type { CalendarBlock } from './shaping';
import { CAL_END_MIN, CAL_START_MIN, minutesAtOffset, PX_PER_MIN } from './shaping';

const HOURS = Array.from({ length: (CAL_END_MIN - CAL_START_MIN) / 60 + 1 }, (_, i) => CAL_START_MIN / 60 + i);

/**
 * A leader's calendar, one column per day. Visits are dragged (HTML drag and drop) to another time or
 * day; the drop position snaps to 15 minutes. It only draws and reports the move.
 */
export function Calendar({
  days,
  blocks,
  canEdit,
  selected,
  onSelect,
  onMove,
}: {
  days: readonly string[];
  blocks: Map<string, CalendarBlock[]>;
  canEdit: boolean;
  selected: string | null;
  onSelect: (visitId: string, date: string) => void;
  onMove: (visitId: string, date: string, startMin: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const height = (CAL_END_MIN - CAL_START_MIN) * PX_PER_MIN;
  return (
    <div className="calendar" data-testid="calendar" role="grid" aria-label={t('visits.calendar.label')}>
      <div className="cal-hours" style={{ height }} aria-hidden>
        {HOURS.map((h) => (
          <div key={h} className="cal-hour" style={{ top: (h * 60 - CAL_START_MIN) * PX_PER_MIN }}>
            {formatMinutes(h * 60)}
          </div>
        ))}
      </div>
      {days.map((date) => (
        <div key={date} className="cal-day">
          <div className="cal-day-head">{formatDate(date, lang)}</div>
          <div
            className="cal-col"
            data-testid={`cal-day-${date}`}
            data-date={date}
            style={{ height }}
            onDragOver={(e) => {
              if (canEdit) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              const data = e.dataTransfer.getData('text/plain');
              if (!data) return;
              const [visitId, duration, grabOffset] = data.split('|');
              const rect = e.currentTarget.getBoundingClientRect();
              const y = e.clientY - rect.top - Number(grabOffset || 0);
              onMove(visitId, date, minutesAtOffset(y, Number(duration)));
            }}
          >
            {HOURS.map((h) => (
              <div key={h} className="cal-line" style={{ top: (h * 60 - CAL_START_MIN) * PX_PER_MIN }} />
            ))}
            {(blocks.get(date) ?? []).map((b) => (
              <div
                key={b.visit.id}
                role="button"
                tabIndex={0}
                className={`cal-visit status-${b.visit.status}${b.conflicted ? ' conflicted' : ''}${selected === b.visit.id ? ' selected' : ''}`}
                data-testid="cal-visit"
                data-visit-id={b.visit.id}
                style={{ top: b.top, height: b.height, left: 3 + b.lane * 14, zIndex: 1 + b.lane }}
                draggable={canEdit && (b.visit.status === 'proposed' || b.visit.status === 'confirmed')}
                onDragStart={(e) => {
                  const rect = e.currentTarget.getBoundingClientRect();
                  e.dataTransfer.setData('text/plain', `${b.visit.id}|${b.visit.durationMin}|${Math.round(e.clientY - rect.top)}`);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => onSelect(b.visit.id, date)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onSelect(b.visit.id, date);
                }}
                title={t(`visits.status.${b.visit.status}`)}
              >
                <span className="cal-time">
                  {formatMinutes(b.visit.startMin)}–{formatMinutes(b.visit.startMin + b.visit.durationMin)}
                </span>{' '}
                <span className="cal-venue">{b.venue ? displayName(b.venue.nameEn, b.venue.nameHi, lang) : ''}</span>
                {b.conflicted && <span className="cal-flag" aria-label={t('visits.conflicts.flag')}> ⚠</span>}
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
