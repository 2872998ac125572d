import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import type { Pagination as PaginationMeta } from '../../../plugin/contracts/admin';
import { useT } from '../hooks/useT';
import { toQueryString } from '../hooks/useApi';

type Params = Record<string, string | undefined>;

/**
 * A list's filters and page live in the address (`?status=pending&page=2`), as in Strapi's own
 * list views: reloads, links and the back button keep them.
 */
export const useListQuery = () => {
  const [params, setParams] = useSearchParams();
  const query: Params = Object.fromEntries(params.entries());
  const set = (changes: Params) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    // A new filter starts again at the first page.
    next.delete('page');
    setParams(next);
  };
  return { query, set, search: (extra: Params = {}) => toQueryString({ ...query, ...extra }) };
};

interface QuerySelectProps {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  allLabel?: string;
}

/** A filter bound to one query parameter; "All" removes it. */
export const QuerySelect = ({ name, label, options, allLabel }: QuerySelectProps) => {
  const t = useT();
  const { query, set } = useListQuery();
  return (
    <Box width="16rem">
      <Field.Root name={name}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          size="S"
          value={query[name] ?? ''}
          onChange={(value) => set({ [name]: value === '' ? undefined : String(value) })}
        >
          <SingleSelectOption value="">{allLabel ?? t('filters.all')}</SingleSelectOption>
          {options.map((option) => (
            <SingleSelectOption key={option.value} value={option.value}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};

/** The page-size menu and page links under a list (Strapi's Pagination, bound to the address). */
export const ListFooter = ({ pagination }: { pagination: PaginationMeta | undefined }) =>
  pagination && pagination.total > 0 ? (
    <Pagination.Root
      pageCount={pagination.pageCount}
      total={pagination.total}
      defaultPageSize={pagination.pageSize}
    >
      <Pagination.PageSize options={['10', '25', '50', '100']} />
      <Pagination.Links />
    </Pagination.Root>
  ) : null;
