import {
  applyTemplateOverride,
  payoutSentEmail,
  placeholdersIn,
  templatePlaceholders,
} from '../../../plugin/notifications';
import { updateEmailTemplateRequestSchema } from '../../../plugin/contracts/notifications';

const payout = () =>
  payoutSentEmail({
    partnerName: 'Ada <Lovelace>',
    amount: 12000,
    currency: 'USD',
    period: '2026-01',
    methodType: 'paypal',
    reference: 'PP-1',
  });

describe('template overrides', () => {
  it('keeps the default without an override', () => {
    expect(applyTemplateOverride(payout(), null)).toEqual(payout());
    expect(applyTemplateOverride(payout(), { subject: null, body: null })).toEqual(payout());
  });

  it('fills placeholders, keeps subjects on one line and escapes the HTML body', () => {
    const content = applyTemplateOverride(payout(), {
      subject: '{{amount}} for {{ period }}',
      body: 'Hi {{partnerName}},\r\n\r\n{{amount}} sent.\nRef {{reference}}',
    });
    expect(content.subject).toBe('$120.00 for January 2026');
    expect(content.text).toBe('Hi Ada <Lovelace>,\n\n$120.00 sent.\nRef PP-1');
    expect(content.html).toContain(
      '<p>Hi Ada &lt;Lovelace&gt;,</p><p>$120.00 sent.<br>Ref PP-1</p>'
    );
    const injected = applyTemplateOverride(
      { ...payout(), template: { name: 'payout-sent', variables: { amount: 'x\r\nBcc: y' } } },
      { subject: '{{amount}}' }
    );
    expect(injected.subject).toBe('x Bcc: y');
  });

  it('lists placeholders from the template itself and refuses unknown ones', () => {
    expect(templatePlaceholders('payout-sent')).toEqual([
      'partnerName',
      'amount',
      'period',
      'reference',
      'portalUrl',
    ]);
    expect(placeholdersIn('{{a}} and {{ b }} but not {c}')).toEqual(['a', 'b']);
    const schema = updateEmailTemplateRequestSchema('payout-sent');
    expect(schema.safeParse({ data: { subject: '{{amount}}' } }).success).toBe(true);
    expect(schema.safeParse({ data: { subject: '{{programName}}' } }).success).toBe(false);
    expect(schema.safeParse({ data: { body: null } }).success).toBe(true);
  });
});
