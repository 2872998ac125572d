import { assertReachable, requestedDatabases } from './databases';

/** Every requested database must answer before any suite runs. */
export default async () => {
  for (const database of requestedDatabases()) await assertReachable(database);
};
