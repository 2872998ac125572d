import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, session, setUnauthorizedHandler } from './api/client';
import type { Me } from './api/types';
import { Loading } from './components/ui';
import { useResource } from './use-resource';

interface SessionValue {
  me: Me;
  signOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export const useSession = (): SessionValue => {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <RequireSession>');
  return value;
};

/** A 401 from any signed-in request (expired or revoked JWT) lands on the login page. */
export function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthorizedHandler(() =>
      navigate(`/login?expired=1&next=${encodeURIComponent(location.pathname)}`, {
        replace: true,
      })
    );
  }, [navigate, location.pathname]);
  return null;
}

/** The signed-in part of the portal: needs a JWT, and a login that belongs to a partner. */
export function RequireSession({ children }: { children: ReactNode }) {
  const token = session.token();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useResource(
    () => api.get<{ data: Me }>('/partners/portal/me').then((answer) => answer.data),
    token ?? ''
  );
  if (!token) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  const signOut = () => {
    session.clear();
    navigate('/login', { replace: true });
  };
  if (me.error) {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <h1>No access</h1>
          <p className="muted">
            {me.error.message === 'Forbidden' || me.error.message === 'Policy Failed'
              ? 'This login does not belong to an approved partner account.'
              : me.error.message}
          </p>
          <button type="button" className="button button-primary" onClick={signOut}>
            Sign in with another account
          </button>
        </div>
      </main>
    );
  }
  if (!me.data) return <Loading />;
  return (
    <SessionContext.Provider value={{ me: me.data, signOut }}>{children}</SessionContext.Provider>
  );
}
