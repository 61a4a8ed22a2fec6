import { useEffect, useRef, useState } from 'react';
import { attachHls, clock, type AttachedHls, type PlaybackMode } from './hls-source';

/** Props of `PreviewPlayer`. */
export interface PreviewPlayerProps {
  /** The MP3 clip: played before hydration, and wherever HLS cannot be. */
  src: string;
  type: string;
  /** The HLS playlist of the same clip, when the export made one. */
  hls: string | null;
  title: string;
  /** Length of the clip, until the element knows better. */
  durationMs: number | null;
  labels: { play: string; position: string; of: string };
}

/**
 * The preview of a product: the server renders a native `<audio controls>` with the MP3, so it
 * plays before (or without) hydration; once hydrated, a play button and a position slider take
 * over and play the HLS rendition (natively or through hls.js), falling back to the MP3.
 */
export default function PreviewPlayer({ src, type, hls, title, durationMs, labels }: PreviewPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const source = useRef<Promise<AttachedHls> | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState((durationMs ?? 0) / 1000);
  const [mode, setMode] = useState<PlaybackMode | 'idle'>('idle');
  useEffect(() => setHydrated(true), []);

  const fallBackToMp3 = async (): Promise<void> => {
    const element = audio.current;
    const attached = await source.current;
    if (element === null || attached === null || attached === undefined || attached.mode === 'mp3') return;
    attached.detach();
    source.current = Promise.resolve({ mode: 'mp3', detach: () => {} });
    setMode('mp3');
    element.load();
    await element.play().catch(() => undefined);
  };

  const play = async (): Promise<void> => {
    const element = audio.current;
    if (element === null) return;
    const mp3: AttachedHls = { mode: 'mp3', detach: () => {} };
    // hls.js failing to load (a lost connection before it was cached) leaves the MP3.
    source.current ??=
      hls === null ? Promise.resolve(mp3) : attachHls(element, hls, () => void fallBackToMp3()).catch(() => mp3);
    setMode((await source.current).mode);
    await element.play().catch((error: unknown) => {
      // A pause pressed before playback started is not a failure.
      if (!(error instanceof DOMException && error.name === 'AbortError')) void fallBackToMp3();
    });
  };

  return (
    <div className="player" data-testid="preview-player" data-playback={mode}>
      {/* biome-ignore lint/a11y/useMediaCaption: a preview is a clip of music; there is no speech to caption */}
      <audio
        ref={audio}
        controls={!hydrated}
        preload="none"
        aria-label={`${labels.play}: ${title}`}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onTimeUpdate={(event) => setPosition(event.currentTarget.currentTime)}
        onDurationChange={(event) =>
          Number.isFinite(event.currentTarget.duration) && setDuration(event.currentTarget.duration)
        }
        onError={() => void fallBackToMp3()}
      >
        <source src={src} type={type} />
      </audio>
      {hydrated && (
        <>
          <button
            type="button"
            className="button"
            aria-pressed={playing}
            aria-label={`${labels.play}: ${title}`}
            data-testid="preview-play"
            onClick={() => (playing ? audio.current?.pause() : void play())}
          >
            {labels.play}
          </button>
          <input
            type="range"
            className="player-position"
            min={0}
            max={Math.max(duration, position)}
            step={0.1}
            value={position}
            aria-label={labels.position}
            aria-valuetext={`${clock(position)} ${labels.of} ${clock(duration)}`}
            onChange={(event) => {
              if (audio.current !== null) audio.current.currentTime = Number(event.currentTarget.value);
            }}
          />
          <span className="muted" aria-hidden="true">
            {clock(position)} / {clock(duration)}
          </span>
        </>
      )}
    </div>
  );
}
