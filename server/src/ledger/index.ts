import churnReversals from './churn-reversals';
import commissionReview from './commission-review';
import commissions from './commissions';
import commissionReviewController from './controllers/commission-review';
import partnerEntries from './partner-entries';
import { adminRoutes, contentApiRoutes } from './routes';

/** The commission ledger: commissions, reconciliation, events, review, and a partner's entries. */
export const services = {
  'churn-reversals': churnReversals,
  'commission-review': commissionReview,
  commissions,
  'partner-entries': partnerEntries,
};

export const controllers = {
  'commission-review': commissionReviewController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
