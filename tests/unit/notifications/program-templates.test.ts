import {
  applicationRejectedEmail,
  isSwitchedOff,
  layeredOverride,
  payoutSentEmail,
  programOverrideOf,
  programTemplatePreview,
  templatePlaceholders,
} from '../../../plugin/notifications';
import { programEmailTemplatesSchema } from '../../../plugin/contracts/notifications';

const rejected = () =>
  applicationRejectedEmail({ partnerName: 'Ada', programName: 'Acme', reason: null });

describe('a program’s wording over the global templates', () => {
  it.each([
    [
      'program subject, global body',
      { subject: 'P', body: null },
      { subject: 'G', body: 'GB' },
      { subject: 'P', body: 'GB' },
      ['program', 'global'],
    ],
    [
      'global only',
      null,
      { subject: 'G', body: null },
      { subject: 'G', body: null },
      ['global', 'default'],
    ],
    [
      'nothing anywhere',
      { subject: null, body: null },
      undefined,
      { subject: null, body: null },
      ['default', 'default'],
    ],
    [
      'program over global',
      { subject: 'P', body: 'PB' },
      { subject: 'G', body: 'GB' },
      { subject: 'P', body: 'PB' },
      ['program', 'program'],
    ],
  ] as const)('%s', (_label, program, global, override, [subjectFrom, bodyFrom]) => {
    expect(layeredOverride(program, global)).toEqual({ override, subjectFrom, bodyFrom });
  });

  it('takes a program override only for a program message', () => {
    const templates = {
      'application-rejected': { subject: 'x', body: null, send: false as const },
    };
    expect(programOverrideOf(templates, 'application-rejected')).toEqual(
      templates['application-rejected']
    );
    expect(programOverrideOf(templates, 'payout-sent')).toBeNull();
    expect(isSwitchedOff(templates, rejected())).toBe(true);
    expect(isSwitchedOff({}, rejected())).toBe(false);
    expect(isSwitchedOff(null, rejected())).toBe(false);
    const payout = payoutSentEmail({
      partnerName: 'Ada',
      amount: 100,
      currency: 'USD',
      period: '2026-01',
      methodType: null,
      reference: null,
    });
    expect(isSwitchedOff(templates, payout)).toBe(false);
  });

  it('previews the sample about the program with the escaped HTML a send would carry', () => {
    const preview = programTemplatePreview(
      'application-received',
      'Acme & Co',
      { subject: null, body: '<i>{{programName}}</i>' },
      { subject: 'Global {{programName}}', body: null }
    );
    expect(preview).toMatchObject({
      subject: 'Global Acme & Co',
      text: '<i>Acme & Co</i>',
      subjectFrom: 'global',
      bodyFrom: 'program',
    });
    expect(preview.html).toContain('&lt;i&gt;Acme &amp; Co&lt;/i&gt;');
    expect(templatePlaceholders('application-received')).toEqual(['partnerName', 'programName']);
  });
});

describe('the emailTemplates field', () => {
  it('drops entries that change nothing and keeps only send: false', () => {
    expect(
      programEmailTemplatesSchema.parse({
        'application-received': { subject: null, body: null },
        'application-approved': { subject: null, body: null, send: true },
        'application-rejected': { send: false },
        'commission-earned': { body: 'You earned {{amount}}' },
      })
    ).toEqual({
      'application-rejected': { subject: null, body: null, send: false },
      'commission-earned': { subject: null, body: 'You earned {{amount}}' },
    });
  });

  it.each([
    [{ 'payout-sent': { subject: 'Paid' } }],
    [{ invitation: { subject: 'Join' } }],
    [{ 'commission-earned': { send: false } }],
    [{ 'application-received': { subject: '{{amount}}' } }],
    [{ 'application-received': { subject: 'a\nb' } }],
    [{ 'application-received': { subject: '   ' } }],
  ])('refuses %j', (value) => {
    expect(programEmailTemplatesSchema.safeParse(value).success).toBe(false);
  });
});
