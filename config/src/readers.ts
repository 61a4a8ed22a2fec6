/**
 * Small typed readers over an environment map. Each reader records a problem instead of
 * throwing, so that one start-up failure names every bad variable at once.
 */
export type Env = Readonly<Record<string, string | undefined>>;

/** One variable that could not be read, with the reason in words a person can act on. */
export interface ConfigProblem {
  variable: string;
  reason: string;
}

/** Thrown by `loadConfig` when any variable is missing or malformed. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads variables from one environment and collects what is wrong with them. */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  private fail(variable: string, reason: string): void {
    this.problems.push({ variable, reason });
  }

  /** A string; `fallback` undefined makes it required. */
  string(name: string, fallback?: string): string {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.fail(name, 'is required');
      return '';
    }
    return value;
  }

  /** A string that may be absent. */
  optional(name: string): string | undefined {
    return this.raw(name);
  }

  /** An integer within [min, max]. */
  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.fail(name, `must be an integer from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return Number(value);
  }

  /** One of a fixed set of words. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  /** `true/false/1/0/yes/no`. */
  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
    if (['0', 'false', 'no', 'off'].includes(lower)) return false;
    this.fail(name, `must be true or false (got "${value}")`);
    return fallback;
  }

  /** A URL whose scheme is one of `protocols`. */
  url(name: string, protocols: readonly string[], fallback?: string): string {
    const value = this.string(name, fallback);
    if (value === '') return value;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
        this.fail(name, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      this.fail(name, `must be a URL (got "${value}")`);
    }
    return value;
  }

  /** `host:port` as gRPC clients take it. */
  hostPort(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(value)) {
      this.fail(name, `must be host:port (got "${value}")`);
    }
    return value;
  }

  /** A comma-separated list. */
  list(name: string, fallback: readonly string[]): string[] {
    const value = this.raw(name);
    if (value === undefined) return [...fallback];
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** Records a problem found by a rule that spans several variables. */
  require(condition: boolean, variable: string, reason: string): void {
    if (!condition) this.fail(variable, reason);
  }
}
