import analytics from './analytics';
import attribution from './attribution';
import commissions from './commissions';
import health from './health';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orders from './orders';
import partnerRole from './partner-role';
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
  health,
  jobs,
  notifications,
  'order-sync': orderSync,
  orders,
  'partner-role': partnerRole,
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
