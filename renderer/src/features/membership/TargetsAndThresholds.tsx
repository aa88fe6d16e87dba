import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityThresholds } from '../../../../shared/domain/membershipIntegrity';
import type { MembershipArea } from '../../../../shared/ipc/views';
import { ErrorText } from '../../app/ErrorText';
import { Loading } from '../../app/Loading';
import { displayName, formatNumber, formatPct } from '../../app/format';
import { useImportJob, useInvalidateMembership, useMembershipDashboard, useSetTarget, useSetThresholds, useThresholds } from './queries';

const FIELDS: (keyof IntegrityThresholds)[] = ['maxPerHour', 'maxPerDay', 'nightFromHour', 'nightToHour', 'maxAtNight', 'phoneRunLength', 'manyOnOnePhone', 'maxShareOfElectorate'];

/** Shares are edited as percentages; everything else as whole numbers. */
const toInput = (k: keyof IntegrityThresholds, v: number) => (k === 'maxShareOfElectorate' ? String(Math.round(v * 1000) / 10) : String(v));
const fromInput = (k: keyof IntegrityThresholds, s: string) => (k === 'maxShareOfElectorate' ? Number(s) / 100 : Number(s));

/** The integrity thresholds: defaults shown beside each, editable by a state admin; saving recomputes every finding with a progress bar. */
function Thresholds() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const view = useThresholds();
  const save = useSetThresholds();
  const invalidate = useInvalidateMembership();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const status = job.data;
  const running = status?.state === 'running';
  useEffect(() => {
    if (view.data) setDraft(Object.fromEntries(FIELDS.map((k) => [k, toInput(k, view.data.values[k])])));
  }, [view.data]);
  const ended = useRef<string | null>(null);
  useEffect(() => {
    // Once a recompute ends, every figure and finding may have changed.
    if (status && status.state !== 'running' && ended.current !== status.id) {
      ended.current = status.id;
      void invalidate();
    }
  }, [status, invalidate]);
  if (!view.data) return <Loading />;
  const { defaults, canEdit } = view.data;
  return (
    <section className="panel" data-testid="thresholds">
      <h2>{t('membership.thresholds.title')}</h2>
      <p className="muted small">{canEdit ? t('membership.thresholds.help') : t('membership.thresholds.readOnly')}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const values = Object.fromEntries(FIELDS.map((k) => [k, fromInput(k, draft[k] ?? '')])) as unknown as IntegrityThresholds;
          const r = await save.mutateAsync(values);
          setJobId(r.jobId);
        }}
      >
        <table className="table small">
          <thead>
            <tr>
              <th>{t('membership.thresholds.rule')}</th>
              <th>{t('membership.thresholds.value')}</th>
              <th>{t('membership.thresholds.default')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((k) => (
              <tr key={k}>
                <td>
                  <label htmlFor={`threshold-${k}`}>{t(`membership.thresholds.fields.${k}`)}</label>
                </td>
                <td>
                  <input
                    id={`threshold-${k}`}
                    type="number"
                    step={k === 'maxShareOfElectorate' ? '0.1' : '1'}
                    min={0}
                    value={draft[k] ?? ''}
                    disabled={!canEdit || running}
                    onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                    data-testid={`threshold-${k}`}
                  />
                </td>
                <td className="muted">{toInput(k, defaults[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit && (
          <div className="field-row">
            <button type="submit" className="primary" disabled={running || save.isPending} data-testid="thresholds-save">
              {t('membership.thresholds.save')}
            </button>{' '}
            <button
              type="button"
              disabled={running}
              onClick={() => setDraft(Object.fromEntries(FIELDS.map((k) => [k, toInput(k, defaults[k])])))}
              data-testid="thresholds-defaults"
            >
              {t('membership.thresholds.useDefaults')}
            </button>
          </div>
        )}
      </form>
      <ErrorText error={save.error} testId="thresholds-error" />
      {status && (
        <div className="job" data-testid="recompute-job" data-state={status.state}>
          <progress max={1} value={status.progress} data-testid="recompute-progress" /> <span>{t(`membership.import.stages.${status.stage}`)}</span>
          {status.error && <div className="error-text">{status.error}</div>}
          {status.recomputed && (
            <p data-testid="recompute-result">{t('membership.thresholds.done', { n: formatNumber(status.recomputed.findingsOpen, lang) })}</p>
          )}
        </div>
      )}
    </section>
  );
}

function TargetRow({ a, set, canEdit }: { a: MembershipArea; set: boolean; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const save = useSetTarget();
  const [value, setValue] = useState(String(a.target));
  useEffect(() => setValue(String(a.target)), [a.target]);
  const pct = a.target > 0 ? Math.round((a.verified / a.target) * 1000) / 10 : null;
  return (
    <tr data-testid={`target-${a.code}`}>
      <td>{displayName(a.nameEn, a.nameHi, lang)}</td>
      <td>{formatNumber(a.claimed, lang)}</td>
      <td>{formatNumber(a.verified, lang)}</td>
      <td>
        {canEdit ? (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ unitCode: a.code, target: Math.max(0, Math.round(Number(value))) });
            }}
          >
            <input type="number" min={0} value={value} onChange={(e) => setValue(e.target.value)} aria-label={t('membership.targets.target')} data-testid={`target-input-${a.code}`} />{' '}
            <button type="submit" disabled={save.isPending} data-testid={`target-save-${a.code}`}>
              {t('common.save')}
            </button>
            <ErrorText error={save.error} />
          </form>
        ) : (
          formatNumber(a.target, lang)
        )}
      </td>
      <td className="muted small">{set ? t('membership.targets.set') : t('membership.targets.derived')}</td>
      <td>
        <progress max={100} value={Math.min(100, pct ?? 0)} /> <span data-testid={`target-pct-${a.code}`}>{formatPct(pct, lang) ?? t('common.noData')}</span>
      </td>
    </tr>
  );
}

/** Targets per district and assembly constituency (set by the state, else derived from electors) with progress against them. */
function Targets({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = useMembershipDashboard({ type: 'state' });
  const [level, setLevel] = useState<'district' | 'ac'>('district');
  if (!dash.data) return <Loading />;
  const set = new Set(dash.data.targetsSet.map((x) => x.unitCode));
  const rows = level === 'district' ? dash.data.byDistrict : dash.data.byAc;
  return (
    <section className="panel" data-testid="targets">
      <h2>{t('membership.targets.title')}</h2>
      <p className="muted small">{t('membership.targets.help', { share: formatPct(Math.round(dash.data.targetShare * 1000) / 10, lang) })}</p>
      <label>
        {t('membership.targets.level')}{' '}
        <select value={level} onChange={(e) => setLevel(e.target.value as 'district' | 'ac')} data-testid="targets-level">
          <option value="district">{t('membership.targets.districts')}</option>
          <option value="ac">{t('membership.targets.acs')}</option>
        </select>
      </label>
      <table className="table small">
        <thead>
          <tr>
            <th>{t('membership.panel.unit')}</th>
            <th>{t('membership.panel.claimed')}</th>
            <th>{t('membership.panel.verified')}</th>
            <th>{t('membership.targets.target')}</th>
            <th>{t('membership.targets.source')}</th>
            <th>{t('membership.targets.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <TargetRow key={a.code} a={a} set={set.has(a.code)} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TargetsAndThresholds() {
  const view = useThresholds();
  return (
    <>
      <ErrorText error={view.error} />
      <Targets canEdit={view.data?.canEdit ?? false} />
      <Thresholds />
    </>
  );
}
