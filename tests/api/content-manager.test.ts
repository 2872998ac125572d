import { uid, type ContentTypeName } from '../../plugin/model';
import contentTypes from '../../server/src/content-types';
import { adminToken } from '../helpers/admin';
import { createLink, createPartner, createProgram, enroll } from '../helpers/fixtures';
import { earnApproved } from '../helpers/ledger';
import { portal, portalLogin } from '../helpers/portal';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §4: the plugin's types are closed to the Content Manager. Strapi's stock Editor and
 * Author, a role granted every Content Manager permission Strapi offers (plus `explorer.read` on
 * the hidden types, which Strapi still accepts) and the Super Admin can neither write a plugin
 * row there nor read a payout destination, an invitation token or a customer.
 */

const TYPES = Object.keys(contentTypes) as ContentTypeName[];
const PAYPAL = 'cm-closed-paypal@partners.test';
const TOKEN_HASH = 'cm-closed-token-hash-0123456789abcdef';
const CUSTOMER = 'cm-closed-customer@shop.test';
const SECRETS = [PAYPAL, TOKEN_HASH, CUSTOMER];
const MISSING = 'cmclosedmissingdocument0';

type Json = Record<string, unknown>;
interface Section {
  actions: Array<{ actionId: string; subjects: string[]; applyToProperties?: string[] }>;
  subjects: Array<{ uid: string; properties: Array<{ value: string; children: Field[] }> }>;
}
interface Field {
  value: string;
  children?: Field[];
}

const { app, apiToken, admin } = useTestApp({ apiToken: true, admin: true });

const as = (token: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${token}`),
  send: (method: 'post' | 'put' | 'delete', path: string, body: Json = {}) =>
    app.request()[method](path).set('Authorization', `Bearer ${token}`).send(body),
});

const fieldPaths = (fields: Field[], prefix = ''): string[] =>
  fields.flatMap((field) =>
    field.children?.length
      ? fieldPaths(field.children, `${prefix}${field.value}.`)
      : [`${prefix}${field.value}`]
  );

const attributesOf = (name: ContentTypeName) =>
  Object.entries(contentTypes[name].schema.attributes as Record<string, { type: string }>);

/** Every Content Manager permission `GET /admin/permissions` offers, with all their fields. */
const offeredPermissions = async () => {
  const res = await as(admin()).get('/admin/permissions').expect(200);
  const { collectionTypes, singleTypes, plugins } = res.body.data.sections as {
    collectionTypes: Section;
    singleTypes: Section;
    plugins: Array<{ plugin: string; action: string }>;
  };
  const granted = (section: Section) =>
    // Each section's actions list every subject; its own subjects are the types of its kind.
    section.actions.flatMap(({ actionId, subjects, applyToProperties }) =>
      section.subjects.flatMap(({ uid: subject, properties }) => {
        if (!subjects.includes(subject)) return [];
        const fields = properties.find((property) => property.value === 'fields')?.children;
        return {
          action: actionId,
          subject,
          properties: applyToProperties?.includes('fields')
            ? { fields: fieldPaths(fields ?? []) }
            : {},
          conditions: [],
        };
      })
    );
  return [
    ...granted(collectionTypes),
    ...granted(singleTypes),
    ...plugins
      .filter((entry) => entry.plugin === 'content-manager')
      .map(({ action }) => ({ action, subject: null, properties: {}, conditions: [] })),
  ];
};

/** `explorer.read` on a plugin type, every attribute included: Strapi accepts it on hidden types. */
const readGrant = (name: ContentTypeName) => ({
  action: 'plugin::content-manager.explorer.read',
  subject: uid(name),
  properties: { fields: attributesOf(name).map(([field]) => field) },
  conditions: [],
});

/** A custom role holding `permissions`, and the JWT of an admin user in it. */
const customRole = async (name: string, permissions: Json[]) => {
  const role = await as(admin())
    .send('post', '/admin/roles', { name, description: 'Every Content Manager permission' })
    .expect(201);
  const granted = await as(admin()).send('put', `/admin/roles/${role.body.data.id}/permissions`, {
    permissions,
  });
  if (granted.status !== 200) throw new Error(`permissions refused: ${granted.text}`);
  const code = role.body.data.code as string;
  return { id: role.body.data.id as number, token: await adminToken(app, code) };
};

/** A populated relation list in id order: the databases return it in no fixed order. */
const inIdOrder = (value: unknown) =>
  Array.isArray(value) ? [...(value as Array<{ id: number }>)].sort((a, b) => a.id - b.id) : value;

/** Every row of every plugin type with its relations, to prove refused writes changed nothing. */
const snapshot = async () => {
  const tables = await Promise.all(
    TYPES.map((name) =>
      app.strapi.db.query(uid(name)).findMany({ orderBy: { id: 'asc' }, populate: true })
    )
  );
  return tables.map((rows: Json[]) =>
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, inIdOrder(value)]))
    )
  );
};

const ROLES = ['Editor', 'Author', 'every Content Manager permission', 'Super Admin'] as const;
const tokens = new Map<string, string>();
const tokenOf = (role: string) => tokens.get(role) as string;
const REFUSED = [403, 404];
const documentIds = new Map<ContentTypeName, string>();
let before: Json[][] = [];
let everythingRoleId = 0;

beforeAll(async () => {
  app.strapi.config.set('plugin::partners.notifications', { enabled: false });
  const program = await createProgram(app.strapi, { holdDays: 0, autoApprove: true });
  const partner = await createPartner(app.strapi);
  await enroll(app.strapi, partner, program);
  const link = await createLink(app.strapi, partner, program);
  const jwt = await portalLogin(app, partner);
  await portal(app, jwt)
    .put('/payout-method', { type: 'paypal', email: PAYPAL, password: 'Portal-login-2026' })
    .expect(200);
  await earnApproved(app, apiToken(), link.code, 100000, '2026-03-04T10:00:00Z');
  await app.strapi.db
    .query(uid('order'))
    .updateMany({ where: {}, data: { customerEmail: CUSTOMER } });
  await app.strapi.plugin('partners').service('payouts').run('2026-03');
  await app.strapi.db.query(uid('invitation')).create({
    data: {
      partner: partner.id,
      email: 'invited@partners.test',
      tokenHash: TOKEN_HASH,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  for (const name of TYPES) {
    const row = await app.strapi.db.query(uid(name)).findOne({ orderBy: { id: 'asc' } });
    documentIds.set(name, (row?.documentId as string | undefined) ?? MISSING);
  }
  expect(documentIds.get('payout')).not.toBe(MISSING);

  const offered = await offeredPermissions();
  const everything = await customRole('Every Content Manager permission', [
    ...offered,
    ...TYPES.map(readGrant),
  ]);
  tokens.set('Editor', await adminToken(app, 'strapi-editor'));
  tokens.set('Author', await adminToken(app, 'strapi-author'));
  tokens.set('every Content Manager permission', everything.token);
  everythingRoleId = everything.id;
  tokens.set('Super Admin', admin());
  before = await snapshot();
});

describe('what Strapi offers for the plugin types', () => {
  it('lists every plugin type as not displayed', async () => {
    const res = await as(admin()).get('/content-manager/content-types').expect(200);
    const own = (res.body.data as Array<{ uid: string; isDisplayed: boolean }>).filter((type) =>
      type.uid.startsWith('plugin::partners.')
    );
    expect(own.map((type) => type.uid).sort()).toEqual(TYPES.map((name) => uid(name)).sort());
    for (const type of own) expect(type.isDisplayed).toBe(false);
  });

  it('offers no Content Manager permission on them in the roles editor', async () => {
    for (const permission of await offeredPermissions()) {
      expect(String(permission.subject)).not.toMatch(/^plugin::partners\./);
    }
  });

  it('refuses create, update and delete grants on them', async () => {
    const role = await as(admin())
      .send('post', '/admin/roles', { name: 'Plugin writer', description: 'refused' })
      .expect(201);
    for (const action of ['create', 'update', 'delete']) {
      const res = await as(admin()).send('put', `/admin/roles/${role.body.data.id}/permissions`, {
        permissions: [
          { ...readGrant('commission'), action: `plugin::content-manager.explorer.${action}` },
        ],
      });
      expect(res.status).toBe(400);
    }
  });

  it('still accepts explorer.read grants on them through the admin API', async () => {
    const res = await as(admin()).get(`/admin/roles/${everythingRoleId}/permissions`).expect(200);
    const read = (res.body.data as Array<{ action: string; subject: string | null }>)
      .filter((permission) => permission.action === 'plugin::content-manager.explorer.read')
      .map((permission) => permission.subject);
    expect(read).toEqual(expect.arrayContaining(TYPES.map((name) => uid(name))));
  });

  it.each(['strapi-editor', 'strapi-author'])(
    '%s holds no plugin action and no permission on a plugin type',
    async (code) => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      const res = await as(admin()).get(`/admin/roles/${role.id}/permissions`).expect(200);
      const permissions = res.body.data as Array<{ action: string; subject: string | null }>;
      expect(permissions.length).toBeGreaterThan(0);
      for (const { action, subject } of permissions) {
        expect(action).not.toMatch(/^plugin::partners\./);
        expect(String(subject)).not.toMatch(/^plugin::partners\./);
      }
    }
  );

  it.each(['Editor', 'Author'])('%s gets 403 on the plugin admin routes', async (name) => {
    const token = tokenOf(name);
    for (const path of ['/partners/partners', '/partners/commissions', '/partners/payouts']) {
      await as(token).get(path).expect(403);
    }
    await as(token)
      .send('post', '/partners/payouts/run', { data: { period: '2026-03' } })
      .expect(403);
    await as(token)
      .send('post', '/partners/commissions/approve', { data: { documentIds: ['x'] } })
      .expect(403);
  });
});

describe.each(TYPES)('plugin::partners.%s through /content-manager', (name) => {
  const base = `/content-manager/collection-types/${uid(name)}`;
  const id = () => documentIds.get(name) as string;
  const relations = () =>
    attributesOf(name)
      .filter(([, attribute]) => attribute.type === 'relation')
      .map(([field]) => field);

  it.each(ROLES)('refuses every write: %s', async (role) => {
    const data = { amount: 1, email: 'attacker@partners.test', label: 'x' };
    const writes: Array<['post' | 'put' | 'delete', string, Json]> = [
      ['post', base, data],
      ['put', `${base}/${id()}`, data],
      ['delete', `${base}/${id()}`, {}],
      ['post', `${base}/actions/bulkDelete`, { documentIds: [id()] }],
      ['post', `${base}/actions/publish`, data],
      ['post', `${base}/${id()}/actions/publish`, data],
      ['post', `${base}/actions/bulkPublish`, { documentIds: [id()] }],
      ['post', `${base}/${id()}/actions/unpublish`, {}],
      ['post', `${base}/${id()}/actions/discard`, {}],
      ['post', `${base}/clone/${id()}`, data],
      ['post', `${base}/auto-clone/${id()}`, {}],
    ];
    const answered = [];
    for (const [method, path, body] of writes) {
      const res = await as(tokenOf(role)).send(method, path, body);
      answered.push(`${method} ${path}: ${REFUSED.includes(res.status) ? 'refused' : res.status}`);
    }
    expect(answered.filter((line) => !line.endsWith('refused'))).toEqual([]);
  });

  it.each(ROLES)('reads nothing: %s', async (role) => {
    const reads = [
      `${base}`,
      `${base}?populate=*`,
      `${base}/${id()}`,
      `${base}/${id()}/actions/countDraftRelations`,
      `/content-manager/content-types/${uid(name)}/configuration`,
      ...relations().flatMap((field) => [
        `/content-manager/relations/${uid(name)}/${field}`,
        `/content-manager/relations/${uid(name)}/${id()}/${field}`,
      ]),
    ];
    const answered = [];
    for (const path of reads) {
      const res = await as(tokenOf(role)).get(path);
      const leaked = SECRETS.filter((secret) => res.text.includes(secret));
      const refused = REFUSED.includes(res.status) && leaked.length === 0;
      answered.push(`${path}: ${refused ? 'refused' : `${res.status} ${leaked.join(' ')}`}`);
    }
    expect(answered.filter((line) => !line.endsWith('refused'))).toEqual([]);
  });
});

it('changed nothing in the database', async () => {
  expect(await snapshot()).toEqual(before);
});
