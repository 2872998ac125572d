import analytics from './analytics';
import attribution from './attribution';
import commissionReview from './commission-review';
import commissions from './commissions';
import health from './health';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orders from './orders';
import overview from './overview';
import partnerRole from './partner-role';
import payouts from './payouts';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

export default {
  analytics,
  attribution,
  'commission-review': commissionReview,
  commissions,
  health,
  jobs,
  notifications,
  'order-sync': orderSync,
  orders,
  overview,
  'partner-role': partnerRole,
  payouts,
  statements,
  stripe,
  tracking,
};
