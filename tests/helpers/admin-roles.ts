import { randomBytes } from 'node:crypto';
import type { TestApp } from './strapi';

/**
 * An admin user in a role of its own holding exactly `actions` (full action uids, e.g.
 * `plugin::partners.read`): its e-mail and password.
 */
export const adminWithActions = async (app: TestApp, actions: string[]) => {
  const { strapi } = app;
  const suffix = randomBytes(4).toString('hex');
  const roles = strapi.service('admin::role');
  const role = await roles.create({ name: `Test ${suffix}`, description: actions.join(', ') });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  const email = `admin-${suffix}@partners.test`;
  const password = `Pw-${randomBytes(8).toString('hex')}-1a`;
  await strapi.service('admin::user').create({
    firstname: 'Test',
    lastname: suffix,
    email,
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return { email, password };
};

/** The JWT of an admin holding exactly `actions`: for "403 without the action" tests. */
export const adminTokenWithActions = async (app: TestApp, actions: string[]): Promise<string> => {
  const { email, password } = await adminWithActions(app, actions);
  const res = await app.request().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
  return res.body.data.token;
};
