import payoutsController from './controllers/payouts';
import statementsController from './controllers/statements';
import partnerStatements from './partner-statements';
import payouts from './payouts';
import { adminRoutes, contentApiRoutes } from './routes';
import statements from './statements';

/** Payouts: runs, the payout ledger, exports, Stripe transfers and statements. */
export const services = {
  'partner-statements': partnerStatements,
  payouts,
  statements,
};

export const controllers = {
  payouts: payoutsController,
  statements: statementsController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
