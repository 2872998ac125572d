import { formatMoney } from '../currency';
import { emailContent, monthName, type EmailContent } from './email-content';

export interface MonthlyStatementData {
  partnerName: string;
  /** "YYYY-MM" */
  month: string;
  currency: string;
  openingBalance: number;
  earned: number;
  /** Clawbacks, refund adjustments and reversals: zero or negative. */
  deducted: number;
  paidOut: number;
  closingBalance: number;
  portalUrl?: string | null;
}

/** The monthly statement, sent at the start of the next month with the PDF attached. */
export function monthlyStatementEmail(data: MonthlyStatementData): EmailContent {
  const money = (amount: number) => formatMoney(amount, data.currency);
  const month = monthName(data.month);
  return emailContent({
    template: {
      name: 'monthly-statement',
      variables: {
        partnerName: data.partnerName,
        month,
        currency: data.currency,
        openingBalance: money(data.openingBalance),
        earned: money(data.earned),
        deducted: money(data.deducted),
        paidOut: money(data.paidOut),
        closingBalance: money(data.closingBalance),
        portalUrl: data.portalUrl ?? '',
      },
    },
    subject: `Your partner statement for ${month}`,
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [`Here is your statement for ${month} (${data.currency}). The PDF is attached.`],
    rows: [
      ['Opening balance', money(data.openingBalance)],
      ['Commissions approved', money(data.earned)],
      ['Deductions', money(data.deducted)],
      ['Paid out', money(-data.paidOut)],
      ['Closing balance', money(data.closingBalance)],
    ],
    link: data.portalUrl
      ? { label: 'All statements in the partner portal', url: data.portalUrl }
      : undefined,
  });
}
