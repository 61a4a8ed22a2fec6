import type { TranscodePolicy, UntranscodedTrack } from '@fanfare/contracts';

/** A track that will not be transcoded, with its reason and a sentence for the creator. */
export function untranscoded(
  reason: UntranscodedTrack['reason'],
  message: string,
  status: UntranscodedTrack['status'] = 'failed',
): UntranscodedTrack {
  return { status, reason, message };
}

/** Refuses a track longer than the policy allows before any ffmpeg runs; null means go on. */
export function checkDuration(durationMs: number, policy: TranscodePolicy): UntranscodedTrack | null {
  if (durationMs <= policy.maxDurationMs) return null;
  const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
  return untranscoded(
    'too_long',
    `Tracks may be at most ${minutes(policy.maxDurationMs)} long; this one is ${minutes(durationMs)}`,
  );
}
