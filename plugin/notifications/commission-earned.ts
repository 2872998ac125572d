import { formatMoney } from '../currency';
import { emailContent, type EmailContent } from './email-content';

export interface CommissionEarnedData {
  partnerName: string;
  programName: string;
  amount: number;
  currency: string;
  /** The entry's explanation summary ("20% of $100.00 = $20.00"). */
  summary: string | null;
  /** When the hold ends and it can be approved. */
  availableAt: string | null;
}

/** Sent for each new positive entry in programs with `notifyOnCommission`. */
export function commissionEarnedEmail(data: CommissionEarnedData): EmailContent {
  const amount = formatMoney(data.amount, data.currency);
  return emailContent({
    template: {
      name: 'commission-earned',
      variables: {
        partnerName: data.partnerName,
        programName: data.programName,
        amount,
        summary: data.summary ?? '',
        availableAt: data.availableAt?.slice(0, 10) ?? '',
      },
    },
    subject: `You earned ${amount} with ${data.programName}`,
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [
      `A referral just earned you ${amount} in ${data.programName}.`,
      ...(data.summary ? [data.summary] : []),
      ...(data.availableAt
        ? [`It becomes payable after the holding period, on ${data.availableAt.slice(0, 10)}.`]
        : []),
    ],
  });
}
