import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { uid } from '../../../plugin/model';
import { notePortalVisit } from '../partners/portal-sightings';

export const IS_PARTNER_POLICY = 'plugin::partners.is-partner';

/** The partner a portal request acts for; every portal query is scoped to it (SPEC §8). */
export interface PortalPartner {
  id: number;
  documentId: string;
}

/**
 * Portal routes: the users-permissions login must belong to an approved partner (owner or team
 * member). Sets `ctx.state.partner`; services take it from there and nowhere else. Notes where
 * the partner uses the portal, for the self-referral signal (partners/portal-sightings).
 */
const isPartner = async (
  policyContext: Core.PolicyContext,
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const state = (policyContext as unknown as { state: Record<string, unknown> }).state;
  const user = state.user as { id?: number } | undefined;
  if (!user?.id) return false;
  const partner = await strapi.db.query(uid('partner')).findOne({
    select: ['id', 'documentId', 'state', 'portalSightings'],
    where: { users: { id: user.id }, state: 'approved' },
  });
  if (!partner) return false;
  const { request } = policyContext as unknown as { request: Context['request'] };
  await notePortalVisit(strapi, partner, {
    ip: request.ip,
    cookieHeader: request.get('Cookie') || null,
  });
  state.partner = { id: partner.id, documentId: partner.documentId } satisfies PortalPartner;
  return true;
};

export default isPartner;
