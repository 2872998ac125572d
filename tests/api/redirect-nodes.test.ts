import { uid } from '../../plugin/model';
import { pluginConfigSchema } from '../../plugin/contracts/config';
import { createProgramWithPartner } from '../helpers/fixtures';
import { SETTINGS_CHECK_MS } from '../../server/src/platform/settings';
import { sleep, startNode, stopNode, waitUntilUp, type Node } from '../helpers/nodes';
import { currentDatabase, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The redirect on real `strapi start` nodes of the compiled playground (ports 1371 to 1376, two per database) that
 * share this process's scratch database: it answers ahead of Strapi's stack (security headers,
 * none of the later middlewares), every click answered is in the database even when the node
 * is killed with SIGKILL, and a link disabled or re-pointed anywhere takes effect on every node
 * within the link cache's check interval.
 */

// Ports of their own per database: the three runs of this file may overlap.
const FIRST_PORT = { sqlite: 1371, postgres: 1373, mysql: 1375 }[currentDatabase()];
const PORTS = [FIRST_PORT, FIRST_PORT + 1];
/** The playground keeps the default version-check interval. */
const CHECK_MS = pluginConfigSchema.parse({}).tracking.linkCache.checkMs;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126';

describe('link redirects on Strapi nodes', () => {
  let app: TestApp;
  let code: string;
  let programId: number;
  let linkId: number;
  const nodes: Array<Node | null> = [null, null];

  const startAt = async (index: number) => {
    const node = startNode(PORTS[index], { PARTNERS_JOBS: 'false', STRAPI_LOG_LEVEL: 'warn' });
    nodes[index] = node;
    await waitUntilUp(node, PORTS[index], 240_000); // MySQL boots slowly on a busy machine
  };
  const click = (index: number, path = `/go/${code}`) =>
    fetch(`http://127.0.0.1:${PORTS[index]}${path}`, {
      redirect: 'manual',
      headers: { 'User-Agent': BROWSER },
    });
  const storedClicks = () => app.strapi.db.query(uid('click')).count({ where: { programId } });

  beforeAll(async () => {
    app = await startStrapi();
    const seeded = await createProgramWithPartner(app.strapi);
    ({ code } = seeded);
    programId = seeded.program.id;
    linkId = seeded.link.id;
    await startAt(0);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node && stopNode(node)));
    await app?.stop();
  });

  it('answers ahead of the stack: security headers, no X-Powered-By, same 302', async () => {
    for (const path of [`/go/${code}`, `/api/partners/r/${code.toUpperCase()}/`]) {
      const response = await click(0, path);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') as string);
      expect(location.origin + location.pathname).toBe('https://shop.example/');
      expect(location.searchParams.get('ref')).toBe(code);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    // The bare route went through the whole stack, poweredBy included.
    const bare = await click(0, '/api/bench/redirect');
    expect(bare.status).toBe(302);
    expect(bare.headers.get('x-powered-by')).toBe('Strapi <strapi.io>');
    // An unknown code goes to the playground's tracking.fallbackUrl, with nothing to count.
    const unknown = await click(0, '/go/no-such-code');
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe('https://acme.example/');
  });

  it('keeps every click answered when the node is killed (SIGKILL)', async () => {
    const before = await storedClicks();
    // Every answer in, then SIGKILL at once: no time for anything queued to be written.
    const answers = await Promise.all(Array.from({ length: 200 }, () => click(0)));
    expect(answers.every((response) => response.status === 302)).toBe(true);
    nodes[0]?.child.kill('SIGKILL');
    await new Promise((resolve) => nodes[0]?.child.once('exit', resolve));
    expect((await storedClicks()) - before).toBe(200);

    // Killed under load: every click answered is stored; at most the ones in flight are extra.
    await startAt(0);
    const middle = await storedClicks();
    let answered = 0;
    let sent = 0;
    const load = Array.from({ length: 10 }, async () => {
      for (;;) {
        sent += 1;
        try {
          if ((await click(0)).status === 302) answered += 1;
        } catch {
          return; // the connection died with the node
        }
      }
    });
    while (answered < 300) await sleep(20);
    nodes[0]?.child.kill('SIGKILL');
    await Promise.all(load);
    const stored = (await storedClicks()) - middle;
    expect(stored).toBeGreaterThanOrEqual(answered);
    expect(stored).toBeLessThanOrEqual(sent);

    // The restarted node goes on counting.
    await startAt(0);
    expect((await click(0)).status).toBe(302);
    expect((await storedClicks()) - middle).toBe(stored + 1);
  }, 240_000);

  it('sees a link disabled or re-pointed elsewhere within the check interval', async () => {
    await startAt(1);
    for (const index of [0, 1]) {
      expect(new URL((await click(index)).headers.get('location') as string).host).toBe(
        'shop.example'
      );
    }
    const redirectsAfterChange = async (expected: (location: URL) => boolean) => {
      const changedAt = Date.now();
      for (const index of [0, 1]) {
        while (!expected(new URL((await click(index)).headers.get('location') as string))) {
          expect(Date.now() - changedAt).toBeLessThan(CHECK_MS + 3000);
          await sleep(100);
        }
      }
      return Date.now() - changedAt;
    };
    // Written by a third process (this one): both nodes learn it from the shared version.
    await app.strapi.db
      .query(uid('program'))
      .update({ where: { id: programId }, data: { landingUrl: 'https://store.example/' } });
    await redirectsAfterChange((location) => location.host === 'store.example');
    await app.strapi.db
      .query(uid('link'))
      .update({ where: { id: linkId }, data: { disabledAt: new Date() } });
    await redirectsAfterChange((location) => location.searchParams.get('ref') === null);
  }, 180_000);

  it('shows portal branding saved on another node within the settings check', async () => {
    const title = async (index: number) =>
      /<title>([^<]*)<\/title>/.exec(
        await (await fetch(`http://127.0.0.1:${PORTS[index]}/partner-portal/`)).text()
      )?.[1];
    const settings = app.strapi.plugin('partners').service('settings');
    const before = await title(1);
    await settings.update({ portal: { title: 'Shared partner portal' } });
    const savedAt = Date.now();
    while ((await title(1)) !== 'Shared partner portal') {
      expect(Date.now() - savedAt).toBeLessThan(SETTINGS_CHECK_MS + 3000);
      await sleep(200);
    }
    await settings.update({});
    while ((await title(1)) !== before) {
      expect(Date.now() - savedAt).toBeLessThan(2 * SETTINGS_CHECK_MS + 6000);
      await sleep(200);
    }
  }, 60_000);
});
