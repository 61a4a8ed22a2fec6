// m3u8-parser ships no types; this declares the part the transcode tests read.
declare module 'm3u8-parser' {
  /** A parsed playlist: a master lists `playlists`, a media playlist lists `segments`. */
  export interface Manifest {
    playlists?: { uri: string; attributes: { BANDWIDTH?: number; CODECS?: string } }[];
    segments: { uri: string; duration: number }[];
    targetDuration?: number;
    endList?: boolean;
  }
  /** Push-then-end parser of HLS playlists. */
  export class Parser {
    manifest: Manifest;
    push(text: string): void;
    end(): void;
  }
}
