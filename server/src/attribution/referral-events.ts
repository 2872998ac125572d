import type { Core } from '@strapi/strapi';
import type { ReferralEventPayload } from '../../../plugin/contracts/webhooks';
import { uid, type ReferralDetail } from '../../../plugin/model';
import { projectContact } from '../../../plugin/privacy';
import { afterCommit, emitEvent } from '../platform/events';
import { idOrNull, iso, type RawRow } from '../platform/rows';

const REFERRAL = uid('referral');
const PROGRAM = uid('program');

/** The payload of `partners.referral.created`: the contact only as its program's privacy allows. */
export const referralEvent = (
  referral: RawRow,
  referralDetail: ReferralDetail
): ReferralEventPayload => ({
  referral: {
    id: Number(referral.id),
    documentId: String(referral.documentId),
    partnerId: idOrNull(referral.partnerId),
    programId: idOrNull(referral.programId),
    linkId: idOrNull(referral.linkId),
    source: String(referral.source),
    status: String(referral.state),
    createdAt: iso(referral.createdAt),
    contact: projectContact(
      {
        firstName: (referral.firstName as string | null) ?? null,
        lastName: (referral.lastName as string | null) ?? null,
        email: (referral.email as string | null) ?? null,
        externalId: (referral.externalId as string | null) ?? null,
      },
      referralDetail
    ),
  },
});

/**
 * `partners.referral.created` after the commit of every new referral, whichever path wrote it
 * (an order's attribution, a sign-up, a partner's lead, an explicit attribution): they all
 * insert through the Query Engine (`create`, or `createMany` through `insertRow`), whose
 * lifecycles this hangs on. The payload is the referral as committed.
 */
export const registerReferralEvents = (strapi: Core.Strapi) => {
  const announce = (id: number) =>
    afterCommit(strapi, async () => {
      const referral: RawRow | null = await strapi.db.query(REFERRAL).findOne({ where: { id } });
      if (!referral) return;
      const program: RawRow | null = referral.programId
        ? await strapi.db
            .query(PROGRAM)
            .findOne({ where: { id: referral.programId }, select: ['referralDetail'] })
        : null;
      const detail = ((program?.referralDetail as ReferralDetail | null) ??
        'none') as ReferralDetail;
      await emitEvent(strapi, 'partners.referral.created', referralEvent(referral, detail));
    });
  strapi.db.lifecycles.subscribe({
    models: [REFERRAL],
    async afterCreate(event) {
      const id = idOrNull((event.result as RawRow | undefined)?.id);
      if (id !== null) await announce(id);
    },
    async afterCreateMany(event) {
      const ids = ((event.result as { ids?: unknown[] } | undefined)?.ids ?? []).map(Number);
      for (const id of ids) await announce(id);
    },
  });
};
