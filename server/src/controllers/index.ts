import commissionReview from './commission-review';
import customers from './customers';
import health from './health';
import orders from './orders';
import overview from './overview';
import payouts from './payouts';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

const controllers = {
  'commission-review': commissionReview,
  customers,
  health,
  orders,
  overview,
  payouts,
  statements,
  stripe,
  tracking,
};

export type ControllerName = keyof typeof controllers;
export type HandlerName = {
  [C in ControllerName]: `${C}.${Extract<keyof ReturnType<(typeof controllers)[C]>, string>}`;
}[ControllerName];

export default controllers;
