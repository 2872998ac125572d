import commissionReview from './commission-review';
import applications from './applications';
import customers from './customers';
import health from './health';
import invitations from './invitations';
import orders from './orders';
import overview from './overview';
import payouts from './payouts';
import statements from './statements';
import stripe from './stripe';
import team from './team';
import tracking from './tracking';

const controllers = {
  'commission-review': commissionReview,
  applications,
  customers,
  health,
  invitations,
  orders,
  overview,
  payouts,
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
