import { uid } from '../../plugin/model';
import { earnApproved, markPayoutPaid } from '../helpers/ledger';
import { createLink, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §10: e-mails through Strapi's email plugin, delivered over real SMTP (the playground's
 * nodemailer provider) to a server this file starts.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { app, smtp, apiToken, admin } = useTestApp({ smtp: true, apiToken: true, admin: true });
let partner: Row;
let program: Row;
let code: string;

const notifications = () => app.strapi.plugin('partners').service('notifications');
const to = (email: string) => (mail: { to: string[] }) => mail.to.includes(email);

const earn = (amount: number, paidAt: string) =>
  earnApproved(app, apiToken(), code, amount, paidAt);

beforeAll(async () => {
  partner = await createPartner(app.strapi, { name: 'Grace Hopper' });
  program = await createProgram(app.strapi, { name: 'Acme Affiliates', holdDays: 0 });
  await enroll(app.strapi, partner, program);
  code = (await createLink(app.strapi, partner, program)).code;
});

describe('payout and statement e-mails', () => {
  it('tells a partner its payout was sent, with the amount', async () => {
    await earn(60000, '2026-01-10T10:00:00Z'); // $120.00
    await app.strapi.plugin('partners').service('payouts').run('2026-01');
    const [payout] = await app.strapi.db
      .query(uid('payout'))
      .findMany({ where: { partnerId: partner.id } });
    await markPayoutPaid(app, admin(), payout.documentId, {
      reference: 'PP-BATCH-7',
      paidAt: '2026-02-03T10:00:00Z',
    }).expect(200);

    const mail = await smtp().waitFor(to(partner.email));
    expect(mail.subject).toBe('Your payout of $120.00 is on its way');
    expect(mail.text).toContain('We have sent you $120.00 for your commissions of January 2026.');
    expect(mail.text).toContain('Reference: PP-BATCH-7');
    expect(mail.html).toContain('<strong>$120.00</strong>');
  });

  it('sends each partner its monthly statement once, with the PDF attached', async () => {
    await earn(25000, '2026-02-20T10:00:00Z'); // $50.00
    const before = smtp().messages.length;
    const jobs = app.strapi.plugin('partners').service('jobs');
    const at = new Date('2026-03-01T02:00:00Z');
    expect(await jobs.runOnce('monthly-statements', at)).toMatchObject({
      ran: true,
      tick: '2026-02',
      result: { partners: 1, sent: 1 },
    });
    expect(
      await jobs.runOnce('monthly-statements', new Date('2026-03-02T02:00:00Z'))
    ).toMatchObject({
      ran: false,
    });

    const mail = await smtp().waitFor(
      (message) => to(partner.email)(message) && message.subject.includes('statement')
    );
    expect(smtp().messages.length).toBe(before + 1);
    expect(mail.subject).toBe('Your partner statement for February 2026');
    for (const line of [
      'Opening balance: $120.00',
      'Commissions approved: $50.00',
      'Deductions: $0.00',
      'Paid out: -$120.00',
      'Closing balance: $50.00',
    ]) {
      expect(mail.text).toContain(line);
    }
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      filename: 'statement-2026-02-USD.pdf',
      contentType: 'application/pdf',
    });
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('other templates', () => {
  it('announces a commission only in programs that ask for it', async () => {
    const loud = await createProgram(app.strapi, { name: 'Loud', notifyOnCommission: true });
    const quiet = await createProgram(app.strapi, { name: 'Quiet', notifyOnCommission: false });
    const entry = (programRow: Row) =>
      app.strapi.db.query(uid('commission')).create({
        data: {
          partnerId: partner.id,
          programId: programRow.id,
          kind: 'sale',
          amount: 2000,
          currency: 'USD',
          state: 'pending',
          availableAt: '2026-12-20T10:00:00Z',
          explanation: { summary: '20% of $100.00 = $20.00', steps: [] },
          idempotencyKey: `test:${programRow.id}`,
        },
      });
    expect(await notifications().commissionEarned((await entry(quiet)).id)).toBe(false);
    expect(await notifications().commissionEarned((await entry(loud)).id)).toBe(true);
    const mail = await smtp().waitFor((message) => message.subject.includes('You earned'));
    expect(mail.subject).toBe('You earned $20.00 with Loud');
    expect(mail.text).toContain('20% of $100.00 = $20.00');
    expect(mail.text).toContain('2026-12-20');
  });

  it('escapes names in HTML and keeps them in text', async () => {
    const applicant = await createPartner(app.strapi, { name: '<b>Eve</b> & Co' });
    expect(await notifications().applicationReceived(applicant.id, program.id)).toEqual({
      mailed: true,
      mailError: null,
    });
    const mail = await smtp().waitFor(to(applicant.email));
    expect(mail.subject).toBe('We received your application to Acme Affiliates');
    expect(mail.text).toContain('Hi <b>Eve</b> & Co,');
    expect(mail.html).toContain('Hi &lt;b&gt;Eve&lt;/b&gt; &amp; Co,');
    expect(mail.html).not.toContain('<b>Eve</b>');
  });

  it('sends application decisions and invitations', async () => {
    const applicant = await createPartner(app.strapi, { name: 'Katherine Johnson' });
    await notifications().applicationApproved(applicant.id, program.id);
    await notifications().applicationRejected(
      applicant.id,
      program.id,
      'Your site is not live yet.'
    );
    await notifications().invitation('new.partner@partners.test', {
      partnerName: null,
      programName: 'Acme Affiliates',
      acceptUrl: 'https://acme.example/partner-portal/invite?token=abc123',
      expiresAt: '2026-12-01T00:00:00.000Z',
    });
    await smtp().waitFor((mail) => mail.subject === 'Welcome to Acme Affiliates');
    const rejected = await smtp().waitFor((mail) => mail.subject.startsWith('Your application'));
    expect(rejected.text).toContain('Your site is not live yet.');
    const invitation = await smtp().waitFor(to('new.partner@partners.test'));
    expect(invitation.text).toContain(
      'Accept the invitation: https://acme.example/partner-portal/invite?token=abc123'
    );
    expect(invitation.text).toContain('until 2026-12-01');
  });
});

describe('without an SMTP server', () => {
  it('logs the failure and lets the payout go through', async () => {
    await smtp().close();
    const warn = jest.spyOn(app.strapi.log, 'warn');
    const other = await createPartner(app.strapi);
    await enroll(app.strapi, other, program);
    code = (await createLink(app.strapi, other, program)).code;
    await earn(60000, '2026-04-10T10:00:00Z');
    await app.strapi.plugin('partners').service('payouts').run('2026-04');
    const [payout] = await app.strapi.db
      .query(uid('payout'))
      .findMany({ where: { partnerId: other.id } });
    await markPayoutPaid(app, admin(), payout.documentId, { reference: 'PP-BATCH-8' }).expect(200);
    expect(await notifications().payoutSent(payout.id)).toBe(false);
    const messages = warn.mock.calls.map(([message]) => String(message));
    expect(
      messages.some((message) =>
        /e-mail "Your payout of .*" to .\*\*\*@partners\.test was not sent/.test(message)
      )
    ).toBe(true);
    expect(messages.join('\n')).not.toContain(other.email);
  });
});
