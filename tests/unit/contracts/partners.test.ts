import {
  acceptInvitationInputSchema,
  applicationInputSchema,
  invitationTokenSchema,
} from '../../../plugin/contracts/partners';

const valid = {
  program: 'acme-affiliates',
  name: '  Jane Doe ',
  email: 'Jane@Example.COM',
  acceptTerms: true,
  termsVersion: '2026-01',
};

describe('application contract', () => {
  it('trims the name and lower-cases the e-mail address', () => {
    expect(applicationInputSchema.parse(valid)).toMatchObject({
      name: 'Jane Doe',
      email: 'jane@example.com',
    });
  });

  it("takes every slug Strapi's uid fields allow", () => {
    expect(
      applicationInputSchema.safeParse({ ...valid, program: 'spring.2026~EU_b-2' }).success
    ).toBe(true);
  });

  it('lower-cases the recruit code like link codes', () => {
    expect(applicationInputSchema.parse({ ...valid, recruitCode: 'Jane20' }).recruitCode).toBe(
      'jane20'
    );
  });

  it.each([
    ['terms not accepted', { acceptTerms: false }],
    ['a blank name', { name: '   ' }],
    ['a javascript: website', { website: 'javascript:alert(1)' }],
    ['an unknown field', { status: 'approved' }],
    ['a slug with spaces', { program: 'acme affiliates' }],
  ])('refuses %s', (_label, change) => {
    expect(applicationInputSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe('invitation contracts', () => {
  const token = Buffer.alloc(32, 1).toString('base64url');

  it('takes a 43-character base64url token', () => {
    expect(token).toHaveLength(43);
    expect(invitationTokenSchema.safeParse(token).success).toBe(true);
    expect(invitationTokenSchema.safeParse(`${token}=`).success).toBe(false);
    expect(invitationTokenSchema.safeParse(token.slice(1)).success).toBe(false);
  });

  it('limits passwords to what bcrypt reads (72 bytes), counting UTF-8 bytes', () => {
    const accept = (password: string) =>
      acceptInvitationInputSchema.safeParse({ token, password, acceptTerms: true }).success;
    expect(accept('a'.repeat(72))).toBe(true);
    expect(accept('a'.repeat(73))).toBe(false);
    expect(accept('é'.repeat(36))).toBe(true);
    expect(accept('é'.repeat(37))).toBe(false);
    expect(accept('short')).toBe(false);
  });
});
