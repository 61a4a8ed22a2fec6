import { DomainError } from '../errors.js';

/** How a product is sold, as the catalog stores it. */
export type ProductKindForPublishing = 'digital' | 'token_pack' | 'subscription';

/** What publishing a product needs to know about its files. */
export interface PublishCandidate {
  /** How the product is sold. */
  readonly kind: ProductKindForPublishing;
  /** Ready downloadable files of the product itself. */
  readonly ownFiles: number;
  /** Ready downloadable files of each product it bundles (an album's tracks), one count each. */
  readonly bundled: readonly number[];
}

/**
 * Whether buying a product of `kind` promises files: a digital product is downloaded; a token
 * pack is metered access and a membership is a period of access, neither a file.
 */
export function promisesFiles(kind: ProductKindForPublishing): boolean {
  return kind === 'digital';
}

/**
 * Refuses to publish a product that promises files and would deliver none: a digital product
 * with no file of its own and no bundled product, or a bundle with a bundled product that has
 * no file (the buyer of an album is owed every track). Throws `product_without_files`.
 */
export function assertPublishable(candidate: PublishCandidate): void {
  if (!promisesFiles(candidate.kind)) return;
  const empty = candidate.bundled.filter((files) => files === 0).length;
  if (empty > 0) {
    throw new DomainError('product_without_files', `${empty} of the bundled products have no file to deliver`, {
      emptyBundledProducts: empty,
    });
  }
  const total = candidate.ownFiles + candidate.bundled.reduce((sum, files) => sum + files, 0);
  if (total === 0) {
    throw new DomainError('product_without_files', 'A product sold as files needs at least one file to deliver', {});
  }
}
