/** Source of the current time in epoch milliseconds; injected so tests can run days of journey time instantly. */
export interface Clock {
  now(): number;
}

/** The latest instant the API takes (end of year 9999, the last a 4-digit ISO-8601 year writes); later ones overflow date code. */
export const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  #now: number;

  constructor(startMs: number = Date.now()) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  set(ms: number): void {
    this.#now = ms;
  }
}
