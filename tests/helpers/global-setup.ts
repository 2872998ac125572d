import { join } from 'node:path';
import { compile } from '@strapi/typescript-utils';
import { assertReachable, requestedDatabases } from './databases';

/** Compiles the playground app once, and checks that every requested database answers. */
export default async () => {
  await compile(join(__dirname, '..', '..', 'playground'), {
    configOptions: { ignoreDiagnostics: false },
  });
  for (const database of requestedDatabases()) await assertReachable(database);
};
