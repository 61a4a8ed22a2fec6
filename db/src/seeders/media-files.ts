import { execFile } from 'node:child_process';

import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const run = promisify(execFile);

/**
 * Real media for the demo catalog, made on the spot so the repository carries no binaries:
 * tones from ffmpeg's `aevalsrc`, cover art from its `gradients` source (no text, so no font is
 * needed) and e-books from pdf-lib. Every output is bit-exact from run to run, which keeps the
 * seeder idempotent down to checksums.
 */

/** A short musical phrase: a chord of sine tones with a plucked envelope. */
export interface ToneSpec {
  /** Base frequencies in Hz, one voice each. */
  frequencies: readonly number[];
  seconds: number;
  /** Notes per second of the plucked envelope. */
  pulse: number;
}

/** Two colours blended into square cover art. */
export interface CoverSpec {
  from: string;
  to: string;
  seed: number;
}

/** The text of a demo e-book. */
export interface EbookSpec {
  title: string;
  author: string;
  chapters: readonly { heading: string; paragraphs: readonly string[] }[];
}

const BITEXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

function channelExpression(frequencies: readonly number[], pulse: number, detune: number): string {
  const gain = (0.6 / frequencies.length).toFixed(3);
  const envelope = `exp(-3*mod(t*${pulse},1))`;
  return frequencies.map((f) => `${gain}*sin(2*PI*${(f * detune).toFixed(2)}*t)*${envelope}`).join('+');
}

/** Renders `spec` as a FLAC original and a 128 kbps MP3 in `dir`; returns both paths. */
export async function renderTone(
  ffmpeg: string,
  spec: ToneSpec,
  dir: string,
  name: string,
): Promise<{ flac: string; mp3: string }> {
  const left = channelExpression(spec.frequencies, spec.pulse, 1);
  const right = channelExpression(spec.frequencies, spec.pulse, 1.003);
  const fadeOut = Math.max(0, spec.seconds - 0.5);
  const flac = path.join(dir, `${name}.flac`);
  const mp3 = path.join(dir, `${name}.mp3`);
  await run(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `aevalsrc='${left}|${right}':s=44100:d=${spec.seconds}`,
    '-af',
    `afade=t=in:d=0.05,afade=t=out:st=${fadeOut}:d=0.5`,
    ...BITEXACT,
    '-c:a',
    'flac',
    flac,
    ...BITEXACT,
    '-c:a',
    'libmp3lame',
    '-b:a',
    '128k',
    mp3,
  ]);
  return { flac, mp3 };
}

/** Renders a 512×512 gradient PNG in `dir`; returns its path. */
export async function renderCover(ffmpeg: string, spec: CoverSpec, dir: string, name: string): Promise<string> {
  const file = path.join(dir, `${name}.png`);
  await run(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `gradients=s=512x512:c0=${spec.from}:c1=${spec.to}:x0=0:y0=0:x1=512:y1=512:nb_colors=2:seed=${spec.seed}`,
    '-frames:v',
    '1',
    '-fflags',
    '+bitexact',
    file,
  ]);
  return file;
}

/** Lays `spec` out as an A5 PDF with a title page and one page per chapter. */
export async function renderEbook(spec: EbookSpec): Promise<Uint8Array> {
  // Fixed dates: pdf-lib would otherwise stamp "now" and change the checksum on every run.
  const fixed = new Date('2026-01-01T00:00:00Z');
  const pdf = await PDFDocument.create();
  pdf.setTitle(spec.title);
  pdf.setAuthor(spec.author);
  pdf.setProducer('Fanfare demo seeder');
  pdf.setCreator('Fanfare');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const serif = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const [width, height] = [420, 595];
  const cover = pdf.addPage([width, height]);
  cover.drawText(spec.title, {
    x: 40,
    y: height - 200,
    size: 26,
    font: bold,
    color: rgb(0.1, 0.1, 0.2),
    maxWidth: width - 80,
  });
  cover.drawText(spec.author, { x: 40, y: height - 240, size: 14, font: serif });
  for (const chapter of spec.chapters) {
    const page = pdf.addPage([width, height]);
    page.drawText(chapter.heading, { x: 40, y: height - 70, size: 18, font: bold });
    const body = chapter.paragraphs.join('\n\n');
    page.drawText(body, { x: 40, y: height - 110, size: 11, font: serif, lineHeight: 15, maxWidth: width - 80 });
  }
  return pdf.save({ useObjectStreams: false });
}
