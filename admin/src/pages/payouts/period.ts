/** The last twelve months, newest first. */
export const recentPeriods = (now = new Date()) =>
  Array.from({ length: 12 }, (_, back) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
  );
