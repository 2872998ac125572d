import { uid } from '../../plugin/model';
import { createPartner, createProgram } from '../helpers/fixtures';
import { useTestApp } from '../helpers/test-app';

/**
 * SPEC §11: the links editors and partners set (an asset's url, a program's landing page, a
 * partner's website) are http(s) only on every write path, not only through the plugin's
 * contracts: host code writing with the Document Service or the query engine is refused too, and
 * nothing is stored.
 */

const { app } = useTestApp();

const HOSTILE = ['javascript:alert(document.cookie)', 'data:text/html,<b>x</b>', 'vbscript:x'];

describe('web addresses on every write path', () => {
  it.each(HOSTILE)(
    'an asset url %s is refused by the Document Service and the query engine',
    async (url) => {
      const strapi = app.strapi;
      const before = await strapi.db.query(uid('asset')).count();
      await expect(
        strapi.documents(uid('asset')).create({ data: { title: 'Banner', type: 'banner', url } })
      ).rejects.toMatchObject({ name: 'ValidationError', message: 'url: must be an http(s) URL' });
      await expect(
        strapi.db.query(uid('asset')).create({ data: { title: 'Banner', type: 'banner', url } })
      ).rejects.toMatchObject({ name: 'ValidationError' });
      await expect(
        strapi.db
          .query(uid('asset'))
          .createMany({ data: [{ title: 'Banner', type: 'banner', url }] })
      ).rejects.toMatchObject({ name: 'ValidationError' });
      expect(await strapi.db.query(uid('asset')).count()).toBe(before);
    }
  );

  it("refuses a program's landing page and a partner's website set to another scheme on update", async () => {
    const strapi = app.strapi;
    const program = await createProgram(strapi);
    const partner = await createPartner(strapi, { website: 'https://partner.example/' });
    await expect(
      strapi.db
        .query(uid('program'))
        .update({ where: { id: program.id }, data: { landingUrl: HOSTILE[0] } })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'landingUrl: must be an http(s) URL',
    });
    await expect(
      strapi
        .documents(uid('partner'))
        .update({ documentId: partner.documentId, data: { website: HOSTILE[1] } as never })
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'website: must be an http(s) URL',
    });
    const stored = await strapi.db.query(uid('program')).findOne({ where: { id: program.id } });
    expect(stored.landingUrl).toBe(program.landingUrl);
    const storedPartner = await strapi.db
      .query(uid('partner'))
      .findOne({ where: { id: partner.id } });
    expect(storedPartner.website).toBe('https://partner.example/');
  });

  it('keeps http(s) addresses and empty values', async () => {
    const strapi = app.strapi;
    const asset = await strapi.db
      .query(uid('asset'))
      .create({ data: { title: 'Guide', type: 'guide', url: 'https://shop.example/guide' } });
    expect(asset.url).toBe('https://shop.example/guide');
    const updated = await strapi.db
      .query(uid('asset'))
      .update({ where: { id: asset.id }, data: { url: null } });
    expect(updated.url).toBeNull();
  });
});
