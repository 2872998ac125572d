import { uid } from '../../plugin/model';
import { createApiToken, createProgramWithPartner, orderBody } from '../helpers/fixtures';
import { startStrapi } from '../helpers/strapi';

/**
 * Stopping Strapi right after a change: the work that runs after its commit (events, webhooks,
 * e-mails) finishes before the plugin lets the database close, instead of failing for want of a
 * connection.
 */
it('finishes after-commit work before the database closes', async () => {
  const app = await startStrapi();
  const token = await createApiToken(app.strapi);
  const { code } = await createProgramWithPartner(app.strapi);
  const heard: number[] = [];
  app.strapi.eventHub.on('partners.commission.created', async () => {
    // A slow listener that still needs the database (as a webhook's or e-mail's work does).
    await new Promise((resolve) => setTimeout(resolve, 500));
    heard.push(await app.strapi.db.query(uid('commission')).count());
  });
  await app
    .request()
    .post('/api/partners/orders')
    .set('Authorization', `Bearer ${token}`)
    .send(orderBody({ referralCode: code }))
    .expect(201);
  expect(heard).toEqual([]);
  await app.stop();
  expect(heard).toEqual([1]);
}, 300_000);
