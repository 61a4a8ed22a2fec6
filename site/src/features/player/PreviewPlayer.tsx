import { useRef, useState } from 'react';

/** Props of `PreviewPlayer`. */
export interface PreviewPlayerProps {
  src: string;
  type: string;
  title: string;
  labels: { play: string };
}

/**
 * A play/pause button over a native `<audio>` element. The page renders the same `<audio
 * controls>` on the server, so the preview plays before (or without) hydration; HLS comes with
 * the transcoding workflow.
 */
export default function PreviewPlayer({ src, type, title, labels }: PreviewPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  return (
    <div className="player">
      <audio ref={audio} controls preload="none" onPlay={() => setPlaying(true)} onPause={() => setPlaying(false)} aria-label={`${labels.play}: ${title}`}>
        <source src={src} type={type} />
      </audio>
      <button type="button" className="button" aria-pressed={playing} onClick={() => (playing ? audio.current?.pause() : void audio.current?.play())}>
        {labels.play}
      </button>
    </div>
  );
}
