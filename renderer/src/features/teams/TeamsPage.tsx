import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { displayName, formatDate, formatNumber } from '../../app/format';
import { Loading } from '../../app/Loading';
import { RosterImport } from '../rosters/RosterImport';
import { RosterTools } from '../rosters/RosterTools';
import { UnitPicker } from '../rosters/UnitPicker';
import { useAddTeamMember, useAddWhatsapp, useControlRooms, useSetControlRoom, useTeam, useTeamCoverage, useWhatsapp } from './queries';

const TEAM_LEVELS = ['pc', 'district', 'block'] as const;
const GROUP_LEVELS = ['pc', 'district', 'ac', 'block', 'mandal'] as const;

const list = (s: string) =>
  s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Media and social-media team members, WhatsApp groups and the Lok Sabha control rooms. */
export function TeamsPage() {
  return (
    <div className="roster-page">
      <TeamSection />
      <RosterImport roster="teams" testId="teams" />
      <WhatsappSection />
      <RosterImport roster="whatsapp" testId="whatsapp" />
      <ControlRoomSection />
      <RosterImport roster="controlRooms" testId="control-rooms" />
    </div>
  );
}

function TeamSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [team, setTeam] = useState<'' | 'media' | 'social_media'>('');
  const [q, setQ] = useState('');
  const members = useTeam({ q, ...(team ? { team } : {}) });
  const coverage = useTeamCoverage();
  const add = useAddTeamMember();
  const [form, setForm] = useState({ team: 'media' as 'media' | 'social_media', nameEn: '', role: '', phone: '', handles: '' });
  const [unitId, setUnitId] = useState('');
  return (
    <section className="panel" data-testid="teams-section">
      <div className="toolbar">
        <h2>{t('teams.title')}</h2>
        <input type="search" className="no-print" placeholder={t('rosters.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <select className="no-print" value={team} onChange={(e) => setTeam(e.target.value as typeof team)} aria-label={t('teams.team')}>
          <option value="">{t('teams.allTeams')}</option>
          <option value="media">{t('teams.teams.media')}</option>
          <option value="social_media">{t('teams.teams.social_media')}</option>
        </select>
        <RosterTools roster="teams" />
      </div>
      {coverage.data && (
        <ul className="coverage-figures" data-testid="teams-coverage">
          {coverage.data.map((c) => (
            <li key={c.level} data-testid={`teams-coverage-${c.level}`}>
              {t('teams.coverage', {
                level: t(`levels.${c.level}`),
                both: formatNumber(c.both, lang),
                total: formatNumber(c.total, lang),
                media: formatNumber(c.media, lang),
                social: formatNumber(c.socialMedia, lang),
              })}
            </li>
          ))}
        </ul>
      )}
      {members.isPending ? (
        <Loading />
      ) : members.error ? (
        <ErrorText error={members.error} />
      ) : (
        <table className="data-table compact" data-testid="teams-table">
          <thead>
            <tr>
              <th>{t('teams.team')}</th>
              <th>{t('directives.unit')}</th>
              <th>{t('speakers.name')}</th>
              <th>{t('teams.role')}</th>
              <th>{t('speakers.phone')}</th>
              <th>{t('teams.handles')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.id}>
                <td>{t(`teams.teams.${m.team}`)}</td>
                <td>{displayName(m.unitNameEn, m.unitNameHi, lang)}</td>
                <td>{displayName(m.nameEn, m.nameHi, lang)}</td>
                <td>{m.role ?? ''}</td>
                <td className="mono">{m.phoneMasked ?? ''}</td>
                <td>
                  {Object.entries(m.handles)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-grid no-print">
        <select value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value as typeof form.team })} aria-label={t('teams.team')}>
          <option value="media">{t('teams.teams.media')}</option>
          <option value="social_media">{t('teams.teams.social_media')}</option>
        </select>
        <UnitPicker levels={TEAM_LEVELS} onChange={setUnitId} />
        <input placeholder={t('speakers.name')} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
        <input placeholder={t('teams.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} />
        <input placeholder={t('speakers.phone')} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
        <input placeholder={t('teams.handlesHelp')} value={form.handles} onChange={(e) => setForm({ ...form, handles: e.target.value })} />
        <button
          type="button"
          className="primary"
          disabled={add.isPending}
          onClick={() =>
            add.mutate({
              team: form.team,
              unitId,
              nameEn: form.nameEn || undefined,
              role: form.role || undefined,
              phone: form.phone || undefined,
              handles: Object.fromEntries(
                list(form.handles)
                  .map((h) => h.split(':').map((x) => x.trim()))
                  .filter((p) => p.length === 2 && p[0] && p[1]),
              ),
            })
          }
        >
          {t('teams.add')}
        </button>
      </div>
      <ErrorText error={add.error} />
    </section>
  );
}

function WhatsappSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const groups = useWhatsapp({ q });
  const add = useAddWhatsapp();
  const [form, setForm] = useState({ name: '', purpose: '', admins: '', memberCount: '', inviteLink: '' });
  const [unitId, setUnitId] = useState('');
  return (
    <section className="panel" data-testid="whatsapp-section">
      <div className="toolbar">
        <h2>{t('whatsapp.title')}</h2>
        <input type="search" className="no-print" placeholder={t('rosters.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <RosterTools roster="whatsapp" />
      </div>
      {groups.isPending ? (
        <Loading />
      ) : groups.error ? (
        <ErrorText error={groups.error} />
      ) : (
        <table className="data-table compact" data-testid="whatsapp-table">
          <thead>
            <tr>
              <th>{t('whatsapp.name')}</th>
              <th>{t('directives.unit')}</th>
              <th>{t('whatsapp.purpose')}</th>
              <th>{t('whatsapp.admins')}</th>
              <th>{t('whatsapp.members')}</th>
              <th>{t('whatsapp.lastUpdate')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g.id}>
                <td>{g.inviteLink ? <a href={g.inviteLink}>{g.name}</a> : g.name}</td>
                <td>
                  {t(`levels.${g.level}`)} · {displayName(g.unitNameEn, g.unitNameHi, lang)}
                </td>
                <td>{g.purpose ?? ''}</td>
                <td>{g.admins.join(', ')}</td>
                <td className="num">{g.memberCount != null ? formatNumber(g.memberCount, lang) : ''}</td>
                <td>{formatDate(g.lastUpdate, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-grid no-print">
        <input placeholder={t('whatsapp.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <UnitPicker levels={GROUP_LEVELS} onChange={setUnitId} />
        <input placeholder={t('whatsapp.purpose')} value={form.purpose} onChange={(e) => setForm({ ...form, purpose: e.target.value })} />
        <input placeholder={t('whatsapp.admins')} value={form.admins} onChange={(e) => setForm({ ...form, admins: e.target.value })} />
        <input placeholder={t('whatsapp.members')} inputMode="numeric" value={form.memberCount} onChange={(e) => setForm({ ...form, memberCount: e.target.value })} />
        <input placeholder={t('whatsapp.inviteLink')} value={form.inviteLink} onChange={(e) => setForm({ ...form, inviteLink: e.target.value })} />
        <button
          type="button"
          className="primary"
          disabled={add.isPending}
          onClick={() =>
            add.mutate({
              name: form.name,
              unitId,
              purpose: form.purpose || undefined,
              admins: list(form.admins),
              memberCount: form.memberCount ? Number(form.memberCount) : undefined,
              inviteLink: form.inviteLink || undefined,
            })
          }
        >
          {t('whatsapp.add')}
        </button>
      </div>
      <ErrorText error={add.error} />
    </section>
  );
}

function ControlRoomSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rooms = useControlRooms();
  const save = useSetControlRoom();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState({ setUp: true, address: '', openedOn: '', staff: '', phoneLines: '', storedLines: [] as string[], clearLines: false });
  if (rooms.isPending) return <Loading />;
  if (rooms.error) return <ErrorText error={rooms.error} />;
  const setUpCount = rooms.data.filter((r) => r.setUp).length;
  return (
    <section className="panel" data-testid="control-rooms-section">
      <div className="toolbar">
        <h2>{t('controlRooms.title')}</h2>
        <span data-testid="control-rooms-completeness">{t('controlRooms.completeness', { n: formatNumber(setUpCount, lang), total: formatNumber(rooms.data.length, lang) })}</span>
        <RosterTools roster="controlRooms" />
      </div>
      <table className="data-table compact" data-testid="control-rooms-table">
        <thead>
          <tr>
            <th>{t('compliance.pcs')}</th>
            <th>{t('controlRooms.setUp')}</th>
            <th>{t('offices.address')}</th>
            <th>{t('offices.openedOn')}</th>
            <th>{t('controlRooms.staff')}</th>
            <th>{t('controlRooms.phoneLines')}</th>
            <th className="no-print" />
          </tr>
        </thead>
        <tbody>
          {rooms.data.map((r) => (
            <tr key={r.pcUnitId} data-pc-unit-id={r.pcUnitId}>
              <td>{displayName(r.nameEn, r.nameHi, lang)}</td>
              <td>{r.setUp ? t('common.yes') : t('common.no')}</td>
              <td>{r.address ?? ''}</td>
              <td>{formatDate(r.openedOn, lang)}</td>
              <td>{r.staff.map((s) => `${s.name} (${s.role}, ${s.shift})`).join('; ')}</td>
              <td className="mono">{r.phoneLinesMasked.join(', ')}</td>
              <td className="no-print">
                <button
                  type="button"
                  onClick={() => {
                    setEditing(r.pcUnitId);
                    // Start from the stored values. The lines are only known masked, so the box starts empty and an
                    // untouched box keeps the stored lines (the service does the keeping).
                    setForm({
                      setUp: r.setUp,
                      address: r.address ?? '',
                      openedOn: r.openedOn ?? '',
                      staff: r.staff.map((s) => `${s.name} / ${s.role} / ${s.shift}`).join('\n'),
                      phoneLines: '',
                      storedLines: r.phoneLinesMasked,
                      clearLines: false,
                    });
                  }}
                >
                  {t('offices.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <div className="no-print" data-testid="control-room-form">
          <label>
            <input type="checkbox" checked={form.setUp} onChange={(e) => setForm({ ...form, setUp: e.target.checked })} /> {t('controlRooms.setUp')}
          </label>
          <div className="form-grid">
            <input placeholder={t('offices.address')} value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
            <input type="date" value={form.openedOn} onChange={(e) => setForm({ ...form, openedOn: e.target.value })} aria-label={t('offices.openedOn')} />
            <input
              placeholder={t(form.storedLines.length > 0 ? 'controlRooms.phoneLinesKeepHelp' : 'controlRooms.phoneLinesHelp')}
              aria-label={t('controlRooms.phoneLines')}
              value={form.phoneLines}
              disabled={form.clearLines}
              onChange={(e) => setForm({ ...form, phoneLines: e.target.value })}
            />
          </div>
          {form.storedLines.length > 0 && (
            <p data-testid="control-room-stored-lines">
              {t('controlRooms.storedLines', { lines: form.storedLines.join(', ') })}{' '}
              <label>
                <input type="checkbox" checked={form.clearLines} onChange={(e) => setForm({ ...form, clearLines: e.target.checked, phoneLines: '' })} /> {t('controlRooms.clearLines')}
              </label>
            </p>
          )}
          <label className="block-label">
            {t('controlRooms.staffHelp')}
            <textarea rows={3} value={form.staff} onChange={(e) => setForm({ ...form, staff: e.target.value })} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  pcUnitId: editing,
                  setUp: form.setUp,
                  address: form.address || undefined,
                  openedOn: form.openedOn || undefined,
                  staff: form.staff
                    .split('\n')
                    .map((l) => l.split('/').map((x) => x.trim()))
                    .filter((p) => p[0])
                    .map(([name, role = '', shift = '']) => ({ name, role, shift })),
                  // Omitted = keep the stored lines; typed lines replace them; the box ticked removes them.
                  ...(form.clearLines ? { phoneLines: [] } : list(form.phoneLines).length > 0 ? { phoneLines: list(form.phoneLines) } : {}),
                },
                { onSuccess: () => setEditing(null) },
              )
            }
          >
            {t('common.save')}
          </button>
          <ErrorText error={save.error} />
        </div>
      )}
    </section>
  );
}
