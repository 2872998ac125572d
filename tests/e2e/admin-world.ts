import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { ensureAdminBuild } from '../helpers/admin-build';
import {
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { startStrapi, type TestApp } from '../helpers/strapi';

/** The first admin of the fresh Strapi the browser signs in as. */
export const ADMIN = {
  email: 'editor@acme.test',
  password: 'Editor-pass-1',
  firstname: 'Eda',
  lastname: 'Editor',
};

/** Programs, partners, an application, clicks and orders whose commissions wait for approval. */
const seed = async (app: TestApp) => {
  const { strapi } = app;
  const token = await createApiToken(strapi);
  const program = await createProgram(strapi, {
    name: 'Acme Cloud',
    slug: 'acme-cloud',
    autoApprove: false,
    holdDays: 0,
  });
  const other = await createProgram(strapi, { name: 'Acme Books', slug: 'acme-books' });
  const gold = await createPartner(strapi, { name: 'Grace Gold', tier: 'gold' });
  const silver = await createPartner(strapi, { name: 'Sam Silver', tier: 'silver' });
  for (const partner of [gold, silver]) await enroll(strapi, partner, program);
  const goldLink = await createLink(strapi, gold, program, 'grace');
  await createLink(strapi, silver, program, 'sam');
  await enroll(strapi, silver, other);

  const applicant = await createPartner(strapi, {
    name: 'Alex Applicant',
    email: 'alex@applicant.test',
    state: 'applied',
  });
  await enroll(strapi, applicant, program, { state: 'applied' });

  // Human clicks on Grace's link, from three addresses.
  for (let visit = 1; visit <= 3; visit += 1) {
    await app
      .request()
      .get(`/api/partners/r/${goldLink.code}`)
      .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36')
      .set('X-Forwarded-For', `203.0.113.${visit}`);
  }
  await strapi.plugin('partners').service('tracking').flush();

  const orders: Array<[string, number, string]> = [
    ['grace', 10000, 'Ada Lovelace'],
    ['grace', 25000, 'Alan Turing'],
    ['sam', 5000, 'Grace Hopper'],
  ];
  for (const [code, amount, customerName] of orders) {
    const res = await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${token}`)
      .send(
        orderBody({ amount, customerName, referralCode: code, paidAt: new Date().toISOString() })
      );
    if (res.status >= 300) throw new Error(`order: ${res.status} ${res.text}`);
  }
  return { program, other, gold, silver, applicant };
};

export type AdminWorld = Awaited<ReturnType<typeof seed>> & { app: TestApp; origin: string };

/**
 * The playground with its built admin panel on a real port (0: any free one), its first admin
 * registered through the admin's own route, and the seeded data.
 */
export const startAdminWorld = async (port = 0): Promise<AdminWorld> => {
  const { app, origin } = await startEmptyAdminWorld(port);
  return { app, origin, ...(await seed(app)) };
};

/** The same without any data: the plugin as a new install shows it. */
export const startEmptyAdminWorld = async (port = 0) => {
  ensureAdminBuild();
  const app = await startStrapi({ serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const registered = await app.request().post('/admin/register-admin').send(ADMIN);
  if (registered.status !== 200) {
    throw new Error(`register-admin: ${registered.status} ${registered.text}`);
  }
  return { app, origin };
};

/** Signs the browser in as ADMIN through the admin's login form. */
export const signInAsAdmin = async (page: Page, origin: string) => {
  await page.goto(`${origin}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('link', { name: 'Partners' }).first().waitFor();
};
