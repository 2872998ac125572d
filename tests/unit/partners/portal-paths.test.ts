import { invitationPath, recruitPath } from '../../../plugin/partners';

describe('portal paths', () => {
  it('builds the recruit URL the portal shows for two-tier programs', () => {
    expect(recruitPath('/partner-portal', 'acme-network', 'jane-network')).toBe(
      '/partner-portal/apply/acme-network?recruit=jane-network'
    );
  });

  it('encodes what it puts into the path and query', () => {
    expect(recruitPath('/p', 'a b', 'x&y')).toBe('/p/apply/a%20b?recruit=x%26y');
  });

  it('puts the invitation token into the path', () => {
    const token = 'A'.repeat(40) + '-_z';
    expect(invitationPath('/partner-portal', token)).toBe(`/partner-portal/invitation#${token}`);
  });
});
