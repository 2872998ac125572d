import assets from './assets';
import commissionReview from './commission-review';
import applications from './applications';
import customers from './customers';
import deals from './deals';
import health from './health';
import invitations from './invitations';
import orderList from './order-list';
import orders from './orders';
import overview from './overview';
import partnerDirectory from './partner-directory';
import payouts from './payouts';
import programs from './programs';
import settings from './settings';
import statements from './statements';
import stripe from './stripe';
import team from './team';
import tracking from './tracking';

const controllers = {
  assets,
  'commission-review': commissionReview,
  applications,
  customers,
  deals,
  health,
  invitations,
  'order-list': orderList,
  orders,
  overview,
  'partner-directory': partnerDirectory,
  payouts,
  programs,
  settings,
  statements,
  stripe,
  team,
  tracking,
};

export type ControllerName = keyof typeof controllers;
export type HandlerName = {
  [C in ControllerName]: `${C}.${Extract<keyof ReturnType<(typeof controllers)[C]>, string>}`;
}[ControllerName];

export default controllers;
