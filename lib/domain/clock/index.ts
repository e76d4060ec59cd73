/**
 * Time as an input. Services that price take a clock instead of reading the system
 * time, so one request or order has one instant, and so one pricing date for every
 * rule, rate and line it prices.
 */
export interface Clock {
  now(): Date;
}

/** A clock stopped at one instant. */
export function fixedClock(at: Date): Clock {
  const frozen = new Date(at.getTime());
  return { now: () => new Date(frozen.getTime()) };
}

/** The pricing date (UTC calendar day, YYYY-MM-DD) a clock reads. */
export function pricingDate(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}
