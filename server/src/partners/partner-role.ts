import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../plugin/model';
import { IS_PARTNER_POLICY } from '../portal/is-partner';
import type { Route } from '../platform/route';
import { contentApiRoutes as portalRoutes } from '../portal/routes';

export const PARTNER_ROLE_TYPE = 'partner';

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

/**
 * Users-permissions routes a partner login uses beyond the portal's: ending its session in
 * `jwtManagement: 'refresh'` (the stock Authenticated role has it, this role starts empty).
 */
const AUTH_ACTIONS = ['plugin::users-permissions.auth.logout'];

const isPortalRoute = (route: Route) =>
  (route.config?.policies ?? []).some((policy) =>
    typeof policy === 'string' ? policy === IS_PARTNER_POLICY : policy.name === IS_PARTNER_POLICY
  );

/** Partners log into the portal as users-permissions users with this role (SPEC §8). */
const createPartnerRoleService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The role, created once, allowed exactly the portal routes (those behind `is-partner`) and
   * signing out.
   */
  async ensure() {
    const roles = strapi.db.query(ROLE);
    const role =
      (await roles.findOne({ where: { type: PARTNER_ROLE_TYPE } })) ??
      (await roles.create({
        data: {
          name: 'Partner',
          description: 'Partners and their team members who log into the partner portal.',
          type: PARTNER_ROLE_TYPE,
        },
      }));
    const actions = [
      ...portalRoutes.filter(isPortalRoute).map(({ handler }) => `plugin::${PLUGIN_ID}.${handler}`),
      ...AUTH_ACTIONS,
    ];
    const permissions = strapi.db.query(PERMISSION);
    const granted = await permissions.findMany({
      select: ['action'],
      where: { role: role.id, action: { $in: actions } },
    });
    const have = new Set(granted.map(({ action }: { action: string }) => action));
    for (const action of actions.filter((name) => !have.has(name))) {
      await permissions.create({ data: { action, role: role.id } });
    }
    return role;
  },
});

export type PartnerRoleService = ReturnType<typeof createPartnerRoleService>;
export default createPartnerRoleService;
