import { uid } from '../../plugin/model';
import type { Scenario } from './types';

const BROWSER = {
  'User-Agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1.15',
};

/** The baseline: a host route that does nothing but answer 302 (playground api::note). */
export const bareRedirect: Scenario = {
  name: 'bare-redirect',
  title: 'bare 302 route',
  async prepare() {
    return { method: 'GET', path: '/api/bench/redirect', headers: BROWSER, expectedStatus: 302 };
  },
};

/**
 * A partner link click: looks the code up, answers 302 with `ref` and `pvid`, and queues the
 * click, which is written after the response. Every click sent must be stored: the count flushes
 * the queue first.
 */
export const clickRedirect: Scenario = {
  name: 'click-redirect',
  title: 'click redirect',
  goal: { baseline: 'bare-redirect', atLeast: 0.9 },
  async prepare({ strapi }) {
    const program = await strapi.db.query(uid('program')).create({
      data: {
        name: 'Bench clicks',
        slug: 'bench-clicks',
        state: 'active',
        currency: 'USD',
        landingUrl: 'https://shop.example/',
        commission: { type: 'percentage', bps: 2000 },
      },
    });
    const partner = await strapi.db.query(uid('partner')).create({
      data: { name: 'Click partner', email: 'clicks@bench.test', state: 'approved' },
    });
    await strapi.db.query(uid('enrollment')).create({
      data: { partner: partner.id, program: program.id, state: 'approved' },
    });
    await strapi.db.query(uid('link')).create({
      data: { code: 'bench-click', partner: partner.id, program: program.id },
    });
    return {
      method: 'GET',
      path: '/api/partners/r/bench-click',
      headers: BROWSER,
      expectedStatus: 302,
      stored: [
        {
          label: 'clicks',
          perRequest: 1,
          async count() {
            await strapi.plugin('partners').service('tracking').flush();
            return strapi.db.query(uid('click')).count({ where: { code: 'bench-click' } });
          },
        },
      ],
    };
  },
};
