import * as analytics from './analytics';
import * as attribution from './attribution';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import destroy from './destroy';
import * as directory from './directory';
import * as ledger from './ledger';
import * as notifications from './notifications';
import * as orders from './orders';
import * as partners from './partners';
import * as payouts from './payouts';
import config from './platform/config';
import * as platform from './platform';
import * as portal from './portal';
import * as programs from './programs';
import register from './register';

/**
 * One folder per aggregate (docs/architecture.md); this file only puts them together for Strapi.
 */
const aggregates = [
  platform,
  ledger,
  orders,
  attribution,
  partners,
  programs,
  payouts,
  portal,
  analytics,
  notifications,
  directory,
];

const services = {
  ...platform.services,
  ...ledger.services,
  ...orders.services,
  ...attribution.services,
  ...partners.services,
  ...programs.services,
  ...payouts.services,
  ...portal.services,
  ...analytics.services,
  ...notifications.services,
  ...directory.services,
};

const controllers = {
  ...platform.controllers,
  ...ledger.controllers,
  ...orders.controllers,
  ...attribution.controllers,
  ...partners.controllers,
  ...programs.controllers,
  ...payouts.controllers,
  ...portal.controllers,
  ...analytics.controllers,
  ...notifications.controllers,
  ...directory.controllers,
};

export type Services = typeof services;
export type ControllerName = keyof typeof controllers;
export type HandlerName = {
  [C in ControllerName]: `${C}.${Extract<keyof ReturnType<(typeof controllers)[C]>, string>}`;
}[ControllerName];

const routesOf = (kind: 'admin' | 'contentApi') =>
  aggregates.flatMap((aggregate) => aggregate.routes[kind]);

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  middlewares: { ...platform.middlewares, ...attribution.middlewares },
  policies: { ...platform.policies, ...portal.policies },
  routes: {
    'content-api': { type: 'content-api', routes: routesOf('contentApi') },
    admin: { type: 'admin', routes: routesOf('admin') },
  },
  services,
};
