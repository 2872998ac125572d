/** A click as velocity counts it: its program, who clicked (IP hash, visitor) and when. */
export interface VelocityClick {
  programId: number;
  ipHash: string;
  visitorId: string;
  at: Date;
}

export const VELOCITY_WINDOW_MS = 60_000;

/**
 * SPEC §10 click velocity: a click is flagged when its IP hash or its visitor has clicked more
 * than the program's limit within the minute up to it (its program's links only, `earlier`
 * clicks included). `clicks` must be in time order; programs without a limit flag nothing.
 */
export function flagClickVelocity(
  clicks: readonly VelocityClick[],
  earlier: readonly VelocityClick[],
  limitOf: (programId: number) => number | null
): boolean[] {
  const seen = new Map<string, number[]>();
  const keysOf = (click: VelocityClick) => [
    `${click.programId}:ip:${click.ipHash}`,
    `${click.programId}:visitor:${click.visitorId}`,
  ];
  for (const click of earlier)
    for (const key of keysOf(click)) seen.set(key, [...(seen.get(key) ?? []), +click.at]);
  return clicks.map((click) => {
    const limit = limitOf(click.programId);
    let flagged = false;
    for (const key of keysOf(click)) {
      const recent = (seen.get(key) ?? []).filter((at) => at > +click.at - VELOCITY_WINDOW_MS);
      recent.push(+click.at);
      seen.set(key, recent);
      if (limit !== null && recent.length > limit) flagged = true;
    }
    return flagged;
  });
}
