import { createHash, randomBytes } from 'node:crypto';

/** Only this hash is stored; the token itself travels in the invitation e-mail only. */
export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** 32 random bytes, base64url (43 characters), and its hash. */
export const newInvitationToken = () => {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
};
