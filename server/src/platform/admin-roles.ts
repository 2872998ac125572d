import type { Core } from '@strapi/strapi';
import { adminAction, type AdminAction } from './permissions';

export const PROGRAM_MANAGER_ROLE = 'Program Manager';
/** SPEC §9: a role template for programs and analytics. */
export const PROGRAM_MANAGER_ACTIONS: AdminAction[] = ['read', 'programs.manage'];

/** The last of the default roles the admin creates on a fresh database. */
const LAST_DEFAULT_ROLE = 'strapi-author';

/**
 * The "Program Manager" admin role, created once at bootstrap when no role of that name exists.
 * Editors may change or delete it afterwards; a restart never adds it back while it exists, and
 * never touches its permissions.
 */
const createAdminRolesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Plugins bootstrap before the admin, which creates its default roles only when there are no
   * roles at all: on a fresh database the role waits until the admin has created them.
   */
  async bootstrap() {
    const roles = await strapi.db.query('admin::role').count({});
    if (roles > 0) {
      await this.ensureProgramManager();
      return;
    }
    let done = false;
    strapi.db.lifecycles.subscribe({
      models: ['admin::role'],
      afterCreate: async (event: { result?: { code?: string } }) => {
        if (done || event.result?.code !== LAST_DEFAULT_ROLE) return;
        done = true;
        await this.ensureProgramManager();
      },
    });
  },

  async ensureProgramManager() {
    const roles = strapi.service('admin::role');
    const existing = await strapi.db
      .query('admin::role')
      .findOne({ where: { name: PROGRAM_MANAGER_ROLE }, select: ['id'] });
    if (existing) return { created: false, id: Number(existing.id) };
    const role = await roles.create({
      name: PROGRAM_MANAGER_ROLE,
      description: 'Partners: programs, assets and analytics',
    });
    await roles.assignPermissions(
      role.id,
      PROGRAM_MANAGER_ACTIONS.map((action) => ({
        action: adminAction(action),
        subject: null,
        properties: {},
        conditions: [],
      }))
    );
    return { created: true, id: Number(role.id) };
  },
});

export type AdminRolesService = ReturnType<typeof createAdminRolesService>;
export default createAdminRolesService;
