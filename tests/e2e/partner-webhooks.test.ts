import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Modules } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import { adminWithActions } from '../helpers/admin-roles';
import { adminSignIn, openSignedInAdmin } from '../helpers/browser';
import type { TestApp } from '../helpers/strapi';
import { ADMIN, startEmptyAdminWorld } from './admin-world';

/**
 * Settings → Webhooks for partner events in Chromium: an editor creates, edits and deletes
 * Strapi webhooks that carry the plugin's events, through Strapi's own webhook API; messages
 * repeat what Strapi answered, and a webhook made here receives its events. Screenshots go to
 * the system's temporary folder.
 */

const ARTIFACTS = join(tmpdir(), 'partners-e2e', 'partner-webhooks');

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let receiver: Server;
let receiverUrl: string;
const received: Array<{ event: string | undefined; authorization: string | undefined }> = [];

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};
const section = () => page.locator('[data-section="webhooks"]');
const form = () => section().locator('[data-webhook-form]');
const toast = (text: string) => page.getByText(text, { exact: true }).first().waitFor();
const stored = () =>
  (app.strapi.get('webhookStore') as Modules.WebhookStore.WebhookStore).findWebhooks();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  receiver = createServer((req, res) => {
    req.resume().on('end', () => {
      received.push({
        event: req.headers['x-strapi-event'] as string | undefined,
        authorization: req.headers.authorization,
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  ({ app, origin } = await startEmptyAdminWorld());
  ({ browser, page } = await openSignedInAdmin(origin, ADMIN));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks for partner events on the Settings page', () => {
  it('creates one with its events and headers, and it receives them', async () => {
    await page.goto(`${origin}/admin/plugins/partners/settings`);
    await section().getByText('No webhook sends partner events yet.').waitFor();
    await section().getByRole('button', { name: 'Add webhook' }).click();
    await form().getByLabel('Name').fill('Accounting');
    await form().getByLabel('Address').fill(receiverUrl);
    await form().getByLabel('Headers').fill('Authorization: Bearer books-token');
    await form().getByLabel('Commission approved').click();
    await form().getByLabel('Payout paid').click();
    await shot('create');
    await form().getByRole('button', { name: 'Save' }).click();
    await toast('Webhook “Accounting” created');
    await section().locator('tbody tr', { hasText: 'Accounting' }).waitFor();
    expect(await section().locator('tbody tr').innerText()).toMatch(
      /Commission approved, Payout paid/
    );
    await shot('created');

    const [webhook] = await stored();
    expect(webhook).toMatchObject({
      name: 'Accounting',
      url: receiverUrl,
      headers: { Authorization: 'Bearer books-token' },
      events: ['partners.commission.approved', 'partners.payout.paid'],
    });
    app.strapi.eventHub.emit('partners.payout.paid', { payout: { id: 1 } });
    const sentAt = Date.now();
    while (received.length === 0 && Date.now() - sentAt < 10_000) await page.waitForTimeout(100);
    expect(received).toEqual([
      { event: 'partners.payout.paid', authorization: 'Bearer books-token' },
    ]);
  });

  it("refuses a bad header line before sending, and shows Strapi's reason for a bad address", async () => {
    const before = await stored();
    await section().getByRole('button', { name: 'Add webhook' }).click();
    await form().getByLabel('Name').fill('Broken');
    await form().getByLabel('Address').fill('not an address');
    await form().getByLabel('Headers').fill('Authorization');
    await form().getByLabel('Partner applied').click();
    await form().getByText('Each line must read “Name: value”').waitFor();
    expect(await form().getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await form().getByLabel('Headers').fill('');
    await form().getByRole('button', { name: 'Save' }).click();
    await toast('url must be a valid URL');
    await shot('refused');
    expect(await stored()).toEqual(before);
    await form().getByRole('button', { name: 'Cancel' }).click();
  });

  it("edits a webhook's partner events and keeps its other events", async () => {
    const store = app.strapi.get('webhookStore') as Modules.WebhookStore.WebhookStore;
    const [webhook] = await store.findWebhooks();
    await store.updateWebhook(String(webhook.id), {
      ...webhook,
      events: ['entry.create', ...webhook.events],
    });
    await page.reload();
    const row = section().locator('tbody tr', { hasText: 'Accounting' });
    await row.getByRole('button', { name: 'Edit' }).click();
    await form().getByLabel('Commission approved').click();
    await form().getByLabel('Payout failed').click();
    await form().getByRole('button', { name: 'Save' }).click();
    await toast('Webhook “Accounting” saved');
    expect((await store.findWebhooks())[0].events).toEqual([
      'entry.create',
      'partners.payout.paid',
      'partners.payout.failed',
    ]);
    await row.getByText('Payout paid, Payout failed').waitFor();
    await shot('edited');
  });

  it("tells a role without Strapi's webhook permissions why it lists none", async () => {
    const editor = await adminWithActions(app, [
      'plugin::partners.read',
      'plugin::partners.settings.manage',
    ]);
    const view = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await adminSignIn(view, origin, editor);
    await view.goto(`${origin}/admin/plugins/partners/settings`);
    const card = view.locator('[data-section="webhooks"]');
    await card.getByText("Your role cannot read Strapi's webhooks").waitFor();
    expect(await card.getByRole('button', { name: 'Add webhook' }).count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await view.screenshot({ path: join(ARTIFACTS, 'denied.png'), fullPage: true });
    await view.context().close();
  });

  it('deletes one after a confirmation', async () => {
    await section()
      .locator('tbody tr', { hasText: 'Accounting' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    await toast('Webhook “Accounting” deleted');
    await section().getByText('No webhook sends partner events yet.').waitFor();
    expect(await stored()).toEqual([]);
  });
});
