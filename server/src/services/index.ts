import adminRoles from './admin-roles';
import analytics from './analytics';
import assets from './assets';
import attribution from './attribution';
import commissionReview from './commission-review';
import commissions from './commissions';
import deals from './deals';
import health from './health';
import invitations from './invitations';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orderList from './order-list';
import orders from './orders';
import overview from './overview';
import partnerAccess from './partner-access';
import partnerApplications from './partner-applications';
import partnerDirectory from './partner-directory';
import partnerRole from './partner-role';
import partnerTeam from './partner-team';
import payouts from './payouts';
import programs from './programs';
import settings from './settings';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

export default {
  'admin-roles': adminRoles,
  analytics,
  assets,
  attribution,
  'commission-review': commissionReview,
  commissions,
  deals,
  health,
  invitations,
  jobs,
  notifications,
  'order-sync': orderSync,
  'order-list': orderList,
  orders,
  overview,
  'partner-access': partnerAccess,
  'partner-applications': partnerApplications,
  'partner-directory': partnerDirectory,
  'partner-role': partnerRole,
  'partner-team': partnerTeam,
  payouts,
  programs,
  settings,
  statements,
  stripe,
  tracking,
};
