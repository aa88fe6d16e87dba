import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_CATEGORIES, ORG_LEVELS, ROLES, type CompletenessRule, type Role } from '../../../../shared/domain/types';
import { ErrorText } from '../../app/ErrorText';
import { Loading } from '../../app/Loading';
import { useSession } from '../meta/queries';
import { useRules, useUpdateRule } from './queries';

/** Rules in hierarchy order (state → booth), categories in their declared order. */
export function sortRules(rules: readonly CompletenessRule[]): CompletenessRule[] {
  return [...rules].sort(
    (a, b) => ORG_LEVELS.indexOf(a.level) - ORG_LEVELS.indexOf(b.level) || COMMITTEE_CATEGORIES.indexOf(a.category) - COMMITTEE_CATEGORIES.indexOf(b.category),
  );
}

export function RulesPage() {
  const { t } = useTranslation();
  const rules = useRules();
  const session = useSession();
  const canEdit = session.data?.user?.role === 'state_admin';
  const [editing, setEditing] = useState<string | null>(null);

  if (rules.isPending) return <Loading />;
  if (rules.error) return <ErrorText error={rules.error} />;

  return (
    <div className="panel">
      <h1>{t('rules.title')}</h1>
      <p className="muted">{canEdit ? t('rules.helpAdmin') : t('rules.readOnly')}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="rules-table">
          <thead>
            <tr>
              <th>{t('rules.level')}</th>
              <th>{t('rules.category')}</th>
              <th>{t('rules.requiredRoles')}</th>
              <th className="num">{t('rules.minMembers')}</th>
              {canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {sortRules(rules.data).map((r) => {
              const key = `${r.level}-${r.category}`;
              return editing === key ? (
                <RuleEditor key={key} rule={r} onDone={() => setEditing(null)} />
              ) : (
                <tr key={key} data-testid={`rule-${key}`}>
                  <td>{t(`levels.${r.level}`)}</td>
                  <td>{t(`categories.${r.category}`)}</td>
                  <td>{r.requiredRoles.map((role) => t(`roles.${role}`)).join(', ') || '—'}</td>
                  <td className="num">{r.minMembers}</td>
                  {canEdit && (
                    <td>
                      <button type="button" onClick={() => setEditing(key)} aria-label={t('rules.editOf', { level: t(`levels.${r.level}`), category: t(`categories.${r.category}`) })}>
                        {t('common.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RuleEditor({ rule, onDone }: { rule: CompletenessRule; onDone: () => void }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(rule.requiredRoles);
  const [min, setMin] = useState(String(rule.minMembers));
  const update = useUpdateRule();
  const key = `${rule.level}-${rule.category}`;
  const toggle = (r: Role) => setRoles((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : ROLES.filter((x) => x === r || rs.includes(x))));
  const minNo = Number(min);
  const valid = Number.isInteger(minNo) && minNo >= 0 && minNo <= 200;
  return (
    <tr className="editing" data-testid={`rule-${key}`}>
      <td>{t(`levels.${rule.level}`)}</td>
      <td>{t(`categories.${rule.category}`)}</td>
      <td>
        <fieldset className="checks">
          <legend className="sr-only">{t('rules.requiredRoles')}</legend>
          {ROLES.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={roles.includes(r)} onChange={() => toggle(r)} />
              {t(`roles.${r}`)}
            </label>
          ))}
        </fieldset>
      </td>
      <td className="num">
        <label className="sr-only" htmlFor={`min-${key}`}>
          {t('rules.minMembers')}
        </label>
        <input id={`min-${key}`} type="number" min={0} max={200} value={min} onChange={(e) => setMin(e.target.value)} className="narrow" />
      </td>
      <td>
        <button
          type="button"
          className="primary"
          disabled={!valid || update.isPending}
          onClick={() => update.mutate({ level: rule.level, category: rule.category, requiredRoles: roles, minMembers: minNo }, { onSuccess: onDone })}
        >
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {!valid && <div className="error-text">{t('rules.minInvalid')}</div>}
        <ErrorText error={update.error} />
      </td>
    </tr>
  );
}
