const path = require('path');

/** create-strapi-app's environment names: DATABASE_CLIENT sqlite/postgres/mysql, SQLite by default. */
module.exports = ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const url = env('DATABASE_URL') ? new URL(env('DATABASE_URL')) : null;
  const server = (defaultPort) => ({
    host: url ? url.hostname : env('DATABASE_HOST', '127.0.0.1'),
    port: url && url.port ? Number(url.port) : env.int('DATABASE_PORT', defaultPort),
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
    postgres: {
      connection: { ...server(5432), schema: env('DATABASE_SCHEMA', 'public') },
      pool,
    },
    sqlite: {
      connection: {
        filename: path.resolve(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')),
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
  };
};
