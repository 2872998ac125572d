import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Stripe's API: Stripe itself cannot be reached from the test environment, so
 * the SDK is pointed here (`stripe.apiBase`). It implements what Connect transfers need and what
 * Stripe promises about idempotency: a request with a key it has seen gets the first response
 * again (`Idempotent-Replayed: true`) and creates nothing. It also lists checkout sessions by
 * subscription (`GET /v1/checkout/sessions?subscription=`), from `checkoutSessions`. It records
 * every request.
 */
export interface FakeStripe {
  url: string;
  requests: Array<{
    method: string;
    path: string;
    idempotencyKey: string | null;
    params: URLSearchParams;
  }>;
  transfers: Array<Record<string, unknown>>;
  /** The checkout sessions Stripe knows, as `GET /v1/checkout/sessions` lists them. */
  checkoutSessions: Array<Record<string, unknown>>;
  /** Drop the connection after doing the work, this many times: a crash before the answer. */
  dropResponses: number;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const startFakeStripe = async (): Promise<FakeStripe> => {
  const responses = new Map<string, { status: number; body: unknown }>();
  const fake: FakeStripe = {
    url: '',
    requests: [],
    transfers: [],
    checkoutSessions: [],
    dropResponses: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const createTransfer = (params: URLSearchParams) => {
    const destination = params.get('destination') ?? '';
    if (!destination.startsWith('acct_') || destination === 'acct_refused') {
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such destination: '${destination}'`,
            param: 'destination',
          },
        },
      };
    }
    const transfer = {
      id: `tr_${fake.transfers.length + 1}${Date.now().toString(36)}`,
      object: 'transfer',
      amount: Number(params.get('amount')),
      currency: params.get('currency'),
      destination,
      transfer_group: params.get('transfer_group'),
      description: params.get('description'),
      metadata: { payout: params.get('metadata[payout]') },
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      reversed: false,
    };
    fake.transfers.push(transfer);
    return { status: 200, body: transfer };
  };

  /** Stripe's list object: sessions of one subscription, newest first, `limit` of them. */
  const listCheckoutSessions = (params: URLSearchParams) => {
    const subscription = params.get('subscription');
    const limit = Number(params.get('limit') ?? 10);
    const data = fake.checkoutSessions
      .filter((session) => !subscription || session.subscription === subscription)
      .slice(0, limit);
    return { object: 'list', url: '/v1/checkout/sessions', has_more: false, data };
  };

  const server = createServer(async (req, res) => {
    const [path, query = ''] = (req.url ?? '').split('?');
    const params = new URLSearchParams(req.method === 'GET' ? query : await readBody(req));
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    fake.requests.push({ method: req.method ?? '', path, idempotencyKey, params });
    if (req.method === 'GET' && path === '/v1/checkout/sessions') {
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_list' });
      res.end(JSON.stringify(listCheckoutSessions(params)));
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/transfers') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { type: 'invalid_request_error', message: 'Unknown route' } })
      );
      return;
    }
    const replayed = idempotencyKey ? responses.get(idempotencyKey) : undefined;
    const response = replayed ?? createTransfer(params);
    if (idempotencyKey && !replayed) responses.set(idempotencyKey, response);
    if (fake.dropResponses > 0) {
      fake.dropResponses -= 1;
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, {
      'content-type': 'application/json',
      'request-id': `req_${fake.requests.length}`,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      // Tell the SDK not to retry refusals on its own.
      'stripe-should-retry': 'false',
    });
    res.end(JSON.stringify(response.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
};
