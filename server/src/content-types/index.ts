import asset from './asset/schema.json';
import click from './click/schema.json';
import commission from './commission/schema.json';
import dailyRollup from './daily-rollup/schema';
import deal from './deal/schema.json';
import enrollment from './enrollment/schema.json';
import invitation from './invitation/schema.json';
import jobRun from './job-run/schema.json';
import link from './link/schema.json';
import listing from './listing/schema.json';
import order from './order/schema.json';
import partner from './partner/schema.json';
import payout from './payout/schema.json';
import payoutLine from './payout-line/schema.json';
import program from './program/schema.json';
import referral from './referral/schema.json';
import stripeEvent from './stripe-event/schema.json';

export default {
  program: { schema: program },
  partner: { schema: partner },
  enrollment: { schema: enrollment },
  link: { schema: link },
  click: { schema: click },
  referral: { schema: referral },
  deal: { schema: deal },
  order: { schema: order },
  commission: { schema: commission },
  payout: { schema: payout },
  'payout-line': { schema: payoutLine },
  asset: { schema: asset },
  listing: { schema: listing },
  invitation: { schema: invitation },
  'job-run': { schema: jobRun },
  'stripe-event': { schema: stripeEvent },
  'daily-rollup': { schema: dailyRollup },
};
