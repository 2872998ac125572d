import type { Core } from '@strapi/strapi';

const createTrackingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  strapi,
});

export default createTrackingController;
