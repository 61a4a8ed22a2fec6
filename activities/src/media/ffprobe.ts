import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AudioProbe, UnrecognizedProbe } from '@fanfare/contracts';

const execFileAsync = promisify(execFile);

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  channels?: number;
  sample_rate?: string;
  duration?: string;
}

interface FfprobeOutput {
  format?: { format_name?: string; duration?: string; bit_rate?: string };
  streams?: FfprobeStream[];
}

/** ffprobe could not be run at all (missing binary, killed): a fault of the worker, not the file. */
export class FfprobeUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FfprobeUnavailableError';
  }
}

function toNumber(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The first line ffprobe printed on stderr, which names what it disliked. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no output'
  );
}

/**
 * Runs ffprobe on a local file and reads its first audio stream. Content ffprobe rejects, or
 * that has no audio, is `unrecognized`; failing to run ffprobe throws.
 */
export async function probeAudioFile(
  ffprobePath: string,
  file: string,
  timeoutMs: number,
): Promise<AudioProbe | UnrecognizedProbe> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(
      ffprobePath,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { code?: string | number; stderr?: string; killed?: boolean };
    if (typeof failure.code === 'number' && failure.killed !== true) {
      return { type: 'unrecognized', detail: firstLine(failure.stderr ?? '').replace(`${file}: `, '') };
    }
    throw new FfprobeUnavailableError(`ffprobe (${ffprobePath}) could not run: ${failure.message}`, { cause: error });
  }
  const output = JSON.parse(stdout) as FfprobeOutput;
  const audio = output.streams?.find((stream) => stream.codec_type === 'audio');
  const container = output.format?.format_name;
  if (audio === undefined || container === undefined) return { type: 'unrecognized', detail: 'no audio stream' };
  const seconds = toNumber(output.format?.duration) ?? toNumber(audio.duration) ?? 0;
  return {
    type: 'audio',
    container,
    codec: audio.codec_name ?? 'unknown',
    durationMs: Math.round(seconds * 1000),
    channels: audio.channels ?? 0,
    sampleRateHz: toNumber(audio.sample_rate) ?? 0,
    bitRate: toNumber(output.format?.bit_rate),
  };
}

/**
 * Runs `ffprobe -version` and returns its first line, so a worker started without ffprobe fails
 * at start instead of rejecting every upload as unprobeable.
 */
export async function checkFfprobe(ffprobePath: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(ffprobePath, ['-version'], { timeout: 10_000 });
    return firstLine(stdout);
  } catch (error) {
    throw new FfprobeUnavailableError(`ffprobe (${ffprobePath}) could not run: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
