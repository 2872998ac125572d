import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { safeNextPath } from '../../plugin/portal/next-path';
import { api, session, setUnauthorizedHandler, signOut as endSession } from './api/client';
import type { Me } from './api/types';
import { Loading } from './components/ui';
import { portalConfig } from './config';
import { useResource } from './use-resource';

interface SessionValue {
  me: Me;
  signOut: () => void;
  /** Reads `/me` again (after the partner changed its profile). */
  reloadMe: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export const useSession = (): SessionValue => {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <RequireSession>');
  return value;
};

/** The page the browser shows, as the router's path (without the portal's base path). */
const currentPage = () => {
  const { pathname, search } = window.location;
  const base = portalConfig.basename;
  const inRouter = base && pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return `${inRouter || '/'}${search}`;
};

const loginFor = (page: string, expired: boolean) =>
  `/login?${expired ? 'expired=1&' : ''}next=${encodeURIComponent(safeNextPath(page))}`;

/**
 * A session found over (401 after the one refresh allowed) lands on the login page, which brings
 * the partner back to the page it was on. The page is read when it happens, not when the handler
 * was set, and several requests failing together go there once: none targets the login page.
 */
export function UnauthorizedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      const page = currentPage();
      if (/^\/login(?:[/?#]|$)/i.test(page)) return;
      navigate(loginFor(page, true), { replace: true });
    });
  }, [navigate]);
  return null;
}

/** The signed-in part of the portal: needs a JWT, and a login that belongs to a partner. */
export function RequireSession({ children }: { children: ReactNode }) {
  const token = session.token();
  const location = useLocation();
  const navigate = useNavigate();
  // Loaded once per sign-in: a refreshed access token is the same session.
  const me = useResource(
    () => api.get<{ data: Me }>('/partners/portal/me').then((answer) => answer.data),
    token ? 'signed-in' : ''
  );
  if (!token) {
    return <Navigate to={loginFor(`${location.pathname}${location.search}`, false)} replace />;
  }
  const signOut = () => {
    void endSession().then(() => navigate('/login', { replace: true }));
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
    <SessionContext.Provider value={{ me: me.data, signOut, reloadMe: me.reload }}>
      {children}
    </SessionContext.Provider>
  );
}
