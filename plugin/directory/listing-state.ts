/**
 * A directory listing's life (docs/directory.md): the partner applies, an editor drafts it, the
 * partner approves the draft and it goes live; editors unpublish or reject it. Editing a live
 * listing makes a new draft the partner approves again, while the approved copy stays public.
 */
export const LISTING_STATES = ['applied', 'drafted', 'live', 'unpublished', 'rejected'] as const;
export type ListingState = (typeof LISTING_STATES)[number];

export const LISTING_ACTIONS = ['apply', 'draft', 'approve', 'unpublish', 'reject'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

/** Who may take an action: the partner in the portal, or an editor in the admin. */
export const LISTING_ACTORS: Record<ListingAction, 'partner' | 'editor'> = {
  apply: 'partner',
  draft: 'editor',
  approve: 'partner',
  unpublish: 'editor',
  reject: 'editor',
};

/** From which states each action moves a listing, and where to. */
const MOVES: Record<ListingAction, { from: readonly ListingState[]; to: ListingState }> = {
  // A new application, or applying again after a rejection or an unpublication.
  apply: { from: ['applied', 'rejected', 'unpublished'], to: 'applied' },
  draft: { from: ['applied', 'drafted', 'live', 'unpublished'], to: 'drafted' },
  approve: { from: ['drafted'], to: 'live' },
  unpublish: { from: ['live', 'drafted'], to: 'unpublished' },
  reject: { from: ['applied', 'drafted'], to: 'rejected' },
};

/** The states an action may start from (the service checks it in the UPDATE itself). */
export const listingActionFrom = (action: ListingAction): readonly ListingState[] =>
  MOVES[action].from;

/** Where an action takes a listing in `current`; null when it does not apply. */
export function nextListingState(
  current: ListingState,
  action: ListingAction
): ListingState | null {
  const move = MOVES[action];
  return move.from.includes(current) ? move.to : null;
}

const REFUSALS: Record<ListingAction, string> = {
  apply:
    'your listing is already with the editors; you can apply again once it is rejected or unpublished',
  draft: 'a rejected listing cannot be drafted; the partner applies again first',
  approve: 'there is no draft waiting for your approval',
  unpublish: 'only a listing in the directory can be unpublished',
  reject: 'only an application or a draft can be rejected',
};

/** Why an action was refused, for the 400 the partner or editor sees. */
export const listingActionRefusal = (action: ListingAction): string => REFUSALS[action];

/**
 * Whether the listing has an approved copy on the public directory after an action: approval
 * publishes the draft; unpublishing and rejecting take any copy down; drafting keeps a live
 * copy up until the partner approves the new draft.
 */
export function publicCopyAfter(
  action: ListingAction,
  hadCopy: boolean
): 'publish' | 'remove' | 'keep' {
  if (action === 'approve') return 'publish';
  if (action === 'unpublish' || action === 'reject') return 'remove';
  return hadCopy ? 'keep' : 'remove';
}
