import customers from './customers';
import emailTemplates from './email-templates';
import health from './health';
import orders from './orders';
import payouts from './payouts';
import statements from './statements';
import stripe from './stripe';
import tracking from './tracking';

const controllers = {
  customers,
  'email-templates': emailTemplates,
  health,
  orders,
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
