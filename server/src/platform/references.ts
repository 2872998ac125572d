import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { rowsById, type RawRow } from './rows';

const REFERENCED = { partner: uid('partner'), program: uid('program'), order: uid('order') };
type Kind = keyof typeof REFERENCED;
type Joined<T> = T & { [kind in Kind]?: RawRow | null };

/**
 * Adds `partner`, `program` and `order` objects to rows that hold their ids in plain columns
 * (`partnerId`, ...), as `populate` did for relations, with one `$in` query per kind:
 * `withReferences(strapi, entries, { partner: ['name'], order: ['externalId'] })`.
 */
export const withReferences = async <T extends RawRow>(
  strapi: Core.Strapi,
  rows: readonly T[],
  fields: { [kind in Kind]?: readonly string[] }
): Promise<Array<Joined<T>>> => {
  const kinds = (Object.keys(REFERENCED) as Kind[]).filter((kind) => fields[kind]);
  const found = await Promise.all(
    kinds.map((kind) =>
      rowsById(
        strapi,
        REFERENCED[kind],
        rows.map((row) => (row[`${kind}Id`] == null ? null : Number(row[`${kind}Id`]))),
        fields[kind] ?? [],
        (row) => row
      )
    )
  );
  return rows.map((row) => {
    const joined: Joined<T> = { ...row };
    kinds.forEach((kind, index) => {
      const id = row[`${kind}Id`];
      joined[kind] = id == null ? null : (found[index].get(Number(id)) ?? null);
    });
    return joined;
  });
};
