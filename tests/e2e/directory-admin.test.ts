import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { uid } from '../../plugin/model';
import { launchChromium } from '../helpers/chromium';
import { createPartner } from '../helpers/fixtures';
import type { TestApp } from '../helpers/strapi';
import { signInAsAdmin, startEmptyAdminWorld } from './admin-world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The admin's Directory page in Chromium (docs/directory.md): an editor drafts an application
 * (it then awaits the partner) and unpublishes a live listing. Screenshots go to
 * tests/artifacts/directory-admin/.
 */

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'directory-admin');

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

const listings = () => app.strapi.plugin('partners').service('listings');
const stored = (key: string): Promise<Row> =>
  app.strapi.db.query(uid('listing')).findOne({ where: { partner: { id: ids[key] } } });
const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ app, origin } = await startEmptyAdminWorld());
  const application = {
    description: 'Paid search and attribution for SaaS teams.',
    services: ['Paid search'],
    regions: ['Europe'],
    website: null,
  };
  for (const name of ['Hopper Digital', 'Lovelace Labs']) {
    const partner = await createPartner(app.strapi, { name });
    ids[name] = partner.id;
    await listings().apply(partner.id, application);
  }
  const live = await stored('Lovelace Labs');
  await listings().draft(live.documentId, { regions: ['Europe', 'Asia'] });
  await listings().approve(ids['Lovelace Labs']);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the directory in the admin', () => {
  it('drafts an application: it then awaits the partner', async () => {
    await signInAsAdmin(page, origin);
    await page.goto(`${origin}/admin/plugins/partners/directory`);
    await page.getByRole('heading', { name: 'Directory' }).first().waitFor();
    await page.getByText('Lovelace Labs').first().waitFor();
    await shot('listings');
    const row = page.locator('tr', { hasText: 'Hopper Digital' });
    await row.getByRole('button', { name: 'Edit draft' }).click();
    const name = page.getByRole('dialog').locator('input[name="name"]');
    await name.fill('Hopper Digital Agency');
    await shot('draft-dialog');
    await page.getByRole('button', { name: 'Save draft and send to the partner' }).click();
    await page.getByText("Draft saved; it awaits the partner's approval.").first().waitFor();
    expect(await stored('Hopper Digital')).toMatchObject({
      state: 'drafted',
      name: 'Hopper Digital Agency',
    });
    await page
      .locator('tr', { hasText: 'Hopper Digital Agency' })
      .getByText('Awaiting partner')
      .waitFor();
    // Never live: nothing to unpublish, so the page does not offer it.
    const drafted = page.locator('tr', { hasText: 'Hopper Digital Agency' });
    expect(await drafted.getByRole('button', { name: 'Unpublish' }).count()).toBe(0);
    await shot('drafted');
  });

  it('unpublishes a live listing', async () => {
    const row = page.locator('tr', { hasText: 'Lovelace Labs' });
    await row.getByRole('button', { name: 'Unpublish' }).click();
    await page
      .getByText('Listing unpublished: it is no longer in the directory.')
      .first()
      .waitFor();
    expect(await stored('Lovelace Labs')).toMatchObject({ state: 'unpublished', liveSince: null });
    await shot('unpublished');
  });
});
