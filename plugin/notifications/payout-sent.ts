import { formatMoney } from '../currency';
import { emailContent, monthName, type EmailContent } from './email-content';

export interface PayoutSentData {
  partnerName: string;
  amount: number;
  currency: string;
  /** "YYYY-MM" */
  period: string;
  /** paypal, stripe, bank, credit, or null when it was paid by hand. */
  methodType: string | null;
  reference: string | null;
  portalUrl?: string | null;
}

const METHODS: Record<string, string> = {
  paypal: 'to your PayPal account',
  stripe: 'to your Stripe account',
  bank: 'to your bank account',
  credit: 'as credit on your account',
};

/** Sent when a payout is marked paid (by hand, by a Stripe transfer, or as account credit). */
export function payoutSentEmail(data: PayoutSentData): EmailContent {
  const amount = formatMoney(data.amount, data.currency);
  const how = (data.methodType && METHODS[data.methodType]) || '';
  return emailContent({
    template: {
      name: 'payout-sent',
      variables: {
        partnerName: data.partnerName,
        amount,
        period: monthName(data.period),
        reference: data.reference ?? '',
        portalUrl: data.portalUrl ?? '',
      },
    },
    subject: `Your payout of ${amount} is on its way`,
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [
      `We have sent you ${amount}${how ? ` ${how}` : ''} for your commissions of ${monthName(data.period)}.`,
    ],
    rows: [
      ['Amount', amount],
      ['Period', monthName(data.period)],
      ...(data.reference ? ([['Reference', data.reference]] as const) : []),
    ],
    link: data.portalUrl
      ? { label: 'See it in the partner portal', url: data.portalUrl }
      : undefined,
  });
}
