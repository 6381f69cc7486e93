import { DateTime } from 'luxon';

/**
 * A daily token allowance for this process (prompt + completion tokens), reset at midnight in
 * `zone`. In memory on purpose: with N replicas the real ceiling is N × limit, which the docs say.
 */
export class TokenBudget {
  private day = '';
  private spent = 0;

  constructor(
    readonly limit: number,
    private readonly zone: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Whether a call expected to cost `estimate` tokens still fits in today's allowance. */
  allows(estimate: number): boolean {
    this.roll();
    return this.spent + estimate <= this.limit;
  }

  record(tokens: number): void {
    this.roll();
    this.spent += Math.max(0, tokens);
  }

  remaining(): number {
    this.roll();
    return Math.max(0, this.limit - this.spent);
  }

  private roll(): void {
    const today = DateTime.fromJSDate(this.clock(), { zone: this.zone }).toISODate() ?? '';
    if (today !== this.day) {
      this.day = today;
      this.spent = 0;
    }
  }
}

/** A rough token count for budgeting before a call (about four characters per token). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
