import { Box, DatePicker, Field } from '@strapi/design-system';
import { useListQuery } from './ListQuery';

/** "YYYY-MM-DD" of the day the picker shows (its own time zone, not UTC). */
const toDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(
    date.getDate()
  ).padStart(2, '0')}`;

const fromDay = (day: string | undefined) => {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};

/** A date filter bound to one query parameter (`from`, `to`) as "YYYY-MM-DD". */
export const DayFilter = ({ name, label }: { name: string; label: string }) => {
  const { query, set } = useListQuery();
  return (
    <Box width="15rem">
      <Field.Root name={name}>
        <Field.Label>{label}</Field.Label>
        <DatePicker
          size="S"
          value={fromDay(query[name])}
          onChange={(date) => set({ [name]: date ? toDay(date) : undefined })}
          onClear={() => set({ [name]: undefined })}
          clearLabel={label}
        />
      </Field.Root>
    </Box>
  );
};
