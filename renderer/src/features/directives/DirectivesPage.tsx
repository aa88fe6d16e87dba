import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIVE_TARGET_LEVELS, DONE_RULES, MEETING_LEVELS, type DirectiveTargetLevel, type DoneRule, type MeetingLevel } from '../../../../shared/domain/directives';
import type { DirectiveView, MeetingView, UnitSummary } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber, formatPct } from '../../app/format';
import { Loading } from '../../app/Loading';
import { EvidenceFiles } from './EvidenceFiles';
import { UnitPicker } from '../rosters/UnitPicker';
import { useCreateMeeting, useDirective, useEvidence, useMarkDirective, useMeetings } from './queries';
import { UnitMultiSelect } from './UnitMultiSelect';

/** Meetings with the directives recorded from them, and each directive's status per unit. */
export function DirectivesPage({ directiveId }: { directiveId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meetings = useMeetings();
  if (directiveId) return <DirectiveDetailView id={directiveId} />;
  return (
    <div className="directives-page">
      <MeetingForm />
      <section className="panel">
        <h2>{t('meetings.listTitle')}</h2>
        {meetings.isPending ? (
          <Loading />
        ) : meetings.error ? (
          <ErrorText error={meetings.error} />
        ) : (
          meetings.data.map((m) => (
            <article key={m.id} className="meeting" data-testid="meeting">
              <h3>
                {formatDate(m.heldOn, lang)} · {t(`levels.${m.level}`)} · {displayName(m.unitNameEn, m.unitNameHi, lang)} · {t(`meetings.modes.${m.mode}`)}
              </h3>
              {m.chair && <p className="muted">{t('meetings.chairedBy', { chair: m.chair })}</p>}
              <MeetingDetails meeting={m} />
              {m.directives.length > 0 && <DirectiveList directives={m.directives} />}
            </article>
          ))
        )}
      </section>
    </div>
  );
}

/** Attendees, agenda and minutes of a meeting, folded away under one line so the list stays scannable. */
function MeetingDetails({ meeting: m }: { meeting: MeetingView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (m.attendees.length === 0 && !m.agenda && !m.minutes) return null;
  return (
    <details className="meeting-details" data-testid="meeting-details">
      <summary>{t('meetings.detailsSummary', { n: formatNumber(m.attendees.length, lang) })}</summary>
      {m.attendees.length > 0 && (
        <>
          <h4>{t('meetings.attendees')}</h4>
          <ul data-testid="meeting-attendees-list">
            {m.attendees.map((a, i) => (
              <li key={i}>{a.role ? `${a.name} – ${a.role}` : a.name}</li>
            ))}
          </ul>
        </>
      )}
      {m.agenda && (
        <>
          <h4>{t('meetings.agenda')}</h4>
          <p className="pre-wrap" data-testid="meeting-agenda">
            {m.agenda}
          </p>
        </>
      )}
      {m.minutes && (
        <>
          <h4>{t('meetings.minutes')}</h4>
          <p className="pre-wrap" data-testid="meeting-minutes">
            {m.minutes}
          </p>
        </>
      )}
    </details>
  );
}

export function DirectiveList({ directives }: { directives: DirectiveView[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <table className="data-table compact" data-testid="directive-list">
      <thead>
        <tr>
          <th>{t('directives.text')}</th>
          <th>{t('directives.appliesTo')}</th>
          <th>{t('directives.deadline')}</th>
          <th>{t('directives.done')}</th>
          <th>{t('directives.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {directives.map((d) => (
          <tr key={d.id} data-testid="directive-row">
            <td>
              <a href={`#/directives/${d.id}`}>{displayName(d.textEn, d.textHi, lang)}</a>
            </td>
            <td data-testid="directive-applies-to">
              {d.targetUnitIds
                ? t('directives.appliesChosen', { n: formatNumber(d.targetUnitIds.length, lang), level: t(`levels.${d.targetLevel}`) })
                : t('directives.everyUnit', { level: t(`levels.${d.targetLevel}`) })}
            </td>
            <td>{formatDate(d.deadlineDate, lang)}</td>
            <td className="num">
              {formatNumber(d.counts.done, lang)} / {formatNumber(d.counts.total, lang)} ({formatPct(d.counts.pct, lang) ?? t('common.noData')})
            </td>
            <td className="num">{formatNumber(d.counts.overdue, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MeetingForm() {
  const { t } = useTranslation();
  const create = useCreateMeeting();
  const [heldOn, setHeldOn] = useState('');
  const [level, setLevel] = useState<MeetingLevel>('state');
  const [unitId, setUnitId] = useState('');
  const pickUnit = useCallback((id: string, l: MeetingLevel) => {
    setUnitId(id);
    setLevel(l);
  }, []);
  const [mode, setMode] = useState<'in_person' | 'virtual'>('in_person');
  const [chair, setChair] = useState('');
  const [attendees, setAttendees] = useState('');
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const [withDirective, setWithDirective] = useState(true);
  const [textEn, setTextEn] = useState('');
  const [textHi, setTextHi] = useState('');
  const [targetLevel, setTargetLevel] = useState<DirectiveTargetLevel>('block');
  const [targetMode, setTargetMode] = useState<'all' | 'levels' | 'chosen'>('all');
  const [extraLevels, setExtraLevels] = useState<DirectiveTargetLevel[]>([]);
  // "Every unit of several levels" is recorded as one directive per level, each with its own status per unit.
  const levelsToCreate = targetMode === 'levels' ? DIRECTIVE_TARGET_LEVELS.filter((l) => l === targetLevel || extraLevels.includes(l)) : [targetLevel];
  const [targetUnits, setTargetUnits] = useState<UnitSummary[]>([]);
  const [rule, setRule] = useState<DoneRule>('party_office');
  const [deadlineType, setDeadlineType] = useState<'days' | 'date'>('days');
  const [days, setDays] = useState('30');
  const [date, setDate] = useState('');

  const submit = () => {
    // "Name – role" per line; a line without a dash is a name with no role given.
    const people = attendees
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [name, ...role] = l.split(/\s+[–-]\s+/);
        return { name: name.trim(), role: role.join(' - ').trim() };
      });
    create.mutate(
      {
        heldOn,
        level,
        unitId,
        mode,
        chair: chair || undefined,
        attendees: people,
        agenda: agenda || undefined,
        minutes: minutes || undefined,
        directives: withDirective
          ? levelsToCreate.map((l) => ({
              textEn: textEn || undefined,
              textHi: textHi || undefined,
              targetLevel: l,
              ...(targetMode === 'chosen' ? { targetUnitIds: targetUnits.map((u) => u.id) } : {}),
              deadline: deadlineType === 'days' ? { type: 'days' as const, days: Number(days) } : { type: 'date' as const, date },
              doneRule: rule,
            }))
          : [],
      },
      {
        onSuccess: (m) => {
          if (m.directives[0]) window.location.hash = `#/directives/${m.directives[0].id}`;
        },
      },
    );
  };

  return (
    <section className="panel no-print" data-testid="meeting-form">
      <h1>{t('meetings.record')}</h1>
      <div className="form-grid">
        <label>
          {t('meetings.heldOn')} <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} data-testid="meeting-date" />
        </label>
        <UnitPicker levels={MEETING_LEVELS} onChange={pickUnit} testId="meeting" />
        <label>
          {t('meetings.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} data-testid="meeting-mode">
            <option value="in_person">{t('meetings.modes.in_person')}</option>
            <option value="virtual">{t('meetings.modes.virtual')}</option>
          </select>
        </label>
        <label>
          {t('meetings.chair')} <input value={chair} onChange={(e) => setChair(e.target.value)} data-testid="meeting-chair" />
        </label>
      </div>
      <label className="block-label">
        {t('meetings.attendees')}
        <textarea rows={3} value={attendees} onChange={(e) => setAttendees(e.target.value)} placeholder={t('meetings.attendeesHelp')} data-testid="meeting-attendees" />
      </label>
      <label className="block-label">
        {t('meetings.agenda')}
        <textarea rows={2} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      </label>
      <label className="block-label">
        {t('meetings.minutes')}
        <textarea rows={3} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <fieldset>
        <legend>
          <label>
            <input type="checkbox" checked={withDirective} onChange={(e) => setWithDirective(e.target.checked)} /> {t('directives.add')}
          </label>
        </legend>
        {withDirective && (
          <div className="form-grid">
            <label>
              {t('directives.textEn')} <input value={textEn} onChange={(e) => setTextEn(e.target.value)} data-testid="directive-text-en" />
            </label>
            <label>
              {t('directives.textHi')} <input value={textHi} onChange={(e) => setTextHi(e.target.value)} data-testid="directive-text-hi" />
            </label>
            <label>
              {t('directives.targetLevel')}{' '}
              <select
                value={targetLevel}
                onChange={(e) => {
                  setTargetLevel(e.target.value as DirectiveTargetLevel);
                  setTargetUnits([]);
                }}
                data-testid="directive-target-level"
              >
                {DIRECTIVE_TARGET_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="inline-choice">
              <legend>{t('directives.appliesTo')}</legend>
              <label>
                <input type="radio" name="directive-target-mode" checked={targetMode === 'all'} onChange={() => setTargetMode('all')} data-testid="directive-target-all" />{' '}
                {t('directives.everyUnit', { level: t(`levels.${targetLevel}`) })}
              </label>
              <label>
                <input type="radio" name="directive-target-mode" checked={targetMode === 'levels'} onChange={() => setTargetMode('levels')} data-testid="directive-target-levels" />{' '}
                {t('directives.severalLevels')}
              </label>
              <label>
                <input type="radio" name="directive-target-mode" checked={targetMode === 'chosen'} onChange={() => setTargetMode('chosen')} data-testid="directive-target-chosen" />{' '}
                {t('directives.chosenUnitsOf', { level: t(`levels.${targetLevel}`) })}
              </label>
            </fieldset>
            {targetMode === 'levels' && (
              <fieldset className="inline-choice" data-testid="directive-levels">
                <legend>{t('directives.everyUnitOfLevels')}</legend>
                {DIRECTIVE_TARGET_LEVELS.map((l) => (
                  <label key={l}>
                    <input
                      type="checkbox"
                      checked={l === targetLevel || extraLevels.includes(l)}
                      disabled={l === targetLevel}
                      onChange={(e) => setExtraLevels(e.target.checked ? [...extraLevels, l] : extraLevels.filter((x) => x !== l))}
                      data-testid={`directive-level-${l}`}
                    />{' '}
                    {t(`levels.${l}`)}
                  </label>
                ))}
              </fieldset>
            )}
            {targetMode === 'chosen' && <UnitMultiSelect level={targetLevel} chosen={targetUnits} onChange={setTargetUnits} testId="directive-units" />}
            <label>
              {t('directives.rule')}{' '}
              <select value={rule} onChange={(e) => setRule(e.target.value as DoneRule)} data-testid="directive-rule">
                {DONE_RULES.map((r) => (
                  <option key={r} value={r}>
                    {t(`directives.rules.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('directives.deadline')}{' '}
              <select value={deadlineType} onChange={(e) => setDeadlineType(e.target.value as 'days' | 'date')} data-testid="directive-deadline-type">
                <option value="days">{t('directives.withinDays')}</option>
                <option value="date">{t('directives.byDate')}</option>
              </select>
            </label>
            {deadlineType === 'days' ? (
              <label>
                {t('directives.days')} <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} data-testid="directive-days" />
              </label>
            ) : (
              <label>
                {t('directives.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="directive-date" />
              </label>
            )}
          </div>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="button" className="primary" onClick={submit} disabled={create.isPending || !heldOn || !unitId || (withDirective && targetMode === 'chosen' && targetUnits.length === 0)} data-testid="meeting-save">
          {t('meetings.save')}
        </button>
      </div>
      <ErrorText error={create.error} />
    </section>
  );
}

function DirectiveDetailView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filter, setFilter] = useState<'all' | 'pending' | 'done' | 'overdue'>('all');
  const detail = useDirective({ id });
  const mark = useMarkDirective();
  const evidence = useEvidence(id);
  const [note, setNote] = useState('');
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorText error={detail.error} />;
  const d = detail.data;
  const units = d.units.filter((u) => filter === 'all' || u.status === filter);
  return (
    <section className="panel" data-testid="directive-detail">
      <a href="#/directives" className="no-print">
        {t('directives.back')}
      </a>
      <h1>{displayName(d.textEn, d.textHi, lang)}</h1>
      <p>
        {t('directives.summary', {
          date: formatDate(d.meetingDate, lang),
          deadline: formatDate(d.deadlineDate, lang),
          rule: t(`directives.rules.${d.doneRule}`),
        })}
      </p>
      <ul className="counts" data-testid="directive-counts">
        <li data-testid="count-done">{t('directives.countDone', { n: formatNumber(d.counts.done, lang) })}</li>
        <li data-testid="count-pending">{t('directives.countPending', { n: formatNumber(d.counts.pending, lang) })}</li>
        <li data-testid="count-overdue">{t('directives.countOverdue', { n: formatNumber(d.counts.overdue, lang) })}</li>
      </ul>
      <select value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)} data-testid="directive-filter" className="no-print">
        {(['all', 'pending', 'done', 'overdue'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`compliance.status.${s}`)}
          </option>
        ))}
      </select>
      {d.doneRule === 'manual' && (
        <label className="block-label no-print">
          {t('directives.evidence')} <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="directive-evidence" />
        </label>
      )}
      <ErrorText error={mark.error} />
      <div className="table-scroll">
        <table className="data-table compact" data-testid="directive-units">
          <thead>
            <tr>
              <th>{t('directives.unit')}</th>
              <th>{t('directives.status')}</th>
              <th>{t('directives.daysOverdue')}</th>
              <th>{t('directives.evidence')}</th>
              {d.doneRule === 'manual' && <th className="no-print" />}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId} data-unit-id={u.unitId} data-status={u.status} className={`status-${u.status}`}>
                <td>{displayName(u.nameEn, u.nameHi, lang)}</td>
                <td data-testid="unit-status">{t(`compliance.status.${u.status}`)}</td>
                <td className="num">{u.status === 'overdue' ? formatNumber(u.daysOverdue, lang) : ''}</td>
                <td>
                  {u.evidence ?? ''}
                  {d.doneRule === 'manual' && <EvidenceFiles directiveId={d.id} unitId={u.unitId} files={(evidence.data ?? []).filter((f) => f.unitId === u.unitId)} />}
                </td>
                {d.doneRule === 'manual' && (
                  <td className="no-print">
                    {u.status !== 'done' && (
                      <button type="button" disabled={!note.trim() || mark.isPending} onClick={() => mark.mutate({ directiveId: d.id, unitId: u.unitId, note })}>
                        {t('directives.markDone')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
