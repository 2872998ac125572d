import analytics from './analytics';
import attribution from './attribution';
import commissions from './commissions';
import emailTemplates from './email-templates';
import health from './health';
import invitations from './invitations';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orders from './orders';
import partnerAccess from './partner-access';
import partnerApplications from './partner-applications';
import partnerRole from './partner-role';
import partnerTeam from './partner-team';
import payouts from './payouts';
import portal from './portal';
import portalAccount from './portal-account';
import portalLedger from './portal-ledger';
import portalReferrals from './portal-referrals';
import portalStatements from './portal-statements';
import portalStats from './portal-stats';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

export default {
  analytics,
  attribution,
  commissions,
  'email-templates': emailTemplates,
  health,
  invitations,
  jobs,
  notifications,
  'order-sync': orderSync,
  orders,
  'partner-access': partnerAccess,
  'partner-applications': partnerApplications,
  'partner-role': partnerRole,
  'partner-team': partnerTeam,
  payouts,
  portal,
  'portal-account': portalAccount,
  'portal-ledger': portalLedger,
  'portal-referrals': portalReferrals,
  'portal-statements': portalStatements,
  'portal-stats': portalStats,
  statements,
  stripe,
  tracking,
};
