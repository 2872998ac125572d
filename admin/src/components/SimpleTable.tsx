import * as React from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

export interface Column<T> {
  id: string;
  label: string;
  render: (row: T) => React.ReactNode;
  /** The cells' style, e.g. WRAP. */
  style?: React.CSSProperties;
}

/**
 * A cell whose names wrap onto a second line, so a table fits a 1440 px window without
 * scrolling sideways (long ids are cut with an ellipsis instead).
 */
export const WRAP = { whiteSpace: 'normal', minWidth: '8rem' } as const;

/** A read-only design-system table; an empty list shows `empty` instead. */
export const SimpleTable = <T,>({
  rows,
  columns,
  rowKey,
  empty,
}: {
  rows: T[];
  columns: Array<Column<T>>;
  rowKey: (row: T) => string;
  empty: string;
}) =>
  rows.length === 0 ? (
    <Box padding={6} background="neutral0" hasRadius shadow="tableShadow">
      <Typography textColor="neutral600">{empty}</Typography>
    </Box>
  ) : (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.id}>
              <Typography variant="sigma">{column.label}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={rowKey(row)}>
            {columns.map((column) => (
              <Td key={column.id} style={column.style}>
                {column.render(row)}
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );

/** A cell's text. */
export const Text = ({ children }: { children: React.ReactNode }) => (
  <Typography textColor="neutral800">{children}</Typography>
);
