import adminRoles from './admin-roles';
import analytics from './analytics';
import assets from './assets';
import attribution from './attribution';
import commissionReview from './commission-review';
import commissions from './commissions';
import emailTemplates from './email-templates';
import deals from './deals';
import health from './health';
import invitations from './invitations';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orderList from './order-list';
import orders from './orders';
import partnerAccess from './partner-access';
import partnerApplications from './partner-applications';
import overview from './overview';
import partnerDirectory from './partner-directory';
import partnerRole from './partner-role';
import partnerTeam from './partner-team';
import payouts from './payouts';
import portal from './portal';
import portalAccount from './portal-account';
import portalLedger from './portal-ledger';
import portalReferrals from './portal-referrals';
import portalStatements from './portal-statements';
import portalStats from './portal-stats';
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
  'email-templates': emailTemplates,
  deals,
  health,
  invitations,
  jobs,
  notifications,
  'order-sync': orderSync,
  'order-list': orderList,
  orders,
  'partner-access': partnerAccess,
  'partner-applications': partnerApplications,
  overview,
  'partner-directory': partnerDirectory,
  'partner-role': partnerRole,
  'partner-team': partnerTeam,
  payouts,
  portal,
  'portal-account': portalAccount,
  'portal-ledger': portalLedger,
  'portal-referrals': portalReferrals,
  'portal-statements': portalStatements,
  'portal-stats': portalStats,
  programs,
  settings,
  statements,
  stripe,
  tracking,
};
