// A document stored gzipped and served as it is ("sitemap-2024.xml.gz" as
// application/x-gzip, with no Content-Encoding for the fetch to undo): its
// bytes, unzipped within the decompression limit. Other bytes pass unchanged.
import { gunzipSync } from 'node:zlib';
import { FETCH_DEFAULTS } from './http-fetch.js';

export class GzippedDocumentError extends Error {}

export function gunzippedDocument(body: Buffer, url: string, maxBytes: number = FETCH_DEFAULTS.maxDecompressedBytes): Buffer {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new GzippedDocumentError(`${url} is gzipped and unzips to more than ${maxBytes} bytes (a compression bomb?); split the sitemap or raise maxDecompressedBytes`);
    }
    throw new GzippedDocumentError(`${url} is gzipped but could not be unzipped (${err.message}); check that the file is whole`);
  }
}
