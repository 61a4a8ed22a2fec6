/** The MIME type of an HLS playlist. */
const HLS_TYPE = 'application/vnd.apple.mpegurl';

/** How a preview is played: the browser's own HLS, hls.js over Media Source, or the MP3. */
export type PlaybackMode = 'native-hls' | 'hls.js' | 'mp3';

/** An HLS playlist put on an audio element. */
export interface AttachedHls {
  mode: PlaybackMode;
  /** Takes the playlist off again (when playback fails and the MP3 takes over). */
  detach(): void;
}

/**
 * Puts `playlist` on `audio` the best way this browser can, or answers 'mp3' when it cannot play
 * HLS at all (the element keeps its MP3 `<source>`). hls.js is loaded here, on the first press of
 * play, so a product page pays nothing for it at load. `onFatal` is called when hls.js gives up;
 * native playback failures arrive as the element's own `error` event.
 */
export async function attachHls(audio: HTMLAudioElement, playlist: string, onFatal: () => void): Promise<AttachedHls> {
  if (audio.canPlayType(HLS_TYPE) !== '') {
    audio.src = playlist;
    return { mode: 'native-hls', detach: () => audio.removeAttribute('src') };
  }
  const { default: Hls } = await import('hls.js/light');
  if (!Hls.isSupported()) return { mode: 'mp3', detach: () => {} };
  // No worker: audio needs little transmuxing, and a blob: worker would need a wider CSP.
  const hls = new Hls({ enableWorker: false });
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) onFatal();
  });
  hls.loadSource(playlist);
  hls.attachMedia(audio);
  return {
    mode: 'hls.js',
    detach: () => {
      hls.destroy();
      audio.removeAttribute('src');
    },
  };
}

/** `seconds` as `m:ss`. */
export function clock(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
