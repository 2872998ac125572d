import { invitationEmail, possessive } from '../../../plugin/notifications';

/** Possessives in e-mail subjects: "Acme's partner portal", "Acme Affiliates' partner portal". */
describe('possessive', () => {
  it.each([
    ['a name', 'Acme', "Acme's"],
    ['a name ending in s', 'Acme Affiliates', "Acme Affiliates'"],
    ['a name ending in capital S', 'ACME PARTNERS', "ACME PARTNERS'"],
    ['a name ending in x', 'Acme Box', "Acme Box's"],
    ['a name already possessive', "McDonald's", "McDonald's"],
    ['a name already possessive, typographic apostrophe', 'McDonald’s', 'McDonald’s'],
    ['spaces around the name', '  Acme  ', "Acme's"],
  ])('%s', (_label, name, expected) => {
    expect(possessive(name)).toBe(expected);
  });

  it('names the program in the invitation subject', () => {
    const invite = (programName: string | null) =>
      invitationEmail({
        partnerName: 'Jane',
        programName,
        acceptUrl: 'https://shop.test/invite?token=t',
        expiresAt: '2026-03-01T00:00:00.000Z',
      }).subject;
    expect(invite('Acme Affiliates')).toBe("You are invited to Acme Affiliates' partner portal");
    expect(invite('Acme')).toBe("You are invited to Acme's partner portal");
    expect(invite(null)).toBe('You are invited to our partner portal');
  });
});
