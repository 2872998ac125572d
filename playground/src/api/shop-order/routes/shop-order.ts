import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::shop-order.shop-order');
