import { applicationApprovedEmail } from './application-approved';
import { applicationReceivedEmail } from './application-received';
import { applicationRejectedEmail } from './application-rejected';
import { commissionEarnedEmail } from './commission-earned';
import { escapeHtml, type EmailContent } from './email-content';
import { invitationEmail } from './invitation';
import { monthlyStatementEmail } from './monthly-statement';
import { payoutDetailsChangedEmail } from './payout-details-changed';
import { payoutSentEmail } from './payout-sent';

/**
 * The editable e-mail templates: each with a description and a sample, rendered from the
 * template's own function. The sample names the placeholders an override may use: the
 * `variables` the template fills in, so they can never drift from the code.
 */
const SAMPLE_PORTAL = 'https://acme.example/partner-portal';
const SAMPLE_PROGRAM = 'Acme Affiliates';
const REGISTRY = {
  'application-received': {
    description: 'To a partner whose application to a program arrived',
    sample: (programName = SAMPLE_PROGRAM) =>
      applicationReceivedEmail({ partnerName: 'Grace Hopper', programName }),
  },
  'application-approved': {
    description: 'To a partner whose application was approved',
    sample: (programName = SAMPLE_PROGRAM) =>
      applicationApprovedEmail({
        partnerName: 'Grace Hopper',
        programName,
        portalUrl: SAMPLE_PORTAL,
      }),
  },
  'application-rejected': {
    description: 'To a partner whose application was rejected (reason: the editor’s note, if any)',
    sample: (programName = SAMPLE_PROGRAM) =>
      applicationRejectedEmail({
        partnerName: 'Grace Hopper',
        programName,
        reason: 'Your site is not live yet.',
      }),
  },
  invitation: {
    description: 'A portal invitation with its single-use link',
    sample: (programName = SAMPLE_PROGRAM) =>
      invitationEmail({
        partnerName: 'Grace Hopper',
        programName,
        acceptUrl: `${SAMPLE_PORTAL}/invite?token=…`,
        expiresAt: '2026-12-01T00:00:00.000Z',
      }),
  },
  'commission-earned': {
    description: 'A new commission, in programs with “notify on commission”',
    sample: (programName = SAMPLE_PROGRAM) =>
      commissionEarnedEmail({
        partnerName: 'Grace Hopper',
        programName,
        amount: 2000,
        currency: 'USD',
        summary: '20% of $100.00 = $20.00',
        availableAt: '2026-12-20T10:00:00.000Z',
      }),
  },
  'payout-sent': {
    description: 'A payout marked paid (by hand, by a Stripe transfer, as account credit)',
    sample: () =>
      payoutSentEmail({
        partnerName: 'Grace Hopper',
        amount: 12000,
        currency: 'USD',
        period: '2026-01',
        methodType: 'paypal',
        reference: 'PP-BATCH-7',
        portalUrl: SAMPLE_PORTAL,
      }),
  },
  'monthly-statement': {
    description: 'The monthly statement (the PDF is attached whatever the body says)',
    sample: () =>
      monthlyStatementEmail({
        partnerName: 'Grace Hopper',
        month: '2026-01',
        currency: 'USD',
        openingBalance: 0,
        earned: 12000,
        deducted: -2000,
        paidOut: 0,
        closingBalance: 10000,
        portalUrl: SAMPLE_PORTAL,
      }),
  },
  'payout-details-changed': {
    description: 'To a partner whose payout methods changed (one added, or another made active)',
    sample: () =>
      payoutDetailsChangedEmail({
        partnerName: 'Grace Hopper',
        change: 'A bank account ending 6789 is now your payout method',
        at: '2026-12-07T11:00:00.000Z',
        portalUrl: SAMPLE_PORTAL,
      }),
  },
} as const satisfies Record<
  string,
  { description: string; sample: (programName?: string) => EmailContent }
>;

export type EmailTemplateName = keyof typeof REGISTRY;
export const EMAIL_TEMPLATE_NAMES = Object.keys(REGISTRY) as [
  EmailTemplateName,
  ...EmailTemplateName[],
];

export const isEmailTemplateName = (name: string): name is EmailTemplateName =>
  Object.prototype.hasOwnProperty.call(REGISTRY, name);

/** An editor's override: a subject, a plain-text body, or both (null: the default). */
export interface TemplateOverride {
  subject?: string | null;
  body?: string | null;
}

/** The placeholders a template's override may use, as `{{name}}`. */
export const templatePlaceholders = (name: EmailTemplateName): string[] =>
  Object.keys(REGISTRY[name].sample().template?.variables ?? {});

export const templateDescription = (name: EmailTemplateName) => REGISTRY[name].description;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholder names a text uses. */
export const placeholdersIn = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);

const fill = (text: string, variables: Record<string, string>) =>
  text.replace(PLACEHOLDER, (_, key: string) => variables[key] ?? '');

/** A body's HTML: its paragraphs (blank-line separated) escaped, lines kept. */
const bodyHtml = (text: string) =>
  [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#212134">',
    ...text
      .split(/\n\s*\n/)
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`),
    '</body></html>',
  ].join('');

/**
 * The e-mail as the editor wants it: the override's subject and body with the placeholders
 * filled in (the HTML built from the text, escaped), the default for whatever it leaves out.
 */
export function applyTemplateOverride(
  content: EmailContent,
  override: TemplateOverride | null | undefined
): EmailContent {
  const variables = content.template?.variables;
  if (!override || !variables) return content;
  const subject = override.subject
    ? fill(override.subject, variables).replace(/[\r\n]+/g, ' ')
    : content.subject;
  if (!override.body) return { ...content, subject };
  const text = fill(override.body, variables).replace(/\r\n/g, '\n').trim();
  return { ...content, subject, text, html: bodyHtml(text) };
}

/** The template filled with sample data, about a program of that name when it names one. */
export const templateSample = (name: EmailTemplateName, programName?: string): EmailContent => {
  const sample: (programName?: string) => EmailContent = REGISTRY[name].sample;
  return sample(programName);
};

/** The template's sample as an override would make it: the admin's preview. */
export const templateExample = (name: EmailTemplateName, override?: TemplateOverride | null) => {
  const { subject, text } = applyTemplateOverride(templateSample(name), override);
  return { subject, text };
};
