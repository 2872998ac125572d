import { adminOverview } from './admin-overview';
import { bareRedirect, clickRedirect, clickRedirectManyLinks, rawRedirect } from './click-redirect';
import { orderIngestion } from './order-ingestion';
import { payoutEntriesExport, payoutRun } from './payout-run';
import { plainCreate } from './plain-create';
import type { Scenario, TimedScenario } from './types';

/**
 * Every scenario `npm run bench` runs, in this order. A scenario with a goal runs after the
 * baseline it names, in the same Strapi and database. Timed scenarios (`kind: 'timed'`) run once
 * in-process; the export measures the payouts the run before it created.
 */
export const scenarios: Array<Scenario | TimedScenario> = [
  plainCreate,
  orderIngestion,
  rawRedirect,
  bareRedirect,
  clickRedirect,
  clickRedirectManyLinks,
  payoutRun,
  payoutEntriesExport,
  adminOverview,
];
