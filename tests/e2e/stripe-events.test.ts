import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openSignedInAdmin } from '../helpers/browser';
import { createProgramWithPartner } from '../helpers/fixtures';
import {
  deliverStripe,
  STRIPE_WEBHOOK_SECRET,
  stripeEvent,
  subscriptionStory,
} from '../helpers/stripe-events';
import type { TestApp } from '../helpers/strapi';
import { ADMIN, startEmptyAdminWorld } from './admin-world';

/**
 * The Stripe events page in Chromium: each event with its state, times and reason, and a replay
 * whose message says what the server did. Screenshots go to the system's temporary folder.
 */

const ARTIFACTS = join(tmpdir(), 'partners-e2e', 'stripe-events');

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let failedEventId: string;
let checkoutEventId: string;

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};
const rowOf = (eventId: string) => page.locator('tbody tr', { hasText: eventId });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  process.env.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET;
  ({ app, origin } = await startEmptyAdminWorld());
  const { code } = await createProgramWithPartner(app.strapi);
  const [checkout, month1] = subscriptionStory(code).events;
  for (const payload of [checkout, month1]) await deliverStripe(app, payload).expect(200);
  await deliverStripe(app, stripeEvent('plan.created', {})).expect(200);
  // The same paid invoice in another currency: it cannot be applied, and fails.
  const changed = {
    ...month1,
    id: `${month1.id}_eur`,
    data: { object: { ...month1.data.object, currency: 'eur' } },
  };
  await deliverStripe(app, changed).expect(400);
  failedEventId = changed.id;
  checkoutEventId = checkout.id;
  ({ browser, page } = await openSignedInAdmin(origin, ADMIN));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the Stripe events page', () => {
  it('lists every event with its state, and why one failed and when it is retried', async () => {
    await page.goto(`${origin}/admin/plugins/partners/stripe-events`);
    await page.locator('tbody tr').first().waitFor();
    await expect(page.getByRole('link', { name: 'Stripe events' }).count()).resolves.toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(4);
    const states = await page
      .locator('tbody [data-status]')
      .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status')).sort());
    expect(states).toEqual(['failed', 'ignored', 'processed', 'processed']);
    const failed = rowOf(failedEventId);
    await expect(failed.locator('[data-reason]').innerText()).resolves.toMatch(/currency|amount/i);
    await expect(failed.innerText()).resolves.toMatch(/Next retry .* UTC/);
    await expect(rowOf('plan.created').innerText()).resolves.toMatch(/Ignored: plan.created/);
    await shot('stripe-events');
  });

  it('replays an event and says what the server did', async () => {
    await rowOf(failedEventId).getByRole('button', { name: 'Replay' }).click();
    const warning = page.getByText(`${failedEventId} failed again:`);
    await warning.waitFor();
    await expect(rowOf(failedEventId).innerText()).resolves.toMatch(/\b2\b/);
    await shot('replay-failed');

    await rowOf(checkoutEventId).getByRole('button', { name: 'Replay' }).click();
    await page.getByText(`${checkoutEventId} was applied again: processed.`).waitFor();
    await shot('replay-processed');
  });

  it('filters by state', async () => {
    await page.goto(`${origin}/admin/plugins/partners/stripe-events?state=failed`);
    await rowOf(failedEventId).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
  });
});
