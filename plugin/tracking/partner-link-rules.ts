import type { LinkOrigin, LinkStatus } from '../model';

/** A program's rules for the links partners make themselves (SPEC §8). */
export interface PartnerLinkRules {
  /** How many links a partner may have in the program, the default one and disabled ones included. */
  partnerLinkLimit: number;
  /** Partners may choose their own codes. */
  vanityCodes: boolean;
}

/** Why the portal refuses a partner's link change: a stable reason and a sentence. */
export interface LinkRefusal {
  reason: 'link-limit' | 'vanity-codes-off' | 'not-partner-link';
  message: string;
}

/**
 * A partner adds a link in the portal: refused at the program's limit (every link counts, so
 * disabling one does not make room for endless new ones), or with a code of its own choosing
 * unless the program allows vanity codes.
 */
export function checkPartnerAddsLink(
  rules: PartnerLinkRules,
  linksInProgram: number,
  choosesCode: boolean
): LinkRefusal | null {
  if (linksInProgram >= rules.partnerLinkLimit) {
    return {
      reason: 'link-limit',
      message: `This program allows ${rules.partnerLinkLimit} link${rules.partnerLinkLimit === 1 ? '' : 's'} per partner; you have ${linksInProgram}`,
    };
  }
  if (choosesCode && !rules.vanityCodes) return vanityOff();
  return null;
}

const vanityOff = (): LinkRefusal => ({
  reason: 'vanity-codes-off',
  message: 'This program does not let partners choose their own codes',
});

/**
 * A partner edits one of its links: the label and path always; the code only where the program
 * allows vanity codes; disabling and enabling only the links the partner added itself (the
 * default link and the editors' links are the program team's).
 */
export function checkPartnerEditsLink(
  rules: PartnerLinkRules,
  link: { origin: LinkOrigin | null },
  change: { code?: string; status?: LinkStatus }
): LinkRefusal | null {
  if (change.code !== undefined && !rules.vanityCodes) return vanityOff();
  if (change.status !== undefined && link.origin !== 'partner') {
    return {
      reason: 'not-partner-link',
      message: 'Only the links you added can be disabled or enabled; ask the program team',
    };
  }
  return null;
}
