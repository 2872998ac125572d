import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Listed, SubPartner, TeamMember } from '../api/types';
import {
  Card,
  CopyButton,
  ErrorNote,
  ListBody,
  Loading,
  PageHeader,
  StatusBadge,
} from '../components/ui';
import { date, moneyList } from '../format';
import { useSession } from '../session';
import { useResource } from '../use-resource';

function Members() {
  const team = useResource(() => api.get<Listed<TeamMember>>('/partners/portal/team'), 'team');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [invited, setInvited] = useState<string | null>(null);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setInvited(null);
    try {
      await api.post('/partners/portal/team', { data: { email: email.trim() } });
      setInvited(email.trim());
      setEmail('');
      team.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const remove = async (member: TeamMember & { id: number }) => {
    if (!window.confirm(`Remove ${member.email} from your team?`)) return;
    setError(null);
    try {
      await api.delete(`/partners/portal/team/${member.id}`);
      team.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <Card title="Team members">
      <p className="muted">Everyone here signs in with their own login and sees this account.</p>
      <ErrorNote error={team.error ?? error} />
      {team.loading && !team.data ? (
        <Loading />
      ) : (
        <ul className="member-list">
          {(team.data?.data ?? []).map((member) => (
            <li key={member.id ?? member.email}>
              <div>
                <div>
                  {member.email}
                  {member.isYou && <span className="badge badge-neutral">You</span>}
                  {member.status !== 'active' && <StatusBadge status={member.status} />}
                </div>
                {member.invitedAt && (
                  <div className="muted small">invited {date(member.invitedAt)}</div>
                )}
              </div>
              {!member.isYou && member.id !== null && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => remove({ ...member, id: member.id as number })}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={invite}>
        <input
          type="email"
          aria-label="Email"
          placeholder="colleague@agency.com"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          Invite
        </button>
      </form>
      {invited && <p className="notice notice-success">Invitation sent to {invited}.</p>}
    </Card>
  );
}

/** Two-tier programs: the recruit link and what each recruit earned the partner. */
function SubPartners() {
  const { me } = useSession();
  const subPartners = useResource(
    () => api.get<Listed<SubPartner>>('/partners/portal/sub-partners'),
    'sub-partners'
  );
  const recruitUrl = subPartners.data?.meta?.recruitUrl ?? me.recruitUrl;
  const rows = subPartners.data?.data ?? [];
  const currency = me.programs[0]?.currency ?? 'USD';
  return (
    <Card title="Sub-partners">
      {recruitUrl && (
        <div className="built-link">
          <code>{recruitUrl}</code>
          <CopyButton text={recruitUrl} />
        </div>
      )}
      <ListBody
        resource={subPartners}
        rows={rows.length}
        empty="No sub-partners yet. Share your recruit link with other partners."
      >
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Partner</th>
                <th>Joined</th>
                <th className="numeric">Your earnings from them</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  <td>{row.name}</td>
                  <td>{date(row.joinedAt)}</td>
                  <td className="numeric">{moneyList(row.earnings, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListBody>
    </Card>
  );
}

export function TeamPage() {
  const { me } = useSession();
  const twoTier = me.programs.some((program) => program.tierMode === 'two-tier');
  return (
    <>
      <PageHeader
        title="Team"
        description="Logins of your organisation, and partners you recruited."
      />
      <Members />
      {(twoTier || me.recruitUrl) && <SubPartners />}
    </>
  );
}
