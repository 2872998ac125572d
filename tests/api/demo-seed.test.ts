import { uid } from '../../plugin/model';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The demo's data (playground/src/demo-seed.ts, seeded by `npm run demo`) reads like six months
 * of activity: approvals and refunds are dated when they happened, so monthly statements show
 * each entry in the month it was earned, not on the seeding day.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let app: TestApp;

beforeAll(async () => {
  process.env.PARTNERS_DEMO_SEED = 'true';
  try {
    app = await startStrapi();
  } finally {
    delete process.env.PARTNERS_DEMO_SEED;
  }
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

const monthOf = (value: unknown) => new Date(value as string).toISOString().slice(0, 7);
const today = new Date().toISOString().slice(0, 10);

describe('the demo data', () => {
  it('approves each entry when its hold ended, over several past months', async () => {
    const approved: Row[] = await app.strapi.db
      .query(uid('commission'))
      .findMany({ where: { state: 'approved' } });
    expect(approved.length).toBeGreaterThan(10);
    for (const entry of approved) {
      expect(new Date(entry.approvedAt).toISOString()).toBe(
        new Date(entry.availableAt).toISOString()
      );
    }
    expect(new Set(approved.map((entry) => monthOf(entry.approvedAt))).size).toBeGreaterThan(3);
    expect(
      approved.filter((entry) => new Date(entry.approvedAt).toISOString().startsWith(today))
    ).toHaveLength(0);
  });

  it('dates reversals on the refund, after the sale', async () => {
    const reversed: Row[] = await app.strapi.db
      .query(uid('commission'))
      .findMany({ where: { reversedAt: { $notNull: true } } });
    expect(reversed.length).toBeGreaterThan(0);
    for (const entry of reversed) {
      expect(new Date(entry.reversedAt).getTime()).toBeGreaterThan(
        new Date(entry.createdAt).getTime()
      );
    }
    expect(new Set(reversed.map((entry) => monthOf(entry.reversedAt))).size).toBeGreaterThan(1);
  });
});
