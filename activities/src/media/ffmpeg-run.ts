import { spawn } from 'node:child_process';

/** ffmpeg ran and refused the input: the file cannot be decoded, so retrying cannot help. */
export class UndecodableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableInputError';
  }
}

/** ffmpeg was stopped because the caller cancelled; the caller removes what it wrote. */
class FfmpegCancelledError extends Error {
  constructor() {
    super('ffmpeg was cancelled');
    this.name = 'FfmpegCancelledError';
  }
}

/** One ffmpeg run. */
export interface FfmpegRun {
  ffmpegPath: string;
  args: string[];
  /** Seconds of media ffmpeg has processed, from its `-progress` report, as it goes. */
  onProgress?(seconds: number): void;
  /** Kills ffmpeg (SIGKILL) when aborted. */
  signal?: AbortSignal;
}

/** The first error line ffmpeg printed, which names what it disliked. */
function firstErrorLine(stderr: string): string | null {
  return (
    stderr
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? null
  );
}

/**
 * Runs ffmpeg with `-progress pipe:1` and resolves with its stderr. A non-zero exit is an
 * `UndecodableInputError` (the decoder or a filter refused the input); an abort kills ffmpeg at
 * once and rejects with `FfmpegCancelledError` only after the process has exited, so no ffmpeg is
 * left writing when the caller cleans up.
 */
export function runFfmpeg(run: FfmpegRun): Promise<string> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted === true) return reject(new FfmpegCancelledError());
    const child = spawn(run.ffmpegPath, ['-hide_banner', '-nostdin', '-progress', 'pipe:1', ...run.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // Only the start matters for the reason; keep memory bounded on chatty inputs.
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // `out_time_us` is microseconds of output written (`out_time_ms` is microseconds too).
        if (line.startsWith('out_time_us=')) {
          const micros = Number(line.slice('out_time_us='.length));
          if (Number.isFinite(micros) && micros >= 0) run.onProgress?.(micros / 1e6);
        }
      }
    });
    const abort = () => child.kill('SIGKILL');
    run.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error) => {
      run.signal?.removeEventListener('abort', abort);
      reject(error);
    });
    child.on('close', (code) => {
      run.signal?.removeEventListener('abort', abort);
      if (run.signal?.aborted === true) return reject(new FfmpegCancelledError());
      // Killed by a signal we did not send (OOM, shutdown): a fault of the worker, worth a retry.
      if (code === null) return reject(new Error('ffmpeg was killed before it finished'));
      if (code !== 0) {
        return reject(new UndecodableInputError(firstErrorLine(stderr) ?? `ffmpeg exited with code ${code}`));
      }
      resolve(stderr);
    });
  });
}
