import adminRoles from './admin-roles';
import analytics from './analytics';
import assets from './assets';
import attribution from './attribution';
import commissionReview from './commission-review';
import commissions from './commissions';
import deals from './deals';
import health from './health';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orderList from './order-list';
import orders from './orders';
import overview from './overview';
import partnerDirectory from './partner-directory';
import partnerRole from './partner-role';
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
  jobs,
  notifications,
  'order-sync': orderSync,
  'order-list': orderList,
  orders,
  overview,
  'partner-directory': partnerDirectory,
  'partner-role': partnerRole,
  payouts,
  programs,
  settings,
  statements,
  stripe,
  tracking,
};
