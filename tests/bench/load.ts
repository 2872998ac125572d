import autocannon from 'autocannon';
import type { Workload } from './types';

export interface LoadOptions {
  origin: string;
  headers: Record<string, string>;
  connections: number;
  /** Requests to send. A count rather than a duration, so none is in flight when the load ends. */
  amount: number;
  /** Stops the load (and counts it as failed) if it is still running after this long. */
  maxSeconds: number;
  /** The next request number: shared by every load of one workload, so bodies never repeat. */
  sequence: { next: number };
}

export interface LoadResult {
  /** Responses per second, from the start to the last response. */
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  seconds: number;
  /** Responses with the workload's expected status. */
  succeeded: number;
  /** Other statuses, connection errors, timeouts, and requests cut off by `maxSeconds`. */
  failed: number;
  firstFailure?: string;
}

/** Nearest-rank percentile of ascending values. */
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

/** One bounded autocannon run on loopback: resolves once every request has its answer. */
export const runLoad = (workload: Workload, options: LoadOptions): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    // autocannon's histogram has no p95, so every response's latency is kept instead.
    const latencies: number[] = [];
    let succeeded = 0;
    let firstFailure: string | undefined;
    let lastResponseAt = 0;
    let cutOff = false;
    const startedAt = performance.now();
    const { body, pathOf } = workload;

    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        amount: options.amount,
        timeout: 30,
        headers: options.headers,
        requests: [
          {
            method: workload.method,
            path: workload.path,
            setupRequest: (request) => {
              if (!body && !pathOf) return request;
              const n = options.sequence.next++;
              return {
                ...request,
                ...(pathOf ? { path: pathOf(n) } : {}),
                ...(body ? { body: JSON.stringify(body(n)) } : {}),
              };
            },
            onResponse: (status, responseBody) => {
              if (status === workload.expectedStatus) succeeded += 1;
              else firstFailure ??= `HTTP ${status}: ${responseBody.slice(0, 500)}`;
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(guard);
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const seconds = ((lastResponseAt || performance.now()) - startedAt) / 1000;
        const answered = result.requests.total;
        const unanswered = cutOff ? Math.max(0, options.amount - answered - result.errors) : 0;
        resolve({
          requestsPerSecond: answered / seconds,
          latencyMs: {
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
          },
          seconds,
          succeeded,
          failed: answered - succeeded + result.errors + unanswered,
          firstFailure:
            firstFailure ??
            (result.errors ? `${result.errors} connection errors or timeouts` : undefined) ??
            (cutOff ? `still running after ${options.maxSeconds} s` : undefined),
        });
      }
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
      lastResponseAt = performance.now();
    });
    const guard = setTimeout(() => {
      cutOff = true;
      instance.stop();
    }, options.maxSeconds * 1000);
  });
