import * as React from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PartnersNav } from '../components/PartnersNav';
import { PermissionsProvider, usePermissions } from '../hooks/usePermissions';
import type { Ability } from '../permissions';
import { AssetsPage } from './assets/AssetsPage';
import { CommissionsPage } from './commissions/CommissionsPage';
import { DirectoryPage } from './directory/DirectoryPage';
import { OrdersPage } from './orders/OrdersPage';
import { OverviewPage } from './overview/OverviewPage';
import { PartnerPage } from './partners/PartnerPage';
import { PartnersPage } from './partners/PartnersPage';
import { PayoutsPage } from './payouts/PayoutsPage';
import { ProgramEditPage } from './programs/ProgramEditPage';
import { ProgramsPage } from './programs/ProgramsPage';
import { ReferralsPage } from './referrals/ReferralsPage';
import { SettingsPage } from './settings/SettingsPage';
import { StripeEventsPage } from './stripe-events/StripeEventsPage';

/** A page the signed-in admin may open, or Strapi's "no permissions" page. */
const Allowed = ({ ability, children }: { ability: Ability; children: React.ReactNode }) => {
  const can = usePermissions();
  if (can.isLoading) return <Page.Loading />;
  return can[ability] ? <>{children}</> : <Page.NoPermissions />;
};

const App = () => (
  <PermissionsProvider>
    <Layouts.Root sideNav={<PartnersNav />}>
      <Routes>
        <Route
          index
          element={
            <Allowed ability="read">
              <OverviewPage />
            </Allowed>
          }
        />
        <Route
          path="programs"
          element={
            <Allowed ability="read">
              <ProgramsPage />
            </Allowed>
          }
        />
        <Route
          path="programs/:id"
          element={
            <Allowed ability="read">
              <ProgramEditPage />
            </Allowed>
          }
        />
        <Route
          path="partners"
          element={
            <Allowed ability="read">
              <PartnersPage />
            </Allowed>
          }
        />
        <Route
          path="partners/:id"
          element={
            <Allowed ability="read">
              <PartnerPage />
            </Allowed>
          }
        />
        <Route
          path="directory"
          element={
            <Allowed ability="managePartners">
              <DirectoryPage />
            </Allowed>
          }
        />
        <Route
          path="referrals"
          element={
            <Allowed ability="read">
              <ReferralsPage />
            </Allowed>
          }
        />
        <Route
          path="orders"
          element={
            <Allowed ability="read">
              <OrdersPage />
            </Allowed>
          }
        />
        <Route
          path="commissions"
          element={
            <Allowed ability="read">
              <CommissionsPage />
            </Allowed>
          }
        />
        <Route
          path="payouts"
          element={
            <Allowed ability="managePayouts">
              <PayoutsPage />
            </Allowed>
          }
        />
        <Route
          path="assets"
          element={
            <Allowed ability="managePrograms">
              <AssetsPage />
            </Allowed>
          }
        />
        <Route
          path="settings"
          element={
            <Allowed ability="manageSettings">
              <SettingsPage />
            </Allowed>
          }
        />
        <Route
          path="stripe-events"
          element={
            <Allowed ability="manageStripeEvents">
              <StripeEventsPage />
            </Allowed>
          }
        />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Layouts.Root>
  </PermissionsProvider>
);

export default App;
