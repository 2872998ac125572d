import fc from 'fast-check';
import { uid } from '../../plugin/model';
import contentTypes from '../../server/src/content-types';
import { adminToken } from '../helpers/admin';
import { createProgramWithPartner, orderBody } from '../helpers/fixtures';
import { portalLogin } from '../helpers/portal';
import { currentDatabase } from '../helpers/strapi';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §11: every route of the plugin, read from the running Strapi (so a new route is fuzzed the
 * day it is added), gets generated path parameters, query strings and bodies: hostile strings
 * (NUL, `%00`, lone surrogates, 10k characters, path tricks), wrong types and nesting, and valid
 * ids of real rows. Each is sent with the credentials its route expects (admin JWT, API token,
 * partner JWT, none). No answer is a 5xx, and a refused request (4xx) stores nothing: the row
 * counts of every plugin table and of the users-permissions users are unchanged after it.
 */

type Json = Record<string, unknown>;
interface PluginRoute {
  method: string;
  path: string;
  config?: { auth?: false; policies?: Array<string | { name: string }> };
}
type Kind = 'admin' | 'api-token' | 'partner' | 'public';

const RUNS_PER_ROUTE = Number(process.env.PARTNERS_FUZZ_RUNS ?? 12);
const TABLES = [
  ...Object.keys(contentTypes).map((name) => uid(name as never)),
  'plugin::users-permissions.user',
];

const { app, apiToken } = useTestApp({ apiToken: true });

const FIELDS = [
  'data',
  'amount',
  'externalId',
  'status',
  'email',
  'name',
  'code',
  'label',
  'path',
  'currency',
  'items',
  'refundId',
  'company',
  'website',
  'type',
  'tier',
  'programs',
  'password',
  'token',
  'month',
  'period',
  'from',
  'to',
  'partner',
  'program',
  'documentId',
  'ids',
  'reason',
  'note',
  'commission',
  'state',
  'slug',
  'url',
  'file',
  'page',
  'pageSize',
  'sort',
  'filters',
  'populate',
];

/** Strings that have broken servers before, beside arbitrary ones. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFFx',
    'x'.repeat(10_000),
    '-1',
    '0',
    '1e309',
    'NaN',
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    "'; DROP TABLE x; --",
    '2026-13-45',
    '9999999999999999999999',
    '{"$ne":null}',
    '__proto__',
    'constructor'
  )
);
const scalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(-1, 0, 2 ** 53, Number.MAX_SAFE_INTEGER + 2)
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string()), tie('value'), { maxKeys: 5 })
  ),
})).value;
const body = fc.oneof(
  value,
  fc.record({ data: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }) }),
  fc.record({ data: value })
);
const query = fc.dictionary(fc.constantFrom(...FIELDS), hostileString, { maxKeys: 3 });

/** A path segment: percent-encoded (lone surrogates as their raw UTF-8 bytes), or raw tricks. */
const encodeSegment = (segment: string) => {
  try {
    return encodeURIComponent(segment);
  } catch {
    return segment.replace(/[^\w-]/g, '%ED%A0%80');
  }
};

const kindOf = (route: PluginRoute, type: 'admin' | 'content-api'): Kind => {
  if (type === 'admin') return 'admin';
  const policies = (route.config?.policies ?? []).map((p) => (typeof p === 'string' ? p : p.name));
  if (policies.some((name) => name.endsWith('is-api-token'))) return 'api-token';
  if (policies.some((name) => name.endsWith('is-partner'))) return 'partner';
  return route.config?.auth === false ? 'public' : 'api-token';
};

describe(`fuzzing every route (${currentDatabase()})`, () => {
  const credentials: Record<Kind, string | null> = {
    admin: null,
    'api-token': null,
    partner: null,
    public: null,
  };
  /** Real values for parameters, so some requests reach the services past "not found". */
  const known: string[] = [];

  /** Row counts, after the clicks an earlier redirect queued are written (they land later). */
  const counts = async () => {
    await app.strapi.plugin('partners').service('tracking').flush();
    return Promise.all(TABLES.map((table) => app.strapi.db.query(table as never).count()));
  };

  beforeAll(async () => {
    const strapi = app.strapi;
    const { program, partner, code } = await createProgramWithPartner(strapi, { holdDays: 0 });
    credentials.admin = await adminToken(app, 'strapi-super-admin');
    credentials['api-token'] = apiToken();
    credentials.partner = await portalLogin(app, partner);
    const order = orderBody({ referralCode: code });
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken()}`)
      .send(order)
      .expect(201);
    known.push(
      String(program.id),
      program.documentId,
      program.slug,
      String(partner.id),
      partner.documentId,
      code,
      order.data.externalId,
      '2026-01'
    );
  });

  it('answers every generated request below 500 and stores nothing for a refused one', async () => {
    const routes = app.strapi.plugin('partners').routes as unknown as Record<
      string,
      { type: 'admin' | 'content-api'; routes: PluginRoute[] }
    >;
    const all = Object.values(routes).flatMap(({ type, routes: list }) =>
      list.map((route) => ({
        ...route,
        type,
        url: `${type === 'admin' ? '/partners' : '/api/partners'}${route.path}`,
        kind: kindOf(route, type),
      }))
    );
    const tally = { requests: 0, refused: 0, accepted: 0, byStatus: new Map<number, number>() };
    const failures: string[] = [];

    for (const route of all) {
      const params = route.url.match(/:\w+/g) ?? [];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(hostileString, fc.constantFrom(...known)), {
            minLength: params.length,
            maxLength: params.length,
          }),
          query,
          body,
          async (values, search, payload) => {
            let url = route.url;
            params.forEach((param, index) => {
              url = url.replace(param, encodeSegment(values[index]) || 'x');
            });
            const before = await counts();
            const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
            const agent = app.request();
            let request = agent[method](url).query(search as Json);
            const token = credentials[route.kind];
            if (token) request = request.set('Authorization', `Bearer ${token}`);
            const response = await (['get', 'delete'].includes(method)
              ? request
              : request.send(payload as Json));
            tally.requests += 1;
            tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
            if (response.status >= 500) {
              failures.push(
                `${route.method} ${url} → ${response.status} ${response.text.slice(0, 200)}`
              );
              return;
            }
            if (response.status >= 400) {
              tally.refused += 1;
              const after = await counts();
              if (after.some((countAfter, index) => countAfter !== before[index])) {
                failures.push(`${route.method} ${url} → ${response.status} but stored rows`);
              }
            } else {
              tally.accepted += 1;
            }
          }
        ),
        { numRuns: RUNS_PER_ROUTE, seed: 20261207 }
      );
    }
    const statuses = [...tally.byStatus.entries()].sort(([a], [b]) => a - b);
    // The case counts, printed so a run shows how much was tried.
    console.log(
      `fuzz (${currentDatabase()}): ${all.length} routes, ${tally.requests} requests, ` +
        `${tally.refused} refused, ${tally.accepted} accepted; statuses ${statuses
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}`
    );
    expect(failures).toEqual([]);
  }, 900_000);
});
