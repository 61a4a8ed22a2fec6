import { Type } from 'typebox';

/** `POST /v1/downloads/link` body. */
export const DownloadLinkBody = Type.Object(
  { assetId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** A freshly issued download link. */
export const DownloadLinkView = Type.Object(
  {
    url: Type.String({ description: 'GET it (no Authorization header needed) to download the file' }),
    expiresAt: Type.String({ format: 'date-time' }),
    usesLeft: Type.Integer({ minimum: 0, description: 'How many times the link may still be used' }),
  },
  { title: 'DownloadLink' },
);

/** `GET /v1/downloads/:token` params. */
export const DownloadTokenParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);

/** The file itself (whole, or the requested range). */
export const DownloadBody = Type.String({ format: 'binary', description: 'The file, or the requested byte range' });
