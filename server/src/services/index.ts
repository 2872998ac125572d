import analytics from './analytics';
import attribution from './attribution';
import commissions from './commissions';
import health from './health';
import jobs from './jobs';
import orderSync from './order-sync';
import orders from './orders';
import partnerRole from './partner-role';
import stripe from './stripe';
import tracking from './tracking';

export default {
  analytics,
  attribution,
  commissions,
  health,
  jobs,
  'order-sync': orderSync,
  orders,
  'partner-role': partnerRole,
  stripe,
  tracking,
};
