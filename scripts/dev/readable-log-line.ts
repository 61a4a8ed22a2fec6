/**
 * Turns one pino JSON log line into a line a developer reads at a glance (`12:04:31 INFO  API
 * listening url=http://…`). `npm start` prints its children's output this way outside
 * production; in production the JSON is kept whole for the log pipeline.
 */

const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

// Fields every pino line carries that the prefix already says or nobody reads locally.
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v', 'err']);

function valueText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** The readable form of `line`, or `line` itself when it is not a pino JSON record. */
export function readableLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { level?: unknown }).level !== 'number')
      return line;
    record = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 19) : '';
  const level = LEVELS[record.level as number] ?? String(record.level);
  const fields = Object.entries(record)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${valueText(value)}`);
  const head = [time, level, typeof record.msg === 'string' ? record.msg : '', ...fields].filter((part) => part !== '');
  const err = record.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = typeof err?.stack === 'string' ? err.stack : typeof err?.message === 'string' ? err.message : '';
  return stack === '' ? head.join(' ') : `${head.join(' ')}\n    ${stack.split('\n').join('\n    ')}`;
}
