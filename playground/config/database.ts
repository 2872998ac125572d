import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * create-strapi-app's environment names: DATABASE_CLIENT sqlite/postgres/mysql (SQLite by
 * default), DATABASE_FILENAME, and DATABASE_URL or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD.
 */
export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite') as 'sqlite' | 'postgres' | 'mysql';
  const url = env('DATABASE_URL') ? new URL(env('DATABASE_URL')) : null;
  const server = (defaultPort: number) => ({
    host: url ? url.hostname : env('DATABASE_HOST', '127.0.0.1'),
    port: url?.port ? Number(url.port) : env.int('DATABASE_PORT', defaultPort),
    database: url ? decodeURIComponent(url.pathname.slice(1)) : env('DATABASE_NAME', 'strapi'),
    user: url ? decodeURIComponent(url.username) : env('DATABASE_USERNAME', 'strapi'),
    password: url ? decodeURIComponent(url.password) : env('DATABASE_PASSWORD', 'strapi'),
    ssl: env.bool('DATABASE_SSL', false) && {
      rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
    },
  });
  const pool = { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) };

  const connections = {
    mysql: { connection: server(3306), pool },
    postgres: { connection: { ...server(5432), schema: env('DATABASE_SCHEMA', 'public') }, pool },
    sqlite: {
      connection: {
        // Compiled to dist/config: two levels up is the playground folder.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };

  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  } as Core.Config.Database;
};
