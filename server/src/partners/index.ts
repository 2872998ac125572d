import agreements from './agreements';
import agreementsController from './controllers/agreements';
import applicationsController from './controllers/applications';
import dealsController from './controllers/deals';
import invitationsController from './controllers/invitations';
import partnerDirectoryController from './controllers/partner-directory';
import teamController from './controllers/team';
import deals from './deals';
import invitations from './invitations';
import partnerAccess from './partner-access';
import partnerAccount from './partner-account';
import partnerApplications from './partner-applications';
import partnerCreation from './partner-creation';
import partnerDirectory from './partner-directory';
import partnerProfile from './partner-profile';
import partnerRole from './partner-role';
import partnerTeam from './partner-team';
import payoutMethods from './payout-methods';
import { adminRoutes, contentApiRoutes } from './routes';

/**
 * Partners: applications, access, invitations, the directory, the Partner role, teams, deals and
 * the account.
 */
export const services = {
  agreements,
  deals,
  invitations,
  'partner-access': partnerAccess,
  'partner-account': partnerAccount,
  'partner-applications': partnerApplications,
  'partner-creation': partnerCreation,
  'partner-directory': partnerDirectory,
  'partner-profile': partnerProfile,
  'partner-role': partnerRole,
  'partner-team': partnerTeam,
  'payout-methods': payoutMethods,
};

export const controllers = {
  agreements: agreementsController,
  applications: applicationsController,
  deals: dealsController,
  invitations: invitationsController,
  'partner-directory': partnerDirectoryController,
  team: teamController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
