import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes, parseMinutes } from '../../../../shared/domain/visits/dates';
import type { PlanningData, SuggestionView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate } from '../../app/format';
import { useAcceptSuggestion, useDecideSuggestion, useSuggest } from './queries';

function SuggestionRow({ s, plan }: { s: SuggestionView; plan: PlanningData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const accept = useAcceptSuggestion();
  const decide = useDecideSuggestion();
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(s.date);
  const [time, setTime] = useState(formatMinutes(s.startMin));
  const [venueId, setVenueId] = useState(s.venueId);
  const leader = plan.leaders.find((l) => l.id === s.leaderId);
  const venue = plan.venues.find((v) => v.id === s.venueId);
  const request = plan.requests.find((r) => r.id === s.requestId);
  const venues = plan.venues.filter((v) => v.pcNo === (request?.pcNo ?? venue?.pcNo));
  const onAccept = () => {
    const startMin = parseMinutes(time) ?? s.startMin;
    accept.mutate(editing ? { id: s.id, date, startMin, venueId } : { id: s.id });
  };
  const rejected = s.status === 'rejected';
  return (
    <li data-testid="suggestion" data-request-id={s.requestId} data-status={s.status} className={rejected ? 'muted' : undefined}>
      <div>
        <strong>{leader ? displayName(leader.nameEn, leader.nameHi, lang) : ''}</strong> · {venue ? displayName(venue.nameEn, venue.nameHi, lang) : ''} ·{' '}
        {formatDate(s.date, lang)} {formatMinutes(s.startMin)}–{formatMinutes(s.startMin + s.durationMin)} · {t('visits.suggest.value', { value: s.value })}
        {rejected && ` · ${t('visits.suggest.rejected')}`}
      </div>
      {editing && !rejected && (
        <div className="inline-form">
          <label>
            {t('visits.fields.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="suggestion-date" />
          </label>
          <label>
            {t('visits.fields.start')} <input type="time" value={time} onChange={(e) => setTime(e.target.value)} data-testid="suggestion-time" />
          </label>
          <label>
            {t('visits.fields.venue')}{' '}
            <select value={venueId} onChange={(e) => setVenueId(e.target.value)} data-testid="suggestion-venue">
              {venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {displayName(v.nameEn, v.nameHi, lang)} ({t('visits.fields.ac')} {v.acNo})
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {plan.canEdit && (
        <div className="card-actions">
          {rejected ? (
            <button type="button" onClick={() => decide.mutate({ id: s.id, status: 'open' })} disabled={decide.isPending} data-testid="suggestion-restore">
              {t('visits.suggest.restore')}
            </button>
          ) : (
            <>
              <button type="button" onClick={onAccept} disabled={accept.isPending} data-testid="suggestion-accept">
                {editing ? t('visits.suggest.acceptEdited') : t('visits.suggest.accept')}
              </button>
              <button type="button" onClick={() => setEditing((e) => !e)} data-testid="suggestion-edit">
                {t('common.edit')}
              </button>
              <button type="button" onClick={() => decide.mutate({ id: s.id, status: 'rejected' })} disabled={decide.isPending} data-testid="suggestion-reject">
                {t('visits.suggest.reject')}
              </button>
            </>
          )}
        </div>
      )}
      <ErrorText error={accept.error ?? decide.error} />
    </li>
  );
}

/**
 * Ask for a suggested tour, then accept (as is or edited), reject or restore each suggestion; unmet
 * requests say why. The tour is stored by the host, so it is still here after a reload or a restart.
 */
export function SuggestionsPanel({ plan }: { plan: PlanningData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const suggest = useSuggest();
  const result = plan.suggested;
  const pcName = (pcNo: number) => `${t('visits.fields.pc')} ${pcNo}`;
  const open = result?.suggestions.filter((s) => s.status === 'open') ?? [];
  return (
    <section className="panel" data-testid="suggestions-panel">
      <div className="panel-head">
        <h3>{t('visits.suggest.title')}</h3>
        <button type="button" onClick={() => suggest.mutate({})} disabled={!plan.canEdit || suggest.isPending} data-testid="suggest-run">
          {result ? t('visits.suggest.rerun') : t('visits.suggest.run')}
        </button>
      </div>
      <p className="muted small">{t('visits.suggest.explain')}</p>
      <ErrorText error={suggest.error} />
      {result && (
        <>
          <p className="small" data-testid="suggest-summary">
            {t('visits.suggest.summary', { n: open.length, unmet: result.unmet.length, ms: result.ms })} {t('visits.suggest.madeAt', { at: new Date(result.madeAt).toLocaleString(lang === 'hi' ? 'hi-IN' : 'en-IN', { timeZone: 'Asia/Kolkata' }) })}
          </p>
          <ul className="suggestions">
            {result.suggestions.map((s) => (
              <SuggestionRow key={s.id} s={s} plan={plan} />
            ))}
          </ul>
          {result.unmet.length > 0 && (
            <>
              <h4>{t('visits.suggest.unmetTitle')}</h4>
              <ul className="unmet" data-testid="unmet-list">
                {result.unmet.map((u) => {
                  const r = plan.requests.find((x) => x.id === u.requestId);
                  return (
                    <li key={u.id} data-testid="unmet" data-reason={u.reason}>
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
