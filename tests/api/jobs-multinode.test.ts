import { uid } from '../../plugin/model';
import { previousPayoutPeriod } from '../../plugin/payouts';
import { earnApproved } from '../helpers/ledger';
import {
  createApiToken,
  createLink,
  createPartner,
  createProgram,
  enroll,
  orderBody,
} from '../helpers/fixtures';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { sleep, startNode, stopNode, waitUntilUp, type Node } from '../helpers/nodes';
import { currentDatabase, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * SPEC §10: the monthly and periodic jobs run once per tick however many Strapi nodes share the
 * database. Two real `strapi start` processes of the compiled playground (playground/dist), on
 * ports 1343 and 1344, share one scratch PostgreSQL database; `jobs.tickSeconds` makes every job
 * tick every few seconds. This process (jobs off) seeds the data and reads the results.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PORTS = [1343, 1344];
const TICK_SECONDS = 4;
const JOBS = ['approve-commissions', 'qualify-customers', 'payout-run', 'monthly-statements'];
const onPostgres = currentDatabase() === 'postgres';
const TITLE = 'jobs on two Strapi nodes sharing one PostgreSQL database';
// Row locks and several nodes on one database: PostgreSQL only (SQLite is a single-process file;
// MySQL runs the same claim code and is covered by the single-node job tests).
const suite = onPostgres ? describe : describe.skip;

suite(onPostgres ? TITLE : `${TITLE} (PostgreSQL only: PARTNERS_TEST_DATABASES=postgres)`, () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let nodes: Node[] = [];
  const period = previousPayoutPeriod(new Date());
  const paidPartners: Row[] = [];
  let pendingPartner: Row;

  const jobRuns = (): Promise<Row[]> =>
    app.strapi.db.query(uid('job-run')).findMany({ orderBy: [{ job: 'asc' }, { tick: 'asc' }] });
  const startNodes = async (env: Record<string, string>) => {
    nodes = PORTS.map((port) =>
      startNode(port, {
        SMTP_PORT: String(smtp.port),
        PARTNERS_JOBS_TICK_SECONDS: String(TICK_SECONDS),
        STRAPI_LOG_LEVEL: 'warn',
        ...env,
      })
    );
    await Promise.all(nodes.map((node, index) => waitUntilUp(node, PORTS[index])));
  };
  const stopNodes = async () => {
    await Promise.all(nodes.map(stopNode));
    nodes = [];
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startStrapi(); // jobs off in this process (PARTNERS_JOBS=false)
    const apiToken = await createApiToken(app.strapi);
    const program = await createProgram(app.strapi, {
      holdDays: 0,
      autoApprove: true,
      payoutMinimum: 0,
    });
    const partnerWithLink = async () => {
      const partner = await createPartner(app.strapi);
      await enroll(app.strapi, partner, program);
      return { partner, code: (await createLink(app.strapi, partner, program)).code as string };
    };
    // Three partners with approved commissions last month: one payout and one statement each.
    for (let index = 0; index < 3; index += 1) {
      const { partner, code } = await partnerWithLink();
      await earnApproved(app, apiToken, code, 30000, `${period}-10T10:00:00Z`); // $60.00
      paidPartners.push(partner);
    }
    // One partner whose two commissions of today wait for the approval job.
    const pending = await partnerWithLink();
    pendingPartner = pending.partner;
    for (let index = 0; index < 2; index += 1) {
      await app
        .request()
        .post('/api/partners/orders')
        .set('Authorization', `Bearer ${apiToken}`)
        .send(
          orderBody({
            referralCode: pending.code,
            amount: 10000,
            paidAt: new Date(Date.now() - 3_600_000).toISOString(),
          })
        )
        .expect(201);
    }
  });

  afterAll(async () => {
    await stopNodes();
    await app?.stop();
    await smtp?.close();
  });

  it('runs each job once per tick, with each side effect once', async () => {
    await startNodes({ PARTNERS_JOBS: 'true' });
    // Both nodes are up: wait for four more finished ticks of every job.
    const startedAt = Date.now();
    const enough = async () => {
      const runs = (await jobRuns()).filter(
        (run) => run.finishedAt && Date.parse(run.tick) >= startedAt
      );
      return JOBS.every((job) => runs.filter((run) => run.job === job).length >= 4);
    };
    for (const deadline = Date.now() + 90_000; !(await enough()); await sleep(1000)) {
      if (Date.now() > deadline)
        throw new Error(`too few ticks: ${JSON.stringify(await jobRuns())}`);
    }
    await stopNodes();

    const runs = await jobRuns();
    for (const job of JOBS) {
      const ticks = runs.filter((run) => run.job === job).map((run) => Date.parse(run.tick));
      // One row per tick (the unique (job, tick) claim), on the tick grid, none skipped.
      expect(new Set(ticks).size).toBe(ticks.length);
      for (const [index, tick] of ticks.entries()) {
        expect(tick % (TICK_SECONDS * 1000)).toBe(0);
        if (index > 0) expect(tick - ticks[index - 1]).toBe(TICK_SECONDS * 1000);
      }
    }
    const resultsOf = (job: string) =>
      runs.filter((run) => run.job === job && run.finishedAt).map((run) => run.result);

    // Approval: the two waiting entries were approved once, by one tick.
    const approved = resultsOf('approve-commissions').map((result) => result.approved);
    expect(approved.reduce((sum, count) => sum + count, 0)).toBe(2);
    const pendingEntries = await app.strapi.db
      .query(uid('commission'))
      .findMany({ where: { partnerId: pendingPartner.id } });
    expect(pendingEntries.map((entry) => entry.state)).toEqual(['approved', 'approved']);

    // Payout run: one payout per partner for last month, created by one tick only.
    const created = resultsOf('payout-run').map((result) => result.created);
    expect(created.filter((count) => count > 0)).toEqual([3]);
    for (const partner of paidPartners) {
      const payouts = await app.strapi.db
        .query(uid('payout'))
        .findMany({ where: { partnerId: partner.id } });
      expect(payouts.map((payout) => [payout.amount, payout.periodStart.slice(0, 7)])).toEqual([
        [6000, period],
      ]);
    }

    // Statements: each tick e-mailed each partner once, never twice (a tick cut short when the
    // nodes stopped may have sent part of its mails).
    const statementTicks = resultsOf('monthly-statements');
    expect(statementTicks.every((result) => result.partners === 3 && result.sent === 3)).toBe(true);
    const claimed = runs.filter((run) => run.job === 'monthly-statements').length;
    const mails = smtp.messages.filter((mail) => mail.subject.includes('statement'));
    for (const partner of paidPartners) {
      const received = mails.filter((mail) => mail.to.includes(partner.email)).length;
      expect(received).toBeGreaterThanOrEqual(statementTicks.length);
      expect(received).toBeLessThanOrEqual(claimed);
    }
  });

  it('runs nothing on nodes with jobs.enabled false', async () => {
    const before = (await jobRuns()).length;
    const mailsBefore = smtp.messages.length;
    await startNodes({ PARTNERS_JOBS: 'false' });
    await sleep(TICK_SECONDS * 3 * 1000);
    await stopNodes();
    expect((await jobRuns()).length).toBe(before);
    expect(smtp.messages.length).toBe(mailsBefore);
  });
});
