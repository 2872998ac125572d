import { randomUUID } from 'node:crypto';
import { contentTypes as strapiContentTypes } from '@strapi/utils';
import * as model from '../../plugin/model';
import schemas from '../../server/src/content-types';
import { LISTING_STATES } from '../../plugin/directory';
import { CONTENT_TYPES, uid } from '../../plugin/model';
import { useTestApp } from '../helpers/test-app';

/**
 * The fields SPEC §4 names for each content type (relations included). Click, order, commission,
 * payout and payout line hold their references as plain indexed ids (`partnerId`), not relations;
 * a commission's payout is its payout line's `payoutId`.
 */
const SPEC_FIELDS: Record<(typeof CONTENT_TYPES)[number], string[]> = {
  program: [
    'name',
    'slug',
    'state',
    'startsAt',
    'endsAt',
    'currency',
    'landingUrl',
    'tierMode',
    'trigger',
    'commission',
    'productRates',
    'tierMetric',
    'tiers',
    'secondTier',
    'recurringMonths',
    'holdDays',
    'autoApprove',
    'qualificationDays',
    'attributionWindowDays',
    'attributionModel',
    'eligibility',
    'referralDetail',
    'showDeclinedCharges',
    'showPurchaseHistory',
    'notifyOnCommission',
    'payoutMinimum',
    'payoutTermDays',
    'activationEvent',
    'applicationMode',
    'terms',
    'termsVersion',
    'timezone',
  ],
  partner: [
    'name',
    'email',
    'company',
    'website',
    'type',
    'tier',
    'state',
    'referredBy',
    'users',
    'payoutMethod',
    'directoryListing',
    'notes',
  ],
  enrollment: [
    'partner',
    'program',
    'state',
    'commissionOverride',
    'termsVersionAccepted',
    'acceptedAt',
    'activatedAt',
  ],
  link: ['code', 'partner', 'program', 'path', 'label'],
  click: [
    'code',
    'linkId',
    'partnerId',
    'programId',
    'visitorId',
    'ipHash',
    'userAgent',
    'referrer',
    'landingUrl',
    'isBot',
    'isUnique',
    'createdAt',
  ],
  referral: [
    'partnerId',
    'programId',
    'linkId',
    'source',
    'visitorId',
    'email',
    'firstName',
    'lastName',
    'externalId',
    'state',
    'signedUpAt',
    'convertedAt',
    'churnedAt',
    'qualifiedAt',
  ],
  deal: [
    'partner',
    'program',
    'company',
    'contactEmail',
    'contactName',
    'estimatedValue',
    'currency',
    'state',
    'expiresAt',
    'decisionNote',
  ],
  order: [
    'externalId',
    'referralId',
    'partnerId',
    'programId',
    'customerEmail',
    'customerName',
    'customerExternalId',
    'amount',
    'currency',
    'items',
    'state',
    'refundedAmount',
    'paidAt',
    'failureReason',
    'couponCode',
    'referralCode',
    'visitorId',
    'paidByPartner',
    'subscriptionId',
    'source',
    'ineligibleReason',
  ],
  commission: [
    'partnerId',
    'programId',
    'orderId',
    'referralId',
    'sourceCommissionId',
    'level',
    'kind',
    'basisAmount',
    'rate',
    'amount',
    'currency',
    'state',
    'availableAt',
    'approvedAt',
    'paidAt',
    'explanation',
    'idempotencyKey',
    'note',
  ],
  payout: [
    'partnerId',
    'currency',
    'amount',
    'periodStart',
    'periodEnd',
    'state',
    'method',
    'reference',
    'idempotencyKey',
    'paidAt',
    'failureReason',
  ],
  'payout-line': ['payoutId', 'commissionId'],
  asset: ['program', 'title', 'description', 'type', 'file', 'url'],
  invitation: ['partner', 'email', 'tokenHash', 'expiresAt', 'usedAt', 'invitedBy'],
  listing: [
    'partner',
    'state',
    'slug',
    'name',
    'description',
    'services',
    'regions',
    'website',
    'logo',
    'liveCopy',
    'liveSince',
  ],
};

/** Enumerations whose values SPEC §4 fixes, and the plugin/ tuple that must match them. */
const ENUMS: Array<[(typeof CONTENT_TYPES)[number], string, readonly string[]]> = [
  ['program', 'state', model.PROGRAM_STATUSES],
  ['program', 'tierMode', model.TIER_MODES],
  ['program', 'trigger', model.TRIGGERS],
  ['program', 'tierMetric', model.TIER_METRICS],
  ['program', 'attributionModel', model.ATTRIBUTION_MODELS],
  ['program', 'referralDetail', model.REFERRAL_DETAILS],
  ['program', 'activationEvent', model.ACTIVATION_EVENTS],
  ['program', 'applicationMode', model.APPLICATION_MODES],
  ['partner', 'type', model.PARTNER_TYPES],
  ['partner', 'state', model.PARTNER_STATUSES],
  ['enrollment', 'state', model.ENROLLMENT_STATUSES],
  ['referral', 'source', model.REFERRAL_SOURCES],
  ['referral', 'state', model.REFERRAL_STATUSES],
  ['deal', 'state', model.DEAL_STATUSES],
  ['order', 'state', model.ORDER_STATUSES],
  ['order', 'source', model.ORDER_SOURCES],
  ['commission', 'kind', model.COMMISSION_KINDS],
  ['commission', 'state', model.COMMISSION_STATUSES],
  ['payout', 'state', model.PAYOUT_STATUSES],
  ['asset', 'type', model.ASSET_TYPES],
  ['listing', 'state', LISTING_STATES],
];

const { app } = useTestApp();

describe('the plugin inside Strapi', () => {
  it('loads and answers on its health route', async () => {
    expect(app.strapi.plugin('partners')).toBeDefined();
    const res = await app.request().get('/api/partners/health').expect(200);
    expect(res.body).toEqual({ data: { status: 'ok' } });
  });

  it('creates the Partner role for portal logins', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'partner' } });
    expect(role).toMatchObject({ name: 'Partner', type: 'partner' });
  });
});

describe('the data model', () => {
  it.each(CONTENT_TYPES)('%s exists with every field of SPEC §4 and no draft/publish', (name) => {
    const contentType = app.strapi.contentType(uid(name));
    expect(contentType).toBeDefined();
    expect(contentType.options?.draftAndPublish).toBe(false);
    for (const field of SPEC_FIELDS[name]) {
      expect([name, field, contentType.attributes[field] !== undefined]).toEqual([
        name,
        field,
        true,
      ]);
    }
  });

  it.each(CONTENT_TYPES)('%s has a database column for every scalar field', async (name) => {
    const meta = app.strapi.db.metadata.get(uid(name));
    for (const [field, attribute] of Object.entries(meta.attributes)) {
      const column = (attribute as { columnName?: string; type: string }).columnName;
      if ((attribute as { type: string }).type === 'relation' || !column) continue;
      const exists = await app.strapi.db.connection.schema.hasColumn(meta.tableName, column);
      expect([name, field, exists]).toEqual([name, field, true]);
    }
  });

  // Strapi 5 reserves these (`status` is the Document Service's draft/publish parameter): the
  // Content Manager shows such a field empty and refuses to save the entry.
  it.each(Object.keys(schemas))('%s names no attribute Strapi 5 reserves', (name) => {
    const { attributes } = schemas[name as keyof typeof schemas].schema;
    const reserved = Object.keys(attributes).filter((field) =>
      strapiContentTypes.isReservedAttributeName(field, { draftAndPublish: true })
    );
    expect([name, reserved]).toEqual([name, []]);
  });

  it.each(ENUMS)('%s.%s enumerates the values of plugin/model', (name, field, values) => {
    const attribute = app.strapi.contentType(uid(name)).attributes[field] as { enum?: string[] };
    expect(attribute.enum).toEqual([...values]);
  });

  it('stores money and rates as integers', () => {
    const integers: Array<[(typeof CONTENT_TYPES)[number], string]> = [
      ['program', 'payoutMinimum'],
      ['order', 'amount'],
      ['order', 'refundedAmount'],
      ['commission', 'amount'],
      ['commission', 'basisAmount'],
      ['payout', 'amount'],
      ['deal', 'estimatedValue'],
    ];
    for (const [name, field] of integers) {
      expect([name, field, app.strapi.contentType(uid(name)).attributes[field].type]).toEqual([
        name,
        field,
        'integer',
      ]);
    }
  });
});

describe('exactly-once keys are enforced by the database', () => {
  const insertTwice = async (
    name: 'link' | 'order' | 'commission' | 'payout-line',
    row: Record<string, unknown>
  ) => {
    const { tableName } = app.strapi.db.metadata.get(uid(name));
    const knex = app.strapi.db.connection;
    const base = {
      document_id: randomUUID().replace(/-/g, '').slice(0, 24),
      created_at: new Date(),
      updated_at: new Date(),
    };
    await knex(tableName).insert({ ...base, ...row });
    const second = knex(tableName).insert({
      ...base,
      document_id: randomUUID().replace(/-/g, '').slice(0, 24),
      ...row,
    });
    // Compared by message: better-sqlite3's native error class belongs to the first test file's
    // realm, so `instanceof Error` (what `rejects.toThrow` checks) fails in later files.
    const refusal = await second.then(
      () => null,
      (error: unknown) => error
    );
    expect(String((refusal as Error | null)?.message ?? refusal)).toMatch(/unique|duplicate/i);
    const [{ count }] = await knex(tableName).where(row).count({ count: '*' });
    expect(Number(count)).toBe(1);
  };

  it('refuses a second link with the same code', () =>
    insertTwice('link', { code: `jane-${Date.now()}` }));

  it('refuses a second order with the same externalId', () =>
    insertTwice('order', { external_id: `ord_${Date.now()}`, amount: 10000, currency: 'USD' }));

  it('refuses a second commission with the same idempotencyKey', () =>
    insertTwice('commission', {
      idempotency_key: `order:1:level:1:sale:${Date.now()}`,
      amount: 2000,
      currency: 'USD',
    }));

  it('refuses a second payout line for the same entry (an entry is in one payout at most)', () =>
    insertTwice('payout-line', { commission_id: Date.now() % 1_000_000, payout_id: 1 }));

  it('indexes the click, order, commission, payout and payout line look-ups', async () => {
    const inspector = (
      app.strapi.db as unknown as {
        dialect: {
          schemaInspector: { getIndexes(table: string): Promise<Array<{ name: string }>> };
        };
      }
    ).dialect.schemaInspector;
    const names = async (name: 'click' | 'order' | 'commission' | 'payout' | 'payout-line') =>
      (await inspector.getIndexes(app.strapi.db.metadata.get(uid(name)).tableName)).map(
        (i) => i.name
      );
    expect(await names('click')).toEqual(
      expect.arrayContaining([
        'partners_clicks_visitor_id_link_id_created_at_idx',
        'partners_clicks_program_id_created_at_idx',
        'partners_clicks_partner_id_created_at_idx',
      ])
    );
    expect(await names('order')).toEqual(
      expect.arrayContaining([
        'partners_orders_external_id_uq',
        'partners_orders_customer_external_id_idx',
        'partners_orders_partner_id_paid_at_idx',
        'partners_orders_program_id_paid_at_idx',
        'partners_orders_referral_id_idx',
      ])
    );
    expect(await names('commission')).toEqual(
      expect.arrayContaining([
        'partners_commissions_idempotency_key_uq',
        'partners_commissions_state_available_at_idx',
        'partners_commissions_partner_id_state_idx',
        'partners_commissions_order_id_idx',
        'partners_commissions_source_commission_id_idx',
      ])
    );
    expect(await names('payout')).toEqual(
      expect.arrayContaining(['partners_payouts_partner_id_idx'])
    );
    expect(await names('payout-line')).toEqual(
      expect.arrayContaining([
        'partners_payout_lines_commission_id_uq',
        'partners_payout_lines_payout_id_commission_id_idx',
      ])
    );
  });
});
