import {
  commissionEarnedEmail,
  invitationEmail,
  monthlyStatementEmail,
  payoutSentEmail,
} from '../../../plugin/notifications';

describe('e-mail templates', () => {
  it('payout sent: the amount, the month and the method', () => {
    const email = payoutSentEmail({
      partnerName: 'Jane',
      amount: 12050,
      currency: 'EUR',
      period: '2026-01',
      methodType: 'paypal',
      reference: 'PP-1',
    });
    expect(email.subject).toBe('Your payout of €120.50 is on its way');
    expect(email.text).toContain(
      'We have sent you €120.50 to your PayPal account for your commissions of January 2026.'
    );
    expect(email.text).toContain('Reference: PP-1');
  });

  it('monthly statement: every figure, paid out as a deduction', () => {
    const email = monthlyStatementEmail({
      partnerName: 'Jane',
      month: '2026-02',
      currency: 'JPY',
      openingBalance: 12000,
      earned: 5000,
      deducted: -1000,
      paidOut: 12000,
      closingBalance: 4000,
    });
    expect(email.subject).toBe('Your partner statement for February 2026');
    expect(email.text).toContain('Opening balance: ¥12,000');
    expect(email.text).toContain('Deductions: -¥1,000');
    expect(email.text).toContain('Paid out: -¥12,000');
    expect(email.text).toContain('Closing balance: ¥4,000');
  });

  it('escapes what partners and editors typed, in HTML only', () => {
    const email = commissionEarnedEmail({
      partnerName: '<img src=x onerror=alert(1)>',
      programName: 'Acme "Pro" & Co',
      amount: 2000,
      currency: 'USD',
      summary: '20% of $100.00 = $20.00',
      availableAt: '2026-03-01T00:00:00.000Z',
    });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('Acme &quot;Pro&quot; &amp; Co');
    expect(email.text).toContain('Hi <img src=x onerror=alert(1)>,');
  });

  it('invitation: the link, quoted safely in HTML', () => {
    const email = invitationEmail({
      partnerName: null,
      programName: null,
      acceptUrl: 'https://acme.example/invite?token=a"b',
      expiresAt: '2026-12-01T00:00:00.000Z',
    });
    expect(email.html).toContain('href="https://acme.example/invite?token=a&quot;b"');
    expect(email.text).toContain('Hello,');
  });
});
