import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { portalConfig } from '../config';
import { useSession } from '../session';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/referrals', label: 'Referrals' },
  { to: '/commissions', label: 'Commissions' },
  { to: '/statements', label: 'Statements' },
  { to: '/payouts', label: 'Payouts' },
  { to: '/assets', label: 'Assets' },
  { to: '/agreements', label: 'Agreements' },
  { to: '/leads', label: 'Leads & deals' },
  { to: '/team', label: 'Team' },
  { to: '/profile', label: 'Profile' },
  { to: '/listing', label: 'Directory listing' },
];

export function Brand() {
  return (
    <span className="brand">
      {portalConfig.logoUrl ? (
        <img src={portalConfig.logoUrl} alt="" className="brand-logo" />
      ) : (
        <span className="brand-mark" aria-hidden="true">
          {portalConfig.title.charAt(0).toUpperCase()}
        </span>
      )}
      <span className="brand-title">{portalConfig.title}</span>
    </span>
  );
}

/** Sidebar on wide screens; a top bar with a menu button below 900 px. */
export function Layout() {
  const { me, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  // A new page: close the phone menu and start at the top, as a full page load would.
  useEffect(() => {
    setOpen(false);
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className={`shell ${open ? 'nav-open' : ''}`}>
      <aside className="sidebar">
        <div className="sidebar-top">
          <Brand />
          <button
            type="button"
            className="menu-button"
            aria-label={open ? 'Close menu' : 'Open menu'}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <span />
            <span />
            <span />
          </button>
        </div>
        <nav className="nav" aria-label="Portal">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="account">
          <div className="account-name">{me.partner.name}</div>
          <div className="muted small">{me.user.email}</div>
          <button type="button" className="link-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </aside>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
