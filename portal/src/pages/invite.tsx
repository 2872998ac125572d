import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, startInvitedSession } from '../api/client';
import type { AcceptedInvitation, InvitationView } from '../api/types';
import { Brand } from '../components/layout';
import { ErrorNote, Loading } from '../components/ui';
import { useResource } from '../use-resource';

const MIN_PASSWORD = 8;

/**
 * `/invitation#<token>` (the mailed link: the fragment never reaches a server or its logs; older
 * links `/invitation/:token` and `/invite/:token` still open): the program terms, a password,
 * and the acceptance that creates the login. The token travels to the API in request bodies only.
 */
export function InvitePage() {
  const params = useParams();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '') || params.token || '';
  const navigate = useNavigate();
  const invitation = useResource(
    () =>
      api
        .post<{ data: InvitationView }>(
          '/partners/invitations/view',
          { data: { token } },
          { auth: false }
        )
        .then((answer) => answer.data),
    token
  );
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setError(new Error(`Choose a password of at least ${MIN_PASSWORD} characters.`));
      return;
    }
    if (password !== confirmation) {
      setError(new Error('The two passwords differ.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<{ data: AcceptedInvitation }>(
        '/partners/invitations/accept',
        { data: { token, password, acceptTerms: true } },
        { auth: false }
      );
      await startInvitedSession(answer.data.jwt, answer.data.user.email, password);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(caught as Error);
      setBusy(false);
    }
  };

  if (invitation.loading) return <Loading />;
  if (invitation.error) {
    const status = invitation.error instanceof ApiError ? invitation.error.status : 0;
    return (
      <main className="auth-page">
        <div className="auth-card">
          <Brand />
          <h1>
            {status === 410 ? 'This invitation was used or has expired' : 'Invitation not found'}
          </h1>
          <p className="muted">
            Ask the program team for a new invitation, or sign in if you already set a password.
          </p>
          <Link className="button button-primary button-block" to="/login">
            Go to sign in
          </Link>
        </div>
      </main>
    );
  }
  const data = invitation.data as InvitationView;

  return (
    <main className="auth-page">
      <form className="auth-card auth-card-wide" onSubmit={submit}>
        <Brand />
        <h1>Welcome, {data.partnerName}</h1>
        <p className="muted">
          Set a password for <strong>{data.email}</strong> and accept the program terms to open your
          partner portal.
        </p>
        {data.programs.map((program) => (
          <section key={program.slug} className="terms">
            <h2>
              {program.name} terms
              {program.termsVersion && (
                <span className="muted small"> · version {program.termsVersion}</span>
              )}
            </h2>
            <div className="terms-text">
              {program.terms || 'This program has no written terms.'}
            </div>
          </section>
        ))}
        <ErrorNote error={error} />
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Repeat the password</span>
          <input
            type="password"
            name="confirmation"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="acceptTerms"
            required
            checked={accepted}
            onChange={(event) => setAccepted(event.target.checked)}
          />
          <span>I have read and accept the terms above.</span>
        </label>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy || !accepted}
        >
          {busy ? 'Setting up your account…' : 'Accept and continue'}
        </button>
      </form>
    </main>
  );
}
