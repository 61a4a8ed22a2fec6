/** Waveform peaks in the JSON format audiowaveform writes and peaks.js reads (version 2, 8-bit). */
export interface WaveformPeaks {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  /** Number of pixels (min/max pairs). */
  length: number;
  /** `[min0, max0, min1, max1, …]` in −128…127. */
  data: number[];
}

/**
 * Peaks of mono signed 16-bit little-endian PCM: for every `samplesPerPixel` samples the lowest
 * and highest value, scaled to 8 bits. The last pixel covers what is left, so
 * `length × samples_per_pixel / sample_rate` is the duration rounded up to one pixel.
 */
export function waveformPeaks(pcm: Buffer, sampleRate: number, samplesPerPixel: number): WaveformPeaks {
  const samples = Math.floor(pcm.length / 2);
  const length = Math.ceil(samples / samplesPerPixel);
  const data = new Array<number>(length * 2);
  for (let pixel = 0; pixel < length; pixel++) {
    let min = 0;
    let max = 0;
    const end = Math.min(samples, (pixel + 1) * samplesPerPixel);
    for (let index = pixel * samplesPerPixel; index < end; index++) {
      const value = pcm.readInt16LE(index * 2);
      if (value < min) min = value;
      if (value > max) max = value;
    }
    data[pixel * 2] = min >> 8;
    data[pixel * 2 + 1] = max >> 8;
  }
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 8,
    length,
    data,
  };
}
