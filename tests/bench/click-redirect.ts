import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import Koa from 'koa';
import { uid } from '../../plugin/model';
import type { Scenario, StoredRows } from './types';

const BROWSER = {
  'User-Agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1.15',
};

/**
 * The ceiling: a plain Koa server in this process that answers every request with a 302. What
 * the machine (and the load generator beside it) can do without Strapi.
 */
export const rawRedirect: Scenario = {
  name: 'raw-redirect',
  title: 'raw Koa 302 server',
  async prepare() {
    const app = new Koa();
    app.use((ctx) => ctx.redirect('https://shop.example/'));
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    return {
      method: 'GET',
      path: '/',
      origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      headers: BROWSER,
      expectedStatus: 302,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
};

/** The baseline: a host route that does nothing but answer 302 (playground api::note). */
export const bareRedirect: Scenario = {
  name: 'bare-redirect',
  title: 'bare 302 route',
  async prepare() {
    return { method: 'GET', path: '/api/bench/redirect', headers: BROWSER, expectedStatus: 302 };
  },
};

/** An active program and an approved, enrolled partner whose links the clicks go to. */
const seedProgram = async (strapi: Core.Strapi, slug: string) => {
  const program = await strapi.db.query(uid('program')).create({
    data: {
      name: `Bench ${slug}`,
      slug,
      state: 'active',
      currency: 'USD',
      landingUrl: 'https://shop.example/',
      commission: { type: 'percentage', bps: 2000 },
    },
  });
  const partner = await strapi.db.query(uid('partner')).create({
    data: { name: `Partner ${slug}`, email: `${slug}@bench.test`, state: 'approved' },
  });
  await strapi.db.query(uid('enrollment')).create({
    data: { partner: partner.id, program: program.id, state: 'approved' },
  });
  return { programId: program.id as number, partnerId: partner.id as number };
};

/** Every click answered must be stored: the count writes what is still queued first. */
const storedClicks = (strapi: Core.Strapi, programId: number): StoredRows => ({
  label: 'clicks',
  perRequest: 1,
  async count() {
    await strapi.plugin('partners').service('tracking').flush();
    return strapi.db.query(uid('click')).count({ where: { programId } });
  },
});

/**
 * A partner link click on one hot link: looks the code up, answers 302 with `ref` and `pvid`,
 * and records the click.
 */
export const clickRedirect: Scenario = {
  name: 'click-redirect',
  title: 'click redirect, one hot link',
  goal: { baseline: 'bare-redirect', atLeast: 0.9 },
  aim: { baseline: 'raw-redirect', atLeast: 0.2 },
  async prepare({ strapi }) {
    const { programId, partnerId } = await seedProgram(strapi, 'bench-clicks');
    await strapi.db.query(uid('link')).create({
      data: { code: 'bench-click', partner: partnerId, program: programId },
    });
    return {
      method: 'GET',
      path: '/api/partners/r/bench-click',
      headers: BROWSER,
      expectedStatus: 302,
      stored: [storedClicks(strapi, programId)],
    };
  },
};

const MANY_LINKS = 10_000;

/**
 * Links in one program, inserted in bulk: link rows, then their partner and program relation
 * rows (Strapi's link tables, named by its metadata).
 */
const seedLinks = async (strapi: Core.Strapi, count: number) => {
  const { programId, partnerId } = await seedProgram(strapi, 'bench-many-links');
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(uid('link'));
  const column = (attribute: string) =>
    (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const afterId = Number((await knex(meta.tableName).max({ id: 'id' }))[0]?.id ?? 0);
  const now = new Date();
  const codes = Array.from({ length: count }, (_, index) => `bench-many-${index}`);
  for (let start = 0; start < count; start += 500) {
    await knex(meta.tableName).insert(
      codes.slice(start, start + 500).map((code) => ({
        [column('documentId')]: `b${randomBytes(12).toString('hex').slice(0, 23)}`,
        [column('code')]: code,
        [column('createdAt')]: now,
        [column('updatedAt')]: now,
      }))
    );
  }
  for (const [attribute, target] of [
    ['partner', partnerId],
    ['program', programId],
  ] as const) {
    const link = (
      meta.attributes[attribute] as unknown as {
        joinTable: {
          name: string;
          joinColumn: { name: string };
          inverseJoinColumn: { name: string };
        };
      }
    ).joinTable;
    await knex.raw(`INSERT INTO ?? (??, ??) SELECT t.id, ? FROM ?? t WHERE t.id > ?`, [
      link.name,
      link.joinColumn.name,
      link.inverseJoinColumn.name,
      target,
      meta.tableName,
      afterId,
    ]);
  }
  // The last one the way the plugin writes links: through the query engine, whose write
  // lifecycles tell the link cache that links changed (the bulk rows above bypass them).
  const last = `bench-many-${count}`;
  await strapi.db.query(uid('link')).create({
    data: { code: last, partner: partnerId, program: programId },
  });
  return { programId, codes: [...codes, last] };
};

/**
 * Clicks spread over 10,000 distinct links in random order (SPEC §12, "also with 10k distinct
 * links"): the link look-ups miss the cache until each link has been seen once.
 */
export const clickRedirectManyLinks: Scenario = {
  name: 'click-redirect-many',
  title: 'click redirect, 10,000 links',
  goal: { baseline: 'bare-redirect', atLeast: 0.9 },
  aim: { baseline: 'raw-redirect', atLeast: 0.2 },
  async prepare({ strapi }) {
    const { programId, codes } = await seedLinks(strapi, MANY_LINKS - 1);
    const pathOf = () => `/api/partners/r/${codes[Math.floor(Math.random() * codes.length)]}`;
    return {
      method: 'GET',
      path: '/api/partners/r/bench-many-0',
      pathOf,
      headers: BROWSER,
      expectedStatus: 302,
      stored: [storedClicks(strapi, programId)],
    };
  },
};
