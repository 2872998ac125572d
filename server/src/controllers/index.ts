import customers from './customers';
import health from './health';
import orders from './orders';
import payouts from './payouts';
import portal from './portal';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

const controllers = {
  customers,
  health,
  orders,
  payouts,
  portal,
  statements,
  stripe,
  tracking,
};

export type ControllerName = keyof typeof controllers;
export type HandlerName = {
  [C in ControllerName]: `${C}.${Extract<keyof ReturnType<(typeof controllers)[C]>, string>}`;
}[ControllerName];

export default controllers;
