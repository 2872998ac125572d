import * as React from 'react';
import { Box, Searchbar } from '@strapi/design-system';
import { useListQuery } from './ListQuery';

/** A search box bound to `?q=`, applied on Enter. */
export const SearchFilter = ({ label }: { label: string }) => {
  const { query, set } = useListQuery();
  const [value, setValue] = React.useState(query.q ?? '');
  React.useEffect(() => setValue(query.q ?? ''), [query.q]);
  return (
    <Box minWidth="24rem">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: value.trim() || undefined });
        }}
      >
        <Searchbar
          name="q"
          size="S"
          value={value}
          placeholder={label}
          clearLabel={label}
          onClear={() => {
            setValue('');
            set({ q: undefined });
          }}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValue(event.target.value)}
        >
          {label}
        </Searchbar>
      </form>
    </Box>
  );
};
