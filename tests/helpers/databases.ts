import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { Client as PgClient } from 'pg';

import { requestedDatabasesFromEnv, SUPPORTED_DATABASES } from './requested-databases';

export type TestDatabase = (typeof SUPPORTED_DATABASES)[number];
export const requestedDatabases = requestedDatabasesFromEnv;

const POSTGRES_URL =
  process.env.PARTNERS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MYSQL_URL = process.env.PARTNERS_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export interface ScratchDatabase {
  /** Environment for the playground's config/database.js. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file; `drop()` removes it. */
export const createScratchDatabase = async (client: TestDatabase): Promise<ScratchDatabase> => {
  const name = `partners_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

  if (client === 'sqlite') {
    const filename = join(tmpdir(), `${name}.db`);
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      async drop() {
        for (const suffix of ['', '-journal', '-wal', '-shm'])
          rmSync(filename + suffix, { force: true });
      },
    };
  }

  if (client === 'postgres') {
    const admin = new PgClient({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: withDatabase(POSTGRES_URL, name) },
      async drop() {
        const again = new PgClient({ connectionString: POSTGRES_URL });
        await again.connect();
        try {
          await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await again.end();
        }
      },
    };
  }

  const admin = await mysql.createConnection(MYSQL_URL);
  try {
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    env: { DATABASE_CLIENT: 'mysql', DATABASE_URL: withDatabase(MYSQL_URL, name) },
    async drop() {
      const again = await mysql.createConnection(MYSQL_URL);
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name}`);
      } finally {
        await again.end();
      }
    },
  };
};

/** Fails fast, with the reason, when a requested database cannot be reached. */
export const assertReachable = async (client: TestDatabase) => {
  try {
    const scratch = await createScratchDatabase(client);
    await scratch.drop();
  } catch (error) {
    throw new Error(
      `PARTNERS_TEST_DATABASES asks for ${client}, but it cannot be reached: ${(error as Error).message}`
    );
  }
};
