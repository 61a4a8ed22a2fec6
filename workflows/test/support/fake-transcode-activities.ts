import { Context } from '@temporalio/activity';
import type {
  AuditActivities,
  AuditEntry,
  TrackActivities,
  TrackStatus,
  TranscodeActivities,
  TranscodeAudioInput,
  TranscodedAudio,
  TranscodeOutcome,
} from '@fanfare/contracts';

/** The activities the transcode workflow calls, as one typed object. */
type TranscodeWorkflowActivities = TranscodeActivities & TrackActivities & AuditActivities;

/** What the fakes were asked to do, for assertions. */
interface TranscodeCalls {
  transcodeAudio: TranscodeAudioInput[];
  renderCoverArt: string[];
  removed: string[][];
  marked: string[];
  outcomes: TranscodeOutcome[];
  audit: AuditEntry[];
}

/** What a successful transcode of a 3-second track reports. */
export function transcodedAudio(outputPrefix: string): TranscodedAudio {
  const playlist = (name: string) => `${outputPrefix}/hls/${name}/index.m3u8`;
  return {
    durationMs: 3000,
    inputLufs: -23.4,
    inputTruePeakDb: -6.1,
    masterPlaylistKey: `${outputPrefix}/hls/master.m3u8`,
    renditions: [
      { name: '64k', bandwidth: 70_400, codecs: 'mp4a.40.2', playlistKey: playlist('64k') },
      { name: '128k', bandwidth: 140_800, codecs: 'mp4a.40.2', playlistKey: playlist('128k') },
      { name: '256k', bandwidth: 281_600, codecs: 'mp4a.40.2', playlistKey: playlist('256k') },
    ],
    previewPlaylistKey: `${outputPrefix}/preview/index.m3u8`,
    waveformKeys: [`${outputPrefix}/waveform/160.json`, `${outputPrefix}/waveform/1600.json`],
    keys: [`${outputPrefix}/hls/master.m3u8`],
  };
}

/** How the fakes behave; each default is the happy path. */
export interface FakeTranscodeOptions {
  trackStatus?: TrackStatus;
  /** Replaces the transcode; receives the attempt number (1-based). */
  transcodeAudio?(input: TranscodeAudioInput, attempt: number): Promise<TranscodedAudio>;
}

/** Typed fakes of the transcode workflow's activities that record their calls. */
export function fakeTranscodeActivities(options: FakeTranscodeOptions = {}) {
  const calls: TranscodeCalls = {
    transcodeAudio: [],
    renderCoverArt: [],
    removed: [],
    marked: [],
    outcomes: [],
    audit: [],
  };
  const activities: TranscodeWorkflowActivities = {
    async transcodeAudio(input) {
      calls.transcodeAudio.push(input);
      const attempt = Context.current().info.attempt;
      return options.transcodeAudio?.(input, attempt) ?? transcodedAudio(input.outputPrefix);
    },
    async renderCoverArt({ outputPrefix }) {
      calls.renderCoverArt.push(outputPrefix);
      return [1200, 512, 128].flatMap((width) => [`${outputPrefix}/${width}.webp`, `${outputPrefix}/${width}.jpg`]);
    },
    async removeTranscodeOutput({ keys }) {
      calls.removed.push(keys);
    },
    async markTrackProcessing({ assetId }) {
      calls.marked.push(assetId);
      return options.trackStatus ?? 'processing';
    },
    async recordTrackTranscode({ outcome }) {
      calls.outcomes.push(outcome);
    },
    async appendAuditEvent(entry) {
      calls.audit.push(entry);
    },
  };
  return { activities, calls };
}
