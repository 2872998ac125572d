import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../../../plugin/portal/next-path';
import { signIn } from '../api/client';
import { Brand } from '../components/layout';
import { ErrorNote } from '../components/ui';
import { portalConfig } from '../config';

/**
 * Sign-in with Strapi's own users-permissions login (`POST /api/auth/local`), then back to `next`
 * when it is a page of the portal (never the login page itself, never another site).
 */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [identifier, setIdentifier] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(identifier, password);
      navigate(safeNextPath(params.get('next'), portalConfig.basename), { replace: true });
    } catch (caught) {
      setError(
        caught instanceof Error && /invalid identifier or password/i.test(caught.message)
          ? new Error('The email or password is not correct.')
          : caught instanceof Error
            ? caught
            : new Error('Signing in failed. Please try again.')
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit}>
        <Brand />
        <h1>Sign in</h1>
        {params.get('expired') && (
          <p className="notice">Your session has ended. Please sign in again.</p>
        )}
        {params.get('welcome') && (
          <p className="notice notice-success">Your account is ready. Sign in to continue.</p>
        )}
        <ErrorNote error={error} />
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={identifier}
            onChange={(event) => setIdentifier(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
