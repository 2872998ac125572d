import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { isUniqueClick, UNIQUE_CLICK_WINDOW_HOURS } from '../../../plugin/tracking';
import { newDocumentId } from '../platform/rows';
import { clickVelocityFlags } from './click-velocity';

const CLICK = uid('click');

/** A click as the request saw it; `isUnique` is decided when it is written. */
export interface PendingClick {
  code: string;
  linkId: number;
  partnerId: number;
  programId: number;
  visitorId: string;
  ipHash: string;
  userAgent: string | null;
  referrer: string | null;
  landingUrl: string | null;
  isBot: boolean;
  createdAt: Date;
}

export interface ClickQueueOptions {
  /** How long a click may wait for companions before a write starts (0: the next turn). */
  flushDelayMs?: number;
  /** Clicks per insert. */
  batchSize?: number;
  /** Clicks held in memory at most (a database outage); the oldest are dropped beyond it. */
  maxQueued?: number;
}

const MAX_ATTEMPTS = 5;
const WINDOW_MS = UNIQUE_CLICK_WINDOW_HOURS * 3_600_000;

/**
 * Clicks written in batches, durably before their answer (SPEC §6, "every click answered is
 * stored"): a request pushes its click and waits for the batch that holds it. One batch is
 * written at a time per node, and the clicks that arrive meanwhile form the next one, so under
 * load a batch holds about one click per request in flight and costs two statements (the
 * previous unique clicks, then one insert), whatever the rate. `isUnique` is decided in order:
 * the previous unique clicks come from the database, the ones of the same batch from memory.
 * A failed batch releases its requests at once (the visitor is not held by an outage) and is
 * retried with back-off, then written row by row so one bad row cannot hold the others; only
 * those clicks can be lost by a crash. `close()` (plugin destroy) writes what is left. Rows go in
 * through knex, not the query engine: its per-row processing would cost the redirects a third of
 * their throughput (SPEC §12), and the click table has plain columns only.
 */
export const createClickQueue = (strapi: Core.Strapi, options: ClickQueueOptions = {}) => {
  const { flushDelayMs = 0, batchSize = 250, maxQueued = 50_000 } = options;
  let queue: PendingClick[] = [];
  /** Resolves the request waiting on a click, once the click is written or its write failed. */
  const waiting = new Map<PendingClick, () => void>();
  const release = (batch: PendingClick[]) => {
    for (const click of batch) {
      waiting.get(click)?.();
      waiting.delete(click);
    }
  };
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let failures = 0;
  let closed = false;
  let dropped = 0;

  const table = () => {
    const meta = strapi.db.metadata.get(CLICK);
    const column = (attribute: string) =>
      (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    return { name: meta.tableName, column };
  };

  /** The last unique click of each (link, visitor) of the batch, from the database. */
  const lastUniqueClicks = async (humans: PendingClick[]) => {
    const last = new Map<string, number>();
    if (humans.length === 0) return last;
    const earliest = Math.min(...humans.map((click) => click.createdAt.getTime()));
    const { name, column } = table();
    const previous: Array<{ linkId: number; visitorId: string; createdAt: Date | number }> =
      await strapi.db
        .connection(name)
        .select({
          linkId: column('linkId'),
          visitorId: column('visitorId'),
          createdAt: column('createdAt'),
        })
        .whereIn(column('linkId'), [...new Set(humans.map((click) => click.linkId))])
        .whereIn(column('visitorId'), [...new Set(humans.map((click) => click.visitorId))])
        .where(column('isUnique'), true)
        .where(column('createdAt'), '>', new Date(earliest - WINDOW_MS));
    for (const row of previous) {
      const key = `${Number(row.linkId)}:${row.visitorId}`;
      const at = new Date(row.createdAt).getTime();
      if (at > (last.get(key) ?? -Infinity)) last.set(key, at);
    }
    return last;
  };

  const rowsOf = async (batch: PendingClick[]) => {
    const ordered = [...batch].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const last = await lastUniqueClicks(ordered.filter((click) => !click.isBot));
    const flagged = await clickVelocityFlags(strapi, ordered);
    return ordered.map((click, index) => {
      const velocityFlagged = flagged[index];
      const key = `${click.linkId}:${click.visitorId}`;
      const previous = last.get(key);
      const isUnique =
        !velocityFlagged &&
        isUniqueClick(
          { at: click.createdAt, isBot: click.isBot },
          previous === undefined ? null : new Date(previous)
        );
      if (isUnique) last.set(key, click.createdAt.getTime());
      return { ...click, isUnique, velocityFlagged };
    });
  };

  const insert = async (batch: PendingClick[]) => {
    const { name, column } = table();
    const rows = (await rowsOf(batch)).map((click) => {
      const row: Record<string, unknown> = {
        [column('documentId')]: newDocumentId(),
        [column('updatedAt')]: click.createdAt,
      };
      for (const [attribute, value] of Object.entries(click)) row[column(attribute)] = value;
      return row;
    });
    // One statement per batch: all or nothing, so a retried batch cannot insert a row twice.
    await strapi.db.connection(name).insert(rows);
  };

  const insertOneByOne = async (batch: PendingClick[]) => {
    for (const click of batch) {
      try {
        await insert([click]);
      } catch (error) {
        strapi.log.error(`[partners] a click on "${click.code}" was not stored: ${error}`);
      }
    }
  };

  /** True when the batch is settled (written, or written row by row); false to retry later. */
  const writeBatch = async (batch: PendingClick[]): Promise<boolean> => {
    try {
      await insert(batch);
      failures = 0;
      release(batch);
      return true;
    } catch (error) {
      release(batch);
      failures += 1;
      if (failures < MAX_ATTEMPTS && !closed) {
        strapi.log.warn(`[partners] writing ${batch.length} clicks failed, retrying: ${error}`);
        queue = [...batch, ...queue];
        schedule(250 * 2 ** failures);
        return false;
      }
      failures = 0;
      await insertOneByOne(batch);
      return true;
    }
  };

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, batchSize);
      if (!(await writeBatch(batch))) return;
    }
  };

  /** Writes everything queued so far; resolves once it is in the database. */
  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    writing = writing.then(drain).catch((error) => {
      strapi.log.error(`[partners] writing clicks failed: ${error}`);
    });
    return writing;
  };

  function schedule(delayMs: number) {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
  }

  return {
    /** Queues the click; resolves once it is written (or its first write failed). */
    push(click: PendingClick): Promise<void> {
      const written = new Promise<void>((resolve) => waiting.set(click, resolve));
      if (queue.length >= maxQueued) {
        release([queue.shift() as PendingClick]);
        dropped += 1;
        if (dropped === 1 || dropped % 1000 === 0) {
          strapi.log.error(`[partners] click queue full: ${dropped} clicks dropped so far`);
        }
      }
      queue.push(click);
      if (closed || queue.length >= batchSize) void flush();
      else schedule(flushDelayMs);
      return written;
    },

    flush,

    /** Plugin destroy: writes what is queued; later clicks (in-flight requests) go straight in. */
    async close() {
      closed = true;
      await flush();
    },

    get size() {
      return queue.length;
    },
  };
};

export type ClickQueue = ReturnType<typeof createClickQueue>;
