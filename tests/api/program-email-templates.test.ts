import { Agent } from 'node:http';
import type {
  EmailPreviewResponse,
  PreviewProgramTemplateRequest,
} from '../../plugin/contracts/notifications';
import type { CreateProgramRequest, ProgramView } from '../../plugin/contracts/admin';
import { uid } from '../../plugin/model';
import { adminToken } from '../helpers/admin';
import { adminTokenWithActions } from '../helpers/admin-roles';
import { createLink, createPartner, enroll, orderBody } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * Per-program e-mail templates (issue 15): a program words its own messages over the global
 * templates, field by field; "reset to global" is an absent entry; the application messages can
 * be switched off for a program; the program editor previews through the real renderer. Mails
 * go over real SMTP.
 */

/** SMTP carries CRLF line ends and a final line end. */
const plain = (text: string) => text.replace(/\r\n/g, '\n').trim();

const { app, smtp, apiToken, admin } = useTestApp({ smtp: true, apiToken: true, admin: true });
let programManager: string;
let editor: string;
let serial = 0;

beforeAll(async () => {
  programManager = await adminTokenWithActions(app, ['plugin::partners.programs.manage']);
  editor = await adminToken(app, 'strapi-editor');
});

const as = (token: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown) =>
    app
      .request()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
  put: (path: string, body: unknown) =>
    app
      .request()
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
});

const newProgram = async (
  data: Partial<CreateProgramRequest['data']> = {}
): Promise<ProgramView> => {
  serial += 1;
  const res = await as(programManager).post('/partners/programs', {
    data: {
      name: `Worded ${serial}`,
      slug: `worded-${serial}-${Date.now()}`,
      status: 'active',
      applicationMode: 'approval',
      commission: { type: 'percentage', bps: 2000 },
      holdDays: 0,
      ...data,
    },
  });
  if (res.status !== 201) throw new Error(`program: ${res.status} ${res.text}`);
  return res.body.data;
};

const setTemplates = (program: ProgramView, emailTemplates: unknown) =>
  as(programManager).put(`/partners/programs/${program.documentId}`, {
    data: { emailTemplates },
  });

const stored = async (program: ProgramView) =>
  (await app.strapi.db.query(uid('program')).findOne({ where: { documentId: program.documentId } }))
    .emailTemplates;

let nextHost = 10;
/** A public application, from an address of its own (the route is rate-limited per address). */
const apply = (program: ProgramView, email: string) => {
  const agent = new Agent({ localAddress: `127.3.0.${nextHost++}` });
  return app
    .request()
    .post('/api/partners/applications')
    .agent(agent)
    .send({
      data: { program: program.slug, name: 'Ada Applicant', email, acceptTerms: true },
    });
};

const mailTo = (email: string) => smtp().waitFor((mail) => mail.to.includes(email));

const preview = (name: string, data: PreviewProgramTemplateRequest['data'], token = admin()) =>
  as(token).post(`/partners/notifications/templates/${name}/preview`, { data });

describe('a program’s wording in the real send', () => {
  it('sends the application received e-mail in the program’s words', async () => {
    const program = await newProgram({
      name: 'Ontraport Partners',
      emailTemplates: {
        'application-received': {
          subject: '{{programName}}: we have your application',
          body: 'Hello {{partnerName}},\n\nThanks for applying to {{programName}} <3 & welcome.',
        },
      },
    });
    expect(program.emailTemplates).toEqual({
      'application-received': {
        subject: '{{programName}}: we have your application',
        body: 'Hello {{partnerName}},\n\nThanks for applying to {{programName}} <3 & welcome.',
      },
    });
    await apply(program, 'ada-received@applicants.test').expect(201);
    const mail = await mailTo('ada-received@applicants.test');
    expect(mail.subject).toBe('Ontraport Partners: we have your application');
    expect(plain(mail.text)).toBe(
      'Hello Ada Applicant,\n\nThanks for applying to Ontraport Partners <3 & welcome.'
    );
    expect(mail.html).toContain('Thanks for applying to Ontraport Partners &lt;3 &amp; welcome.');

    // Another program keeps the built-in wording.
    const other = await newProgram({ name: 'Plain Program' });
    await apply(other, 'ada-plain@applicants.test').expect(201);
    const plainMail = await mailTo('ada-plain@applicants.test');
    expect(plainMail.subject).toBe('We received your application to Plain Program');
  });

  it('layers the program over the global template field by field, and resets to global', async () => {
    await as(admin())
      .put('/partners/notifications/templates/commission-earned', {
        data: { subject: 'Global: {{amount}} earned', body: 'Global body for {{partnerName}}.' },
      })
      .expect(200);
    const program = await newProgram({
      name: 'Loud Program',
      notifyOnCommission: true,
      emailTemplates: {
        'commission-earned': { subject: null, body: '{{programName}} pays you {{amount}}.' },
      },
    });
    const programRow = await app.strapi.db
      .query(uid('program'))
      .findOne({ where: { documentId: program.documentId } });
    const partner = await createPartner(app.strapi, { name: 'Grace Earner' });
    await enroll(app.strapi, partner, programRow);
    const link = await createLink(app.strapi, partner, programRow);
    /** A $100.00 order through the API, and the commission e-mail it brings. */
    const orderMail = async () => {
      const since = smtp().messages.length;
      await app
        .request()
        .post('/api/partners/orders')
        .set('Authorization', `Bearer ${apiToken()}`)
        .send(orderBody({ referralCode: link.code, amount: 10000 }))
        .expect(201);
      return smtp().waitFor(
        (message) => message.to.includes(partner.email) && smtp().messages.indexOf(message) >= since
      );
    };

    const mail = await orderMail();
    expect(mail.subject).toBe('Global: $20.00 earned');
    expect(plain(mail.text)).toBe('Loud Program pays you $20.00.');

    // Reset to global: the entry goes, the global wording comes back.
    const reset = await setTemplates(program, {}).expect(200);
    expect(reset.body.data.emailTemplates).toEqual({});
    expect(await stored(program)).toEqual({});
    const globalMail = await orderMail();
    expect(globalMail.subject).toBe('Global: $20.00 earned');
    expect(plain(globalMail.text)).toBe('Global body for Grace Earner.');

    await as(admin())
      .put('/partners/notifications/templates/commission-earned', {
        data: { subject: null, body: null },
      })
      .expect(200);
  });

  it('does not send a message the program switched off, and says so', async () => {
    const program = await newProgram({
      emailTemplates: { 'application-rejected': { send: false } },
    });
    expect(program.emailTemplates).toEqual({
      'application-rejected': { subject: null, body: null, send: false },
    });
    await apply(program, 'ada-rejected@applicants.test').expect(201);
    const partner = await app.strapi.db
      .query(uid('partner'))
      .findOne({ where: { email: 'ada-rejected@applicants.test' } });
    const since = smtp().messages.length;
    const res = await as(admin())
      .post(`/partners/partners/${partner.documentId}/reject`, {
        data: { reason: 'Not this time.' },
      })
      .expect(200);
    expect(res.body.data).toMatchObject({
      status: 'rejected',
      mailed: false,
      mailError: expect.stringContaining('switched off in the program'),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      smtp()
        .messages.slice(since)
        .filter((mail) => mail.to.includes('ada-rejected@applicants.test'))
    ).toEqual([]);
  });
});

describe('bad input', () => {
  it('answers 400 with the reason and stores nothing', async () => {
    const program = await newProgram({
      emailTemplates: { 'application-approved': { subject: 'Welcome to {{programName}}' } },
    });
    const before = await stored(program);
    const cases: Array<[unknown, string]> = [
      [{ 'application-received': { subject: 'Hi {{iban}}' } }, 'unknown placeholder {{iban}}'],
      [{ 'application-received': { body: 'Paid {{amount}}' } }, 'unknown placeholder {{amount}}'],
      [{ 'application-received': { subject: 'Hi\r\nBcc: x@evil.test' } }, 'one line'],
      [{ 'payout-sent': { subject: 'Paid' } }, 'payout-sent'],
      [{ 'commission-earned': { send: false } }, 'notifyOnCommission'],
      [{ 'application-received': { subject: 'Hi', html: '<p>x</p>' } }, 'html'],
      [{ 'application-received': { subject: 'x'.repeat(201) } }, ''],
      [{ 'application-received': 'Hi' }, ''],
      ['all of them', ''],
    ];
    for (const [emailTemplates, reason] of cases) {
      const res = await setTemplates(program, emailTemplates).expect(400);
      expect(res.body.data).toBeNull();
      expect(JSON.stringify(res.body.error)).toContain(reason);
    }
    // A create with a bad template stores no program either.
    const programs = await app.strapi.db.query(uid('program')).count({});
    await as(programManager)
      .post('/partners/programs', {
        data: {
          name: 'Broken',
          slug: `broken-${Date.now()}`,
          commission: { type: 'percentage', bps: 2000 },
          emailTemplates: { 'application-received': { body: '{{nope}}' } },
        },
      })
      .expect(400);
    expect(await app.strapi.db.query(uid('program')).count({})).toBe(programs);
    expect(await stored(program)).toEqual(before);
  });

  it('keeps program wording to program managers', async () => {
    const program = await newProgram();
    await as(editor)
      .put(`/partners/programs/${program.documentId}`, {
        data: { emailTemplates: { 'application-received': { subject: 'Hi' } } },
      })
      .expect(403);
    await preview('application-received', { subject: 'Hi' }, editor).expect(403);
    await app
      .request()
      .post('/partners/notifications/templates/application-received/preview')
      .send({ data: {} })
      .expect(401);
    expect(await stored(program)).toEqual({});
  });
});

describe('the preview', () => {
  it('renders the sample with the unsaved wording, escaped, and says where each part comes from', async () => {
    const res = await preview('application-approved', {
      programName: 'Acme <Cloud>',
      subject: 'Welcome to {{programName}}',
      body: 'Hi {{partnerName}},\n\n<b>Log in</b>: {{portalUrl}}',
    }).expect(200);
    const { data } = res.body as EmailPreviewResponse;
    expect(data).toMatchObject({
      subject: 'Welcome to Acme <Cloud>',
      text: 'Hi Grace Hopper,\n\n<b>Log in</b>: https://acme.example/partner-portal',
      subjectFrom: 'program',
      bodyFrom: 'program',
    });
    expect(data.html).toContain('&lt;b&gt;Log in&lt;/b&gt;');
    expect(data.html).not.toContain('<b>');

    // Nothing set: the built-in wording about the program; a global override shows as such.
    await as(admin())
      .put('/partners/notifications/templates/application-approved', {
        data: { subject: 'Global welcome, {{partnerName}}' },
      })
      .expect(200);
    const fallback = await preview(
      'application-approved',
      { programName: 'Acme Cloud' },
      programManager
    ).expect(200);
    expect(fallback.body.data).toMatchObject({
      subject: 'Global welcome, Grace Hopper',
      subjectFrom: 'global',
      bodyFrom: 'default',
    });
    expect(fallback.body.data.text).toContain('Acme Cloud');
    await as(admin())
      .put('/partners/notifications/templates/application-approved', { data: { subject: null } })
      .expect(200);
  });

  it('answers 400 for bad wording and 404 for a message a program cannot word', async () => {
    const bad = await preview('application-received', { body: 'Hi {{iban}}' }).expect(400);
    expect(bad.body.error.message).toContain('unknown placeholder {{iban}}');
    await preview('application-received', { subject: 'a\nb' }).expect(400);
    await preview('application-received', { subject: 'Hi', send: false } as never).expect(400);
    await preview('payout-sent', { subject: 'Paid' }).expect(404);
    await preview('no-such-template', {}).expect(404);
  });
});
