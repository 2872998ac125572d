import type {
  EmailTemplatesResponse,
  UpdateEmailTemplateRequest,
} from '../../plugin/contracts/notifications';
import { uid } from '../../plugin/model';
import { adminToken } from '../helpers/admin';
import { earnApproved, markPayoutPaid } from '../helpers/ledger';
import { createLink, createPartner, createProgram, enroll, orderBody } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §10: editable e-mail templates. Overrides are kept in Strapi's plugin store, edited through
 * the admin API (Manage settings), and are what partners receive over real SMTP.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** SMTP carries CRLF line ends and a final line end. */
const plain = (text: string) => text.replace(/\r\n/g, '\n').trim();

const { app, smtp, apiToken, admin } = useTestApp({ smtp: true, apiToken: true, admin: true });
let editor: string;

beforeAll(async () => {
  editor = await adminToken(app, 'strapi-editor');
});

const list = (token = admin()) =>
  app.request().get('/partners/notifications/templates').set('Authorization', `Bearer ${token}`);
const put = (name: string, body: unknown, token = admin()) =>
  app
    .request()
    .put(`/partners/notifications/templates/${name}`)
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);
const edit = (name: string, data: UpdateEmailTemplateRequest['data']) =>
  put(name, { data }).expect(200);

const aPartner = async (program: Row = {}) => {
  const partner = await createPartner(app.strapi, { name: 'Ada Lovelace' });
  const programRow = await createProgram(app.strapi, {
    name: 'Acme Affiliates',
    holdDays: 0,
    autoApprove: true,
    payoutMinimum: 0,
    ...program,
  });
  await enroll(app.strapi, partner, programRow);
  const link = await createLink(app.strapi, partner, programRow);
  return { partner, program: programRow, code: link.code as string };
};

describe('the admin API', () => {
  it('answers 401 without a token and 403 without Manage settings', async () => {
    await app.request().get('/partners/notifications/templates').expect(401);
    await app
      .request()
      .put('/partners/notifications/templates/payout-sent')
      .send({ data: { subject: 'x' } })
      .expect(401);
    await list(editor).expect(403);
    await put('payout-sent', { data: { subject: 'Paid' } }, editor).expect(403);
  });

  it('lists every template with its placeholders and a sample', async () => {
    const { body } = (await list().expect(200)) as { body: EmailTemplatesResponse };
    expect(body.data.map((template) => template.name)).toEqual([
      'application-received',
      'application-approved',
      'application-rejected',
      'invitation',
      'commission-earned',
      'payout-sent',
      'monthly-statement',
      'payout-details-changed',
    ]);
    const payoutSent = body.data.find((template) => template.name === 'payout-sent');
    expect(payoutSent).toMatchObject({
      subject: null,
      body: null,
      placeholders: ['partnerName', 'amount', 'period', 'reference', 'portalUrl'],
      example: { subject: 'Your payout of $120.00 is on its way' },
    });
  });

  it('refuses unknown placeholders, multi-line subjects and unknown fields with a 400', async () => {
    const unknown = await put('payout-sent', {
      data: { subject: 'Paid {{amount}} to {{iban}}' },
    }).expect(400);
    expect(unknown.body.error.message).toContain('unknown placeholder {{iban}}');
    await put('payout-sent', { data: { body: 'Hello {{programName}}' } }).expect(400);
    await put('payout-sent', { data: { subject: 'Paid\r\nBcc: someone@evil.test' } }).expect(400);
    await put('payout-sent', { data: { subject: '' } }).expect(400);
    await put('payout-sent', { data: { subject: 'Paid', html: '<p>x</p>' } }).expect(400);
    await put('payout-sent', { subject: 'Paid' }).expect(400);
    await put('no-such-template', { data: { subject: 'Paid' } }).expect(404);
    // Nothing was stored.
    const { body } = await list().expect(200);
    expect(body.data.every((template: Row) => template.subject === null)).toBe(true);
  });
});

describe('what partners receive', () => {
  it('sends the edited payout e-mail, placeholders filled in and HTML escaped', async () => {
    const saved = await edit('payout-sent', {
      subject: '{{amount}} is on its way, {{ partnerName }}',
      body: 'Dear {{partnerName}},\n\nWe paid {{amount}} for {{period}}.\nReference: {{reference}}\n\n<b>Thanks</b> & see you',
    });
    expect(saved.body.data).toMatchObject({
      name: 'payout-sent',
      subject: '{{amount}} is on its way, {{ partnerName }}',
      example: { subject: '$120.00 is on its way, Grace Hopper' },
    });

    const { partner, code } = await aPartner();
    await earnApproved(app, apiToken(), code, 60000, '2026-01-10T10:00:00Z'); // $120.00
    await app.strapi.plugin('partners').service('payouts').run('2026-01');
    const [payout] = await app.strapi.db
      .query(uid('payout'))
      .findMany({ where: { partnerId: partner.id } });
    await markPayoutPaid(app, admin(), payout.documentId, { reference: 'PP-42' }).expect(200);

    const mail = await smtp().waitFor((message) => message.to.includes(partner.email));
    expect(mail.subject).toBe('$120.00 is on its way, Ada Lovelace');
    expect(plain(mail.text)).toBe(
      'Dear Ada Lovelace,\n\nWe paid $120.00 for January 2026.\nReference: PP-42\n\n<b>Thanks</b> & see you'
    );
    expect(mail.html).toContain('<p>We paid $120.00 for January 2026.<br>Reference: PP-42</p>');
    expect(mail.html).toContain('&lt;b&gt;Thanks&lt;/b&gt; &amp; see you');
  });

  it('uses an edited subject alone with the default body, in every notification', async () => {
    await edit('commission-earned', { subject: 'New: {{amount}} from {{programName}}' });
    const { partner, code } = await aPartner({ notifyOnCommission: true, name: 'Loud Co' });
    await app
      .request()
      .post('/api/partners/orders')
      .set('Authorization', `Bearer ${apiToken()}`)
      .send(orderBody({ referralCode: code, amount: 10000 }))
      .expect(201);
    const mail = await smtp().waitFor((message) => message.to.includes(partner.email));
    expect(mail.subject).toBe('New: $20.00 from Loud Co');
    expect(mail.text).toContain('A referral just earned you $20.00 in Loud Co.');

    await edit('application-received', { body: 'Hi {{partnerName}}, {{programName}} got it.' });
    const notifications = app.strapi.plugin('partners').service('notifications');
    const applicant = await aPartner({ name: 'Beta Program' });
    expect(
      await notifications.applicationReceived(applicant.partner.id, applicant.program.id)
    ).toEqual({ mailed: true, mailError: null });
    const received = await smtp().waitFor((message) =>
      message.to.includes(applicant.partner.email)
    );
    expect(received.subject).toBe('We received your application to Beta Program');
    expect(plain(received.text)).toBe('Hi Ada Lovelace, Beta Program got it.');
  });

  it('goes back to the default when the override is cleared', async () => {
    await edit('application-received', { subject: null, body: null });
    const { body } = await list().expect(200);
    expect(
      body.data.find((template: Row) => template.name === 'application-received')
    ).toMatchObject({ subject: null, body: null });
    const applicant = await aPartner({ name: 'Gamma Program' });
    await app.strapi
      .plugin('partners')
      .service('notifications')
      .applicationReceived(applicant.partner.id, applicant.program.id);
    const mail = await smtp().waitFor((message) => message.to.includes(applicant.partner.email));
    expect(mail.text).toContain('Thank you for applying to Gamma Program.');
  });
});
