import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes, parseMinutes } from '../../../../shared/domain/visits/dates';
import type { PlanningData, Suggestion, SuggestionsView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate } from '../../app/format';
import { useCreateVisit, useSuggest } from './queries';

function SuggestionRow({ s, plan, onDone }: { s: Suggestion; plan: PlanningData; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const create = useCreateVisit();
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(s.date);
  const [time, setTime] = useState(formatMinutes(s.startMin));
  const leader = plan.leaders.find((l) => l.id === s.leaderId);
  const venue = plan.venues.find((v) => v.id === s.venueId);
  const accept = () => {
    const startMin = parseMinutes(time) ?? s.startMin;
    create.mutate({ leaderId: s.leaderId, venueId: s.venueId, requestId: s.requestId, date, startMin, durationMin: s.durationMin }, { onSuccess: onDone });
  };
  return (
    <li data-testid="suggestion" data-request-id={s.requestId}>
      <div>
        <strong>{leader ? displayName(leader.nameEn, leader.nameHi, lang) : ''}</strong> · {venue ? displayName(venue.nameEn, venue.nameHi, lang) : ''} ·{' '}
        {formatDate(s.date, lang)} {formatMinutes(s.startMin)} · {t('visits.suggest.value', { value: s.value })}
      </div>
      {editing && (
        <div className="inline-form">
          <label>
            {t('visits.fields.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="suggestion-date" />
          </label>
          <label>
            {t('visits.fields.start')} <input type="time" value={time} onChange={(e) => setTime(e.target.value)} data-testid="suggestion-time" />
          </label>
        </div>
      )}
      <div className="card-actions">
        <button type="button" onClick={accept} disabled={create.isPending} data-testid="suggestion-accept">
          {t('visits.suggest.accept')}
        </button>
        <button type="button" onClick={() => setEditing((e) => !e)} data-testid="suggestion-edit">
          {t('common.edit')}
        </button>
        <button type="button" onClick={onDone} data-testid="suggestion-reject">
          {t('visits.suggest.reject')}
        </button>
      </div>
      <ErrorText error={create.error} />
    </li>
  );
}

/** Ask for a suggested tour, then accept, edit or reject each suggestion; unmet requests say why. */
export function SuggestionsPanel({ plan }: { plan: PlanningData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const suggest = useSuggest();
  const [result, setResult] = useState<SuggestionsView | null>(null);
  const [gone, setGone] = useState<Set<string>>(new Set());
  const run = () =>
    suggest.mutate(undefined, {
      onSuccess: (r) => {
        setResult(r);
        setGone(new Set());
      },
    });
  const pcName = (pcNo: number) => `${t('visits.fields.pc')} ${pcNo}`;
  const shown = result?.suggestions.filter((s) => !gone.has(s.requestId)) ?? [];
  return (
    <section className="panel" data-testid="suggestions-panel">
      <div className="panel-head">
        <h3>{t('visits.suggest.title')}</h3>
        <button type="button" onClick={run} disabled={!plan.canEdit || suggest.isPending} data-testid="suggest-run">
          {t('visits.suggest.run')}
        </button>
      </div>
      <p className="muted small">{t('visits.suggest.explain')}</p>
      <ErrorText error={suggest.error} />
      {result && (
        <>
          <p className="small" data-testid="suggest-summary">
            {t('visits.suggest.summary', { n: result.suggestions.length, unmet: result.unmet.length, ms: result.ms })}
          </p>
          <ul className="suggestions">
            {shown.map((s) => (
              <SuggestionRow key={s.requestId} s={s} plan={plan} onDone={() => setGone((g) => new Set(g).add(s.requestId))} />
            ))}
          </ul>
          {result.unmet.length > 0 && (
            <>
              <h4>{t('visits.suggest.unmetTitle')}</h4>
              <ul className="unmet" data-testid="unmet-list">
                {result.unmet.map((u) => {
                  const r = plan.requests.find((x) => x.id === u.requestId);
                  return (
                    <li key={u.requestId} data-testid="unmet" data-reason={u.reason}>
                      {r ? `${pcName(r.pcNo)} · ${r.requestedBy} · ${formatDate(r.preferredFrom, lang)}–${formatDate(r.preferredTo, lang)}` : u.requestId}:{' '}
                      {t(`visits.unmet.${u.reason}`, { blocked: u.blocked, tried: u.tried })}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
