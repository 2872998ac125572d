import PDFDocument from 'pdfkit';
import { formatMoney, toDecimalString } from '../../../plugin/currency';
import { monthName } from '../../../plugin/notifications';
import type { Statement } from '../../../plugin/payouts';

export interface StatementHeader {
  partnerName: string;
  partnerEmail: string | null;
  company: string | null;
  /** Who issues it: the portal's title. */
  issuer: string;
}

// The standard PDF fonts encode WinAnsi (Latin-1 and a few more): other characters would print
// as garbage, so amounts fall back to "1,234.50 INR" and other text loses them.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
  );
};
/**
 * Keeps what the font can print: "ā" becomes "a", a currency sign it lacks ("₹") the currency
 * code, anything else without a Latin form "?".
 */
const printable = (text: string, currency = '') =>
  [...text]
    .map((char) => {
      if (isWinAnsi(char)) return char;
      if (currency && /\p{Sc}/u.test(char)) return `${currency} `;
      const base = [...char.normalize('NFD')].filter(isWinAnsi).join('');
      return base || '?';
    })
    .join('');
const money = (amount: number, currency: string) => {
  const formatted = formatMoney(amount, currency);
  return [...formatted].every(isWinAnsi)
    ? formatted
    : `${toDecimalString(amount, currency)} ${currency}`;
};
const day = (iso: string) => iso.slice(0, 10);

const LEFT = 50;
const WIDTH = 495; // A4 (595 pt) minus margins
const COLUMNS = { date: LEFT, text: LEFT + 80, amount: LEFT + 375 };
const AMOUNT_WIDTH = WIDTH - 375;

/**
 * A partner's monthly statement as a PDF (pdfkit, A4): opening balance, each entry with its
 * explanation, the payouts, and the closing balance. Returns the document as a readable stream.
 */
export const renderStatementPdf = (statement: Statement, header: StatementHeader) => {
  const doc = new PDFDocument({ size: 'A4', margin: LEFT, info: { Title: 'Partner statement' } });
  const amount = (value: number) => money(value, statement.currency);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('Helvetica-Bold').fontSize(18).text('Partner statement', LEFT, LEFT);
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor('#555')
    .text(`${monthName(statement.month)} · ${statement.currency} · ${printable(header.issuer)}`)
    .moveDown(0.8)
    .fillColor('#000')
    .font('Helvetica-Bold')
    .text(printable(header.partnerName));
  doc.font('Helvetica');
  if (header.company) doc.text(printable(header.company));
  if (header.partnerEmail) doc.text(printable(header.partnerEmail));
  doc.moveDown(1);

  const summary: Array<[string, number]> = [
    ['Opening balance', statement.openingBalance],
    ['Commissions approved', statement.totals.earned],
    ['Deductions (refunds, clawbacks)', statement.totals.deducted],
    ['Paid out', -statement.totals.paidOut],
  ];
  for (const [label, value] of summary) {
    const y = doc.y;
    doc
      .text(label, LEFT, y)
      .text(amount(value), COLUMNS.amount, y, { width: AMOUNT_WIDTH, align: 'right' });
  }
  const closingY = doc.y + 4;
  doc
    .moveTo(LEFT, closingY)
    .lineTo(LEFT + WIDTH, closingY)
    .strokeColor('#999')
    .stroke();
  doc.font('Helvetica-Bold').text('Closing balance', LEFT, closingY + 6);
  doc.text(amount(statement.closingBalance), COLUMNS.amount, closingY + 6, {
    width: AMOUNT_WIDTH,
    align: 'right',
  });
  doc
    .moveDown(0.6)
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#777')
    .text(
      'Commissions count once approved; pending ones are not included. Months are calendar months in UTC.',
      LEFT,
      doc.y,
      { width: WIDTH }
    )
    .fillColor('#000')
    .moveDown(2);

  const tableHeader = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10);
    doc.text('Date', COLUMNS.date, y).text('Description', COLUMNS.text, y);
    doc.text('Amount', COLUMNS.amount, y, { width: AMOUNT_WIDTH, align: 'right' });
    doc
      .moveTo(LEFT, doc.y + 2)
      .lineTo(LEFT + WIDTH, doc.y + 2)
      .strokeColor('#ccc')
      .stroke();
    doc.font('Helvetica').moveDown(0.5);
  };
  const row = (date: string, text: string, value: number, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const height = doc.heightOfString(text, { width: 280 }) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      tableHeader();
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    }
    const y = doc.y;
    doc.text(date, COLUMNS.date, y).text(text, COLUMNS.text, y, { width: 280 });
    const after = doc.y;
    doc.text(amount(value), COLUMNS.amount, y, { width: AMOUNT_WIDTH, align: 'right' });
    doc.y = Math.max(after, doc.y) + 4;
  };

  tableHeader();
  row(day(statement.startsAt), 'Opening balance', statement.openingBalance, true);
  const movements = [
    ...statement.lines.map((line) => ({
      at: line.at,
      value: line.amount,
      text: printable(
        `${line.type === 'reversal' ? 'Reversed: ' : ''}${line.summary ?? line.kind}`,
        statement.currency
      ),
    })),
    ...statement.payouts.map((payout) => ({
      at: payout.at,
      value: -payout.amount,
      text: printable(`Payout${payout.reference ? ` (${payout.reference})` : ''}`),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  for (const movement of movements) row(day(movement.at), movement.text, movement.value);
  if (movements.length === 0) row('', 'No activity this month', 0);
  const lastDay = new Date(Date.parse(statement.endsAt) - 1).toISOString();
  row(day(lastDay), 'Closing balance', statement.closingBalance, true);

  doc.end();
  return doc;
};
