/** What the blob store says about one stored upload. */
export interface BlobFacts {
  storageKey: string;
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  /** The type the uploader declared; not trusted for validation. */
  declaredContentType: string;
}

/** Activities over the blob store, as workflows see them. */
export interface StorageActivities {
  /** Size and checksum of a blob, or null when nothing is stored at the key. */
  statBlob(input: { storageKey: string }): Promise<BlobFacts | null>;
}
