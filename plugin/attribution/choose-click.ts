import type { AttributionModel } from '../model';
import type { Instant } from '../time';
import { isWithinAttributionWindow } from './is-within-attribution-window';

/** A visitor's tracked click, as far as attribution needs it. */
export interface TrackedClick {
  partnerId: number | null;
  programId: number;
  linkId: number | null;
  createdAt: Instant;
}

export type ClickChoice<C extends TrackedClick> =
  { click: C; reason: null } | { click: null; reason: string };

/**
 * SPEC §6: which of a visitor's clicks in a program attributes them. First click: the earliest
 * click still inside the window; last click: the latest click, if it is inside the window.
 * `earliestInWindow` is the earliest click of that program since `attributionWindowStart`.
 */
export function chooseClick<C extends TrackedClick>(
  program: { attributionModel: AttributionModel; attributionWindowDays: number | null },
  clicks: { earliestInWindow: C | null; latest: C },
  at: Instant
): ClickChoice<C> {
  const click =
    program.attributionModel === 'first-click' ? clicks.earliestInWindow : clicks.latest;
  if (!click || !isWithinAttributionWindow(program.attributionWindowDays, click.createdAt, at)) {
    return {
      click: null,
      reason: `the visitor's clicks are older than the ${program.attributionWindowDays}-day attribution window`,
    };
  }
  if (click.partnerId === null) {
    return { click: null, reason: 'the clicked link no longer belongs to a partner' };
  }
  return { click, reason: null };
}
