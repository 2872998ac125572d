import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::note.note', () => ({
  async benchRedirect(ctx) {
    ctx.redirect('https://shop.example/');
  },
}));
