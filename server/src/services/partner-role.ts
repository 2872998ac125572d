import type { Core } from '@strapi/strapi';

export const PARTNER_ROLE_TYPE = 'partner';

/** Partners log into the portal as users-permissions users with this role (SPEC §8). */
const createPartnerRoleService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const roles = strapi.db.query('plugin::users-permissions.role');
    const existing = await roles.findOne({ where: { type: PARTNER_ROLE_TYPE } });
    if (existing) return existing;
    return roles.create({
      data: {
        name: 'Partner',
        description: 'Partners and their team members who log into the partner portal.',
        type: PARTNER_ROLE_TYPE,
      },
    });
  },
});

export type PartnerRoleService = ReturnType<typeof createPartnerRoleService>;
export default createPartnerRoleService;
