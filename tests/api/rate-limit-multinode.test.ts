import Redis from 'ioredis';
import { startNode, stopNode, waitUntilUp, type Node } from '../helpers/nodes';
import { currentDatabase, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §11: with `rateLimit.redis`, every node spends one budget per client. Two real
 * `strapi start` processes of the compiled playground share one scratch PostgreSQL database and
 * the machine's Redis (127.0.0.1:6379); 500 requests from one client, split across both, are
 * accepted exactly up to the route's budget. Without Redis each node counts on its own.
 */

const PORTS = [1345, 1346];
const REDIS_URL = process.env.PARTNERS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** `GET /track/links/:code`: 120 requests per client and minute. */
const BUDGET = 120;
const REQUESTS = 500;

const onPostgres = currentDatabase() === 'postgres';
const TITLE = 'rate limits on two Strapi nodes';
const suite = onPostgres ? describe : describe.skip;

suite(onPostgres ? TITLE : `${TITLE} (PostgreSQL only: PARTNERS_TEST_DATABASES=postgres)`, () => {
  let app: TestApp;
  let redis: Redis;
  let nodes: Node[] = [];

  const startNodes = async (env: Record<string, string>) => {
    nodes = PORTS.map((port) =>
      startNode(port, { PARTNERS_JOBS: 'false', STRAPI_LOG_LEVEL: 'warn', ...env })
    );
    await Promise.all(nodes.map((node, index) => waitUntilUp(node, PORTS[index])));
  };
  const stopNodes = async () => {
    await Promise.all(nodes.map(stopNode));
    nodes = [];
  };
  /** Fresh budgets: the counters of an earlier run may still be inside their minute. */
  const forgetBudgets = async () => {
    const keys = await redis.keys('partners:rate-limit:*');
    if (keys.length > 0) await redis.del(...keys);
  };
  /** `REQUESTS` requests from this client, alternating between the nodes; the statuses seen. */
  const flood = async () => {
    const statuses: number[] = [];
    for (let index = 0; index < REQUESTS; index += 10) {
      const batch = Array.from({ length: 10 }, (_, offset) =>
        fetch(
          `http://127.0.0.1:${PORTS[(index + offset) % 2]}/api/partners/track/links/no-such-code`
        ).then((response) => response.status)
      );
      statuses.push(...(await Promise.all(batch)));
    }
    return statuses;
  };
  const accepted = (statuses: number[]) => statuses.filter((status) => status !== 429).length;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping(); // an unreachable Redis fails the suite here, not as a wrong count
    app = await startStrapi(); // creates the schema before the nodes boot on it
  });

  afterAll(async () => {
    await stopNodes();
    await app?.stop();
    redis?.disconnect();
  });

  it('shares one budget per client across both nodes through Redis', async () => {
    await forgetBudgets();
    await startNodes({ PARTNERS_RATE_LIMIT_REDIS: REDIS_URL });
    const statuses = await flood();
    await stopNodes();
    expect(statuses.every((status) => status === 404 || status === 429)).toBe(true);
    expect(accepted(statuses)).toBe(BUDGET);
  });

  it('without Redis, counts on each node: the client gets each node’s budget', async () => {
    await startNodes({});
    const statuses = await flood();
    await stopNodes();
    expect(accepted(statuses)).toBe(BUDGET * 2);
  });
});
