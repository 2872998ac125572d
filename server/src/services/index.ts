import analytics from './analytics';
import attribution from './attribution';
import commissionReview from './commission-review';
import commissions from './commissions';
import health from './health';
import invitations from './invitations';
import jobs from './jobs';
import notifications from './notifications';
import orderSync from './order-sync';
import orders from './orders';
import overview from './overview';
import partnerAccess from './partner-access';
import partnerApplications from './partner-applications';
import partnerRole from './partner-role';
import partnerTeam from './partner-team';
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
  invitations,
  jobs,
  notifications,
  'order-sync': orderSync,
  orders,
  overview,
  'partner-access': partnerAccess,
  'partner-applications': partnerApplications,
  'partner-role': partnerRole,
  'partner-team': partnerTeam,
  payouts,
  statements,
  stripe,
  tracking,
};
