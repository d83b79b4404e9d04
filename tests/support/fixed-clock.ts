import { Clock } from '@poolkeeper/cognito-emulator';

/** A Clock that only moves when told to, so rate limits and expiries are exact in tests. */
export class FixedClock extends Clock {
  constructor(private readonly startMs = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    super();
  }

  override now(): number {
    return this.startMs + this.offsetSeconds * 1000;
  }
}
