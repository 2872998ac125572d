import analytics from './analytics';
import attribution from './attribution';
import commissions from './commissions';
import emailTemplates from './email-templates';
import health from './health';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orders from './orders';
import partnerRole from './partner-role';
import payouts from './payouts';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

export default {
  analytics,
  attribution,
  commissions,
  'email-templates': emailTemplates,
  health,
  jobs,
  notifications,
  'order-sync': orderSync,
  orders,
  'partner-role': partnerRole,
  payouts,
  statements,
  stripe,
  tracking,
};
