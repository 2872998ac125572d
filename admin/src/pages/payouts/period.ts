/** "YYYY-MM" of the month before `now` (UTC): the period a monthly run pays out. */
export const previousMonth = (now = new Date()) => {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
};

/** The last twelve months, newest first. */
export const recentPeriods = (now = new Date()) =>
  Array.from({ length: 12 }, (_, back) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
  );
