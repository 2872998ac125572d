import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/layout';
import { portalConfig } from './config';
import { ApplyPage } from './pages/apply';
import { AgreementsPage } from './pages/agreements';
import { AssetsPage } from './pages/assets';
import { CommissionsPage } from './pages/commissions';
import { DashboardPage } from './pages/dashboard';
import { InvitePage } from './pages/invite';
import { LeadsPage } from './pages/leads';
import { ListingPage } from './pages/listing';
import { LoginPage } from './pages/login';
import { PayoutsPage } from './pages/payouts';
import { ProfilePage } from './pages/profile';
import { ReferralsPage } from './pages/referrals';
import { StatementsPage } from './pages/statements';
import { TeamPage } from './pages/team';
import { RequireSession, UnauthorizedRedirect } from './session';

export function App() {
  return (
    <BrowserRouter basename={portalConfig.basename || undefined}>
      <UnauthorizedRedirect />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invitation" element={<InvitePage />} />
        <Route path="/invitation/:token" element={<InvitePage />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="/apply/:programSlug" element={<ApplyPage />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="/referrals" element={<ReferralsPage />} />
          <Route path="/commissions" element={<CommissionsPage />} />
          <Route path="/statements" element={<StatementsPage />} />
          <Route path="/payouts" element={<PayoutsPage />} />
          <Route path="/assets" element={<AssetsPage />} />
          <Route path="/agreements" element={<AgreementsPage />} />
          <Route path="/leads" element={<LeadsPage />} />
          <Route path="/team" element={<TeamPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/listing" element={<ListingPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
