/**
 * Paths inside the partner portal (config `portal.path`, e.g. `/partner-portal`) that e-mails
 * and the portal itself link to; the portal app routes the same paths.
 */

/** Where a recruit applies to a two-tier program with its recruiter's link code. */
export const recruitPath = (portalPath: string, programSlug: string, linkCode: string) =>
  `${portalPath}/apply/${encodeURIComponent(programSlug)}?recruit=${encodeURIComponent(linkCode)}`;

/**
 * The invitation link mailed to a new login. The token rides in the fragment, which browsers
 * never send: no request log, proxy or Referer sees it (SPEC §11). base64url needs no escaping.
 */
export const invitationPath = (portalPath: string, token: string) =>
  `${portalPath}/invitation#${token}`;
