import type { Route } from './route';

/** Public and API-token routes, mounted under /api/partners. */
const routes: Route[] = [
  { method: 'GET', path: '/health', handler: 'health.check', config: { auth: false } },
];

export default { type: 'content-api', routes };
