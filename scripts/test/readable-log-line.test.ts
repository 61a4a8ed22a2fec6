import { describe, expect, it } from 'vitest';
import { readableLogLine } from '../dev/readable-log-line.js';

describe('readableLogLine', () => {
  const time = Date.UTC(2026, 11, 7, 12, 4, 31);
  it.each([
    [
      'an info line with fields',
      JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', msg: 'API listening', url: 'http://127.0.0.1:3000' }),
      '12:04:31 INFO  API listening url=http://127.0.0.1:3000',
    ],
    [
      'a warning with a nested field and a spaced string',
      JSON.stringify({ level: 40, time, msg: 'slow', took: { ms: 12 }, note: 'two words' }),
      '12:04:31 WARN  slow took={"ms":12} note="two words"',
    ],
    [
      'a line that is not JSON',
      'storefront edge listening on http://127.0.0.1:4321',
      'storefront edge listening on http://127.0.0.1:4321',
    ],
    ['JSON that is not a pino record', '{"hello":"world"}', '{"hello":"world"}'],
    ['broken JSON', '{"level":30', '{"level":30'],
  ])('%s', (_, line, expected) => {
    expect(readableLogLine(line)).toBe(expected);
  });

  it('indents an error stack under its line', () => {
    const line = JSON.stringify({
      level: 50,
      time,
      msg: 'boom',
      err: { message: 'x', stack: 'Error: x\n    at f (a.ts:1:1)' },
    });
    expect(readableLogLine(line)).toBe('12:04:31 ERROR boom\n    Error: x\n        at f (a.ts:1:1)');
  });
});
