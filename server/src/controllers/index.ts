import applications from './applications';
import customers from './customers';
import emailTemplates from './email-templates';
import health from './health';
import invitations from './invitations';
import orders from './orders';
import payouts from './payouts';
import portal from './portal';
import statements from './statements';
import stripe from './stripe';
import team from './team';
import tracking from './tracking';

const controllers = {
  applications,
  customers,
  'email-templates': emailTemplates,
  health,
  invitations,
  orders,
  payouts,
  portal,
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
