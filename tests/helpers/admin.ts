import { randomBytes } from 'node:crypto';
import type { TestApp } from './strapi';

/**
 * An admin panel user and its JWT, for the plugin's admin routes. `role` is a role code
 * ('strapi-super-admin', 'strapi-editor', 'strapi-author'); Super Admin holds every action the
 * plugin registers, the others none of them.
 */
export const adminToken = async (app: TestApp, role: string): Promise<string> => {
  const { strapi } = app;
  const found = await strapi.db.query('admin::role').findOne({ where: { code: role } });
  if (!found) throw new Error(`no admin role "${role}"`);
  const email = `admin-${randomBytes(4).toString('hex')}@partners.test`;
  const password = `Pw-${randomBytes(8).toString('hex')}-1a`;
  await strapi.service('admin::user').create({
    firstname: 'Test',
    lastname: role,
    email,
    password,
    isActive: true,
    registrationToken: null,
    roles: [found.id],
  });
  const res = await app.request().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
  return res.body.data.token;
};
