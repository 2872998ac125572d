import type { Core } from '@strapi/strapi';
import type { TestDatabase } from '../helpers/databases';

/** The running playground a scenario prepares its data in and sends its requests to. */
export interface BenchApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** A full-access API token's `Authorization` header and the JSON content type. */
  headers: Record<string, string>;
}

/** Rows a successful request stores, counted before and after the scenario's load. */
export interface StoredRows {
  label: string;
  perRequest: number;
  count(): Promise<number>;
}

/** What a prepared scenario sends, and how the runner tells that it did what it claims. */
export interface Workload {
  method: 'GET' | 'POST';
  path: string;
  /** The n-th request's path, when requests do not all go to `path` (many links, say). */
  pathOf?: (n: number) => string;
  /** Another server than the playground's (the raw Koa ceiling). */
  origin?: string;
  /** Runs once the scenario is measured: stops what `prepare` started. */
  close?(): Promise<void>;
  /** The n-th request's JSON body: unique per n, so that every request creates new rows. */
  body?: (n: number) => unknown;
  /** Headers on top of the API token's (a browser's User-Agent, say). */
  headers?: Record<string, string>;
  /** The status of a successful request. */
  expectedStatus: number;
  /** Checks one response before the load starts; throws when the scenario is not what it says. */
  check?(body: unknown): void;
  stored?: StoredRows[];
}

/** The throughput goal of SPEC §12 a scenario is held to, as a ratio to another scenario. */
export interface Goal {
  baseline: string;
  atLeast: number;
  /** The most database queries one request may cost, where the goal names one. */
  queriesAtMost?: number;
}

export interface Scenario {
  /** Unique; other scenarios name it as their baseline. */
  name: string;
  /** How the report calls it: "order ingestion". */
  title: string;
  goal?: Goal;
  /** A ratio the report prints beside the goal, as an aim rather than a goal. */
  aim?: Goal;
  /** Seeds what the requests need (in-process, through `strapi.db`) and describes them. */
  prepare(app: BenchApp): Promise<Workload>;
}

/** What a timed scenario reports: lines for the report, and whether it did what it claims. */
export interface TimedResult {
  lines: string[];
  ok: boolean;
}

/**
 * A scenario measured once in-process rather than under HTTP load: a job or an export over a
 * large seeded data set (SPEC §12: payout run, CSV export in constant memory).
 */
export interface TimedScenario {
  kind: 'timed';
  name: string;
  title: string;
  run(app: BenchApp): Promise<TimedResult>;
}
