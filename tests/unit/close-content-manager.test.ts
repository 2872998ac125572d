import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { contentTypesOf, refuseOwnTypes } from '../../server/src/platform/close-content-manager';

/** Which types a Content Manager request names, wherever the route carries them. */

const models: Record<string, { attributes: Record<string, { type: string; target?: string }> }> = {
  'api::article.article': {
    attributes: {
      title: { type: 'string' },
      partner: { type: 'relation', target: 'plugin::partners.partner' },
      author: { type: 'relation', target: 'admin::user' },
    },
  },
};
const strapi = { getModel: (uid: string) => models[uid] } as unknown as Core.Strapi;

const request = ({
  params = {},
  query = {},
  body,
}: {
  params?: object;
  query?: object;
  body?: object;
}) => ({ params, query, request: { body } }) as unknown as Context;

describe('contentTypesOf', () => {
  it('reads the model from the path, the query and the body', () => {
    expect(
      contentTypesOf(strapi, request({ params: { model: 'plugin::partners.payout' } }))
    ).toEqual(['plugin::partners.payout']);
    expect(contentTypesOf(strapi, request({ params: { uid: 'plugin::partners.order' } }))).toEqual([
      'plugin::partners.order',
    ]);
    expect(
      contentTypesOf(strapi, request({ query: { contentType: 'plugin::partners.commission' } }))
    ).toEqual(['plugin::partners.commission']);
    expect(
      contentTypesOf(strapi, request({ body: { contentTypeUID: 'plugin::partners.program' } }))
    ).toEqual(['plugin::partners.program']);
  });

  it("adds the target of a site type's relation field", () => {
    const params = { model: 'api::article.article', targetField: 'partner' };
    expect(contentTypesOf(strapi, request({ params }))).toEqual([
      'api::article.article',
      'plugin::partners.partner',
    ]);
    const other = { model: 'api::article.article', targetField: 'author' };
    expect(contentTypesOf(strapi, request({ params: other }))).toEqual([
      'api::article.article',
      'admin::user',
    ]);
  });

  it('ignores what is not a string, and unknown models or fields', () => {
    expect(contentTypesOf(strapi, request({ query: { contentType: ['x'] } }))).toEqual([]);
    const params = { model: 'api::missing.missing', targetField: 'partner' };
    expect(contentTypesOf(strapi, request({ params }))).toEqual(['api::missing.missing']);
  });
});

describe('refuseOwnTypes', () => {
  const guard = refuseOwnTypes(strapi);

  it('answers 404 for a plugin type and passes everything else on', async () => {
    const next = jest.fn();
    await expect(
      guard(request({ params: { model: 'plugin::partners.partner' } }), next)
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      guard(request({ params: { model: 'api::article.article', targetField: 'partner' } }), next)
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(next).not.toHaveBeenCalled();
    await guard(
      request({ params: { model: 'api::article.article', targetField: 'author' } }),
      next
    );
    await guard(request({ params: { model: 'plugin::users-permissions.user' } }), next);
    expect(next).toHaveBeenCalledTimes(2);
  });
});
