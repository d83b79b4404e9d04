/** The emulator's time. Tests move it forward instead of waiting (code expiry, token expiry, quotas). */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Seconds since the epoch, as JWT claims and AWS timestamps use. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advanceSeconds must be a non-negative number');
    this.offsetMs += seconds * 1000;
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  set offsetSeconds(value: number) {
    this.offsetMs = value * 1000;
  }
}
