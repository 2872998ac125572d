import { emailContent, type EmailContent } from './email-content';

export interface PayoutDetailsChangedData {
  partnerName: string;
  /** What changed: "A bank account (…1234) was added", "PayPal is now your payout method". */
  change: string;
  /** When, as ISO 8601 (shown in UTC). */
  at: string;
  portalUrl?: string | null;
}

/** Sent whenever a partner's payout details change, so a stolen login cannot redirect money quietly. */
export function payoutDetailsChangedEmail(data: PayoutDetailsChangedData): EmailContent {
  const when = `${data.at.slice(0, 16).replace('T', ' ')} UTC`;
  return emailContent({
    template: {
      name: 'payout-details-changed',
      variables: {
        partnerName: data.partnerName,
        change: data.change,
        at: when,
        portalUrl: data.portalUrl ?? '',
      },
    },
    subject: 'Your payout details were changed',
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [
      `${data.change}.`,
      'If you did not make this change, sign in and check your payout methods, change your password, and tell us at once.',
    ],
    rows: [['When', when]],
    link: data.portalUrl
      ? { label: 'Check your payout methods', url: `${data.portalUrl}/payouts` }
      : undefined,
  });
}
