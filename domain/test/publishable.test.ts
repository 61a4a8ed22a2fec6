import { describe, expect, it } from 'vitest';
import { assertPublishable, promisesFiles, type PublishCandidate } from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

describe('a product that promises files cannot be published without them', () => {
  it.each<[string, PublishCandidate, string | undefined]>([
    ['a track with its file', { kind: 'digital', ownFiles: 1, bundled: [] }, undefined],
    ['a track with no file', { kind: 'digital', ownFiles: 0, bundled: [] }, 'product_without_files'],
    ['an album bundling two tracks with files', { kind: 'digital', ownFiles: 0, bundled: [2, 1] }, undefined],
    ['an album bundling nothing', { kind: 'digital', ownFiles: 0, bundled: [] }, 'product_without_files'],
    [
      'an album bundling a track that has no file',
      { kind: 'digital', ownFiles: 0, bundled: [2, 0] },
      'product_without_files',
    ],
    ['a token pack', { kind: 'token_pack', ownFiles: 0, bundled: [] }, undefined],
    ['a membership', { kind: 'subscription', ownFiles: 0, bundled: [] }, undefined],
  ])('%s', (_, candidate, code) => {
    expect(codeOf(() => assertPublishable(candidate))).toBe(code);
  });

  it('says which kinds promise files', () => {
    expect(promisesFiles('digital')).toBe(true);
    expect(promisesFiles('token_pack')).toBe(false);
    expect(promisesFiles('subscription')).toBe(false);
  });
});
