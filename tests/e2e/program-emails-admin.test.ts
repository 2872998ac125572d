import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { uid } from '../../plugin/model';
import { createProgram } from '../helpers/fixtures';
import type { TestApp } from '../helpers/strapi';
import { signInAsAdmin, startEmptyAdminWorld } from './admin-world';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The program editor's E-mails section in Chromium (issue 15): the program's wording of a
 * message with the server's live preview (escaped), the reason of bad wording, a message switched
 * off, saved with the program, and "reset to global". Screenshots go to
 * tests/artifacts/program-emails/.
 */

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'program-emails');

let app: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let program: Row;

const section = () => page.locator('[data-section="emails"]');
const previewOf = (name: string) => page.locator(`[data-email-preview="${name}"]`);

const shot = async (name: string) => {
  await page.waitForTimeout(400);
  await section().screenshot({ path: join(ARTIFACTS, `${name}.png`) });
};

const storedTemplates = async () =>
  (await app.strapi.db.query(uid('program')).findOne({ where: { id: program.id } })).emailTemplates;

/** Waits for the preview (debounced, rendered by the server) to read `want`. */
const until = async (read: () => Promise<string>, want: string) => {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    if ((await read().catch(() => '')) === want) return;
    await page.waitForTimeout(100);
  }
  expect(await read()).toBe(want);
};

const save = async () => {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Program saved').first().waitFor();
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ app, origin } = await startEmptyAdminWorld());
  program = await createProgram(app.strapi, { name: 'Ontraport Partners', slug: 'ontraport' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the E-mails section of the program editor', () => {
  it('previews the built-in wording about the program', async () => {
    await signInAsAdmin(page, origin);
    await page.goto(`${origin}/admin/plugins/partners/programs/${program.documentId}`);
    await section().scrollIntoViewIfNeeded();
    const subject = previewOf('application-received').locator('[data-email-preview-subject]');
    await subject.waitFor();
    expect(await subject.innerText()).toBe('We received your application to Ontraport Partners');
    expect(
      await previewOf('application-received').locator('[data-email-preview-sources]').innerText()
    ).toBe('Subject: built-in wording · body: built-in wording');
    await shot('built-in');
  });

  it('previews the program’s wording as the editor types, escaped, and shows bad wording’s reason', async () => {
    await section().getByLabel('Subject').fill('{{programName}}: got it, {{partnerName}}');
    await section().getByLabel('Body (plain text)').fill('Hi {{partnerName}},\n\n{{iban}}');
    const problem = previewOf('application-received').locator('[data-email-preview-problem]');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('unknown placeholder {{iban}}');
    await shot('bad-placeholder');

    await section()
      .getByLabel('Body (plain text)')
      .fill('Hi {{partnerName}},\n\n<b>Thanks</b> for applying to {{programName}}.');
    await problem.waitFor({ state: 'detached' });
    const subject = previewOf('application-received').locator('[data-email-preview-subject]');
    await until(() => subject.innerText(), 'Ontraport Partners: got it, Grace Hopper');
    const body = page.frameLocator('[data-email-preview-html]').locator('body');
    // The partner's mail shows the tags as text: the HTML part is escaped.
    await until(
      () => body.innerText(),
      'Hi Grace Hopper,\n\n<b>Thanks</b> for applying to Ontraport Partners.'
    );
    expect(await body.locator('b').count()).toBe(0);
    expect(
      await previewOf('application-received').locator('[data-email-preview-sources]').innerText()
    ).toBe('Subject: this program · body: this program');
    await shot('program-wording');
  });

  it('switches the rejection off and saves both with the program', async () => {
    await section().getByRole('combobox', { name: 'Message' }).click();
    await page.getByRole('option', { name: /^Application rejected/ }).click();
    await section().getByRole('checkbox', { name: 'Send this message' }).click();
    await section().getByRole('combobox', { name: 'Message' }).waitFor();
    expect(await section().getByRole('combobox', { name: 'Message' }).innerText()).toContain(
      'Application rejected · not sent'
    );
    expect(await section().locator('[data-email-off]').innerText()).toMatch(
      /^Not sent in this program/
    );
    await shot('switched-off');
    await save();
    expect(await storedTemplates()).toEqual({
      'application-received': {
        subject: '{{programName}}: got it, {{partnerName}}',
        body: 'Hi {{partnerName}},\n\n<b>Thanks</b> for applying to {{programName}}.',
      },
      'application-rejected': { subject: null, body: null, send: false },
    });
  });

  it('resets a message to the global wording', async () => {
    await page.reload();
    await section().scrollIntoViewIfNeeded();
    const combobox = section().getByRole('combobox', { name: 'Message' });
    await combobox.waitFor();
    expect(await combobox.innerText()).toContain("Application received · this program's wording");
    expect(await section().getByLabel('Subject').inputValue()).toBe(
      '{{programName}}: got it, {{partnerName}}'
    );
    await section().getByRole('button', { name: 'Reset to global' }).click();
    expect(await section().getByLabel('Subject').inputValue()).toBe('');
    await until(
      () => previewOf('application-received').locator('[data-email-preview-subject]').innerText(),
      'We received your application to Ontraport Partners'
    );
    await shot('reset');
    await save();
    expect(await storedTemplates()).toEqual({
      'application-rejected': { subject: null, body: null, send: false },
    });
  });
});
