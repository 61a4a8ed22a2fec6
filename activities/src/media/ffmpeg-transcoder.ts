import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { TranscodePreset } from '@fanfare/contracts';
import { runFfmpeg, UndecodableInputError } from './ffmpeg-run.js';
import type { TranscodeJob, Transcoder } from './transcoder.js';

/** What the first loudnorm pass measured (its `print_format=json` block). */
interface LoudnessStats {
  input_i: string;
  input_tp: string;
  input_lra: string;
  input_thresh: string;
  target_offset: string;
}

// The analysis pass reads the whole file once; the encode does everything else in one more read.
const ANALYSIS_SHARE = 0.3;

function loudnorm(preset: TranscodePreset): string {
  return `loudnorm=I=${preset.loudnessLufs}:TP=${preset.truePeakDb}:LRA=${preset.loudnessRange}`;
}

/** What the analysis measured: the stereo mix and its mono downmix, which can be quieter. */
interface Analysis {
  stereo: LoudnessStats;
  mono: LoudnessStats;
}

/**
 * The two JSON blocks loudnorm prints when the analysis ends, told apart by filter instance:
 * the stereo measurement is the lower-numbered `Parsed_loudnorm_N` (it comes first in the graph).
 */
function parseAnalysis(stderr: string): Analysis {
  const blocks = [...stderr.matchAll(/\[Parsed_loudnorm_(\d+) @[^\]]*\][^{]*(\{[^}]*\})/g)]
    .map((match) => ({ index: Number(match[1]), stats: JSON.parse(match[2] ?? '{}') as LoudnessStats }))
    .sort((a, b) => a.index - b.index);
  const [stereo, mono] = blocks;
  if (stereo === undefined || mono === undefined) {
    throw new UndecodableInputError('ffmpeg measured no loudness: the file has no audio');
  }
  for (const { stats } of blocks) {
    if (!Number.isFinite(Number(stats.input_i))) {
      throw new UndecodableInputError(`the audio is silent (integrated loudness ${stats.input_i})`);
    }
  }
  return { stereo: stereo.stats, mono: mono.stats };
}

/** The analysis arguments: both mixes measured in one decode of the input. */
function analysisArguments(job: TranscodeJob): string[] {
  const measure = `${loudnorm(job.preset)}:print_format=json`;
  return [
    '-nostats',
    // `-err_detect explode` and the decoded length catch corrupt frames a FLAC parser would skip.
    '-err_detect',
    'crccheck+explode',
    '-xerror',
    '-i',
    job.inputFile,
    '-filter_complex',
    `[0:a]asplit=2[s][m];[s]${measure}[so];[m]aformat=channel_layouts=mono,${measure}[mo]`,
    '-map',
    '[so]',
    '-f',
    'null',
    '-',
    '-map',
    '[mo]',
    '-f',
    'null',
    '-',
  ];
}

/** loudnorm's second, linear pass with the values the analysis measured. */
function normalise(preset: TranscodePreset, stats: LoudnessStats): string {
  return (
    `${loudnorm(preset)}:measured_I=${stats.input_i}:measured_TP=${stats.input_tp}:measured_LRA=${stats.input_lra}` +
    `:measured_thresh=${stats.input_thresh}:offset=${stats.target_offset}:linear=true:print_format=none` +
    `,aresample=${preset.sampleRateHz}`
  );
}

/**
 * The ffmpeg arguments of the encode: the ladder, the preview and the waveform PCM in one read.
 * Mono rungs are normalised from the mono downmix on its own, since a wide stereo mix loses up
 * to 3 LU when folded to mono.
 */
function encodeArguments(job: TranscodeJob, analysis: Analysis, waveformPcmFile: string): string[] {
  const { preset } = job;
  const rungs = preset.renditions;
  const full = path.join(job.outputDir, preset.fullPrefix);
  const preview = path.join(job.outputDir, preset.previewPrefix);
  const labels = (channels: number) =>
    rungs.flatMap((rung, index) => (rung.channels === channels ? [`[r${index}]`] : [])).join('');
  const monoCount = rungs.filter((rung) => rung.channels === 1).length;
  const stereo = `${normalise(preset, analysis.stereo)},asplit=${rungs.length - monoCount + 2}${labels(2)}[p][w]`;
  const filter = [
    ...(monoCount === 0
      ? [`[0:a]${stereo}`]
      : [
          '[0:a]asplit=2[s][m]',
          `[s]${stereo}`,
          `[m]aformat=channel_layouts=mono,${normalise(preset, analysis.mono)},asplit=${monoCount}${labels(1)}`,
        ]),
    `[p]atrim=0:${preset.previewSeconds},afade=t=out:st=${preset.previewSeconds - 1}:d=1[pv]`,
    `[w]aresample=${preset.waveformSampleRate}[wv]`,
  ].join(';');
  const hls = (segments: string, playlist: string) => [
    '-f',
    'hls',
    '-hls_time',
    String(preset.segmentSeconds),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_filename',
    segments,
    playlist,
  ];
  return [
    '-nostats',
    '-loglevel',
    'error',
    '-y',
    '-i',
    job.inputFile,
    '-filter_complex',
    filter,
    ...rungs.flatMap((_, index) => ['-map', `[r${index}]`]),
    '-c:a',
    'aac',
    ...rungs.flatMap((rung, index) => [`-b:a:${index}`, `${rung.kbps}k`, `-ac:a:${index}`, String(rung.channels)]),
    '-master_pl_name',
    'master.m3u8',
    '-var_stream_map',
    rungs.map((rung, index) => `a:${index},name:${rung.name}`).join(' '),
    ...hls(path.join(full, '%v', 'seg_%03d.ts'), path.join(full, '%v', 'index.m3u8')),
    '-map',
    '[pv]',
    '-c:a',
    'aac',
    '-b:a',
    `${preset.previewKbps}k`,
    '-ac',
    '2',
    ...hls(path.join(preview, 'seg_%03d.ts'), path.join(preview, 'index.m3u8')),
    '-map',
    '[wv]',
    '-ac',
    '1',
    '-f',
    's16le',
    waveformPcmFile,
  ];
}

/** The local backend: two ffmpeg runs, a loudness analysis and one encode of everything. */
export function createFfmpegTranscoder(ffmpegPath: string): Transcoder {
  return {
    name: 'ffmpeg',
    async transcode(job) {
      const { preset, declaredSeconds, signal } = job;
      const share = (from: number, width: number) => (seconds: number) =>
        job.onProgress?.(from + width * Math.min(1, seconds / Math.max(declaredSeconds, 0.001)));
      let decodedSeconds = 0;
      const stderr = await runFfmpeg({
        ffmpegPath,
        signal,
        args: analysisArguments(job),
        onProgress: (seconds) => {
          decodedSeconds = seconds;
          share(0, ANALYSIS_SHARE)(seconds);
        },
      });
      if (decodedSeconds < declaredSeconds - Math.max(0.5, declaredSeconds * 0.01)) {
        throw new UndecodableInputError(
          `only ${decodedSeconds.toFixed(1)} s of the ${declaredSeconds.toFixed(1)} s the file declares could be decoded`,
        );
      }
      const analysis = parseAnalysis(stderr);
      await mkdir(path.join(job.outputDir, preset.previewPrefix), { recursive: true });
      for (const rung of preset.renditions) {
        await mkdir(path.join(job.outputDir, preset.fullPrefix, rung.name), { recursive: true });
      }
      const waveformPcmFile = path.join(job.outputDir, 'waveform.pcm');
      await runFfmpeg({
        ffmpegPath,
        signal,
        args: encodeArguments(job, analysis, waveformPcmFile),
        onProgress: share(ANALYSIS_SHARE, 1 - ANALYSIS_SHARE),
      });
      job.onProgress?.(1);
      return {
        inputLufs: Number(analysis.stereo.input_i),
        inputTruePeakDb: Number(analysis.stereo.input_tp),
        waveformPcmFile,
      };
    },
  };
}
