/**
 * The databases the API suites run against. `PARTNERS_TEST_DATABASES=sqlite,postgres,mysql`
 * runs every API suite once per database; SQLite alone when unset. Plain CommonJS so that
 * jest.config.js can read it too.
 */
const SUPPORTED_DATABASES = /** @type {const} */ (['sqlite', 'postgres', 'mysql']);

/**
 * @param {string | undefined} value
 * @returns {Array<'sqlite' | 'postgres' | 'mysql'>}
 */
const requestedDatabasesFromEnv = (value = process.env.PARTNERS_TEST_DATABASES) => {
  const names = (value || 'sqlite')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (!SUPPORTED_DATABASES.includes(/** @type {any} */ (name))) {
      throw new Error(
        `PARTNERS_TEST_DATABASES: unknown database "${name}" (use ${SUPPORTED_DATABASES.join(', ')})`
      );
    }
  }
  return /** @type {Array<'sqlite' | 'postgres' | 'mysql'>} */ ([...new Set(names)]);
};

module.exports = { SUPPORTED_DATABASES, requestedDatabasesFromEnv };
