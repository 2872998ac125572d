import { orderIngestion } from './order-ingestion';
import { plainCreate } from './plain-create';
import type { Scenario } from './types';

/**
 * Every scenario `npm run bench` runs, in this order. A scenario with a goal runs after the
 * baseline it names, in the same Strapi and database.
 */
export const scenarios: Scenario[] = [plainCreate, orderIngestion];
