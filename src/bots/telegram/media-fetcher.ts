import type { Api } from 'grammy';
import type { Logger } from 'pino';
import type { ChannelRepo } from '../../db/channel-repo.ts';

/** Bots can download files up to 20 MB through the Bot API (getFile). */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export interface MediaFetcherDeps {
  api: Api;
  token: string;
  apiRoot: string;
  repo: ChannelRepo;
  log: Logger;
  maxBytes: number;
}

/** Fetches a file a person sent (getFile, then download) and stores it; failures are recorded, never thrown. */
export function createMediaFetcher(deps: MediaFetcherDeps) {
  return async function fetchMedia(ref: string, fileId: string): Promise<void> {
    try {
      const file = await deps.api.getFile(fileId);
      if (file.file_size !== undefined && file.file_size > deps.maxBytes) {
        await deps.repo.failed(ref, 'TOO_LARGE', 'larger than the limit', file.file_size);
        return;
      }
      if (!file.file_path) {
        await deps.repo.failed(ref, 'FAILED', 'Telegram gave no file path');
        return;
      }
      // The URL holds the bot token: it is never logged.
      const url = `${deps.apiRoot}/file/bot${deps.token}/${file.file_path}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok || !res.body) {
        await deps.repo.failed(ref, 'FAILED', `download answered ${res.status}`);
        return;
      }
      const bytes = await readLimited(res.body, deps.maxBytes);
      if (!bytes) {
        await deps.repo.failed(ref, 'TOO_LARGE', 'larger than the limit while downloading');
        return;
      }
      await deps.repo.stored(ref, bytes, bytes.byteLength);
    } catch (err) {
      deps.log.warn({ ref, err: (err as Error).message?.slice(0, 200) }, 'fetching a Telegram file failed');
      await deps.repo.failed(ref, 'FAILED', (err as Error).message ?? 'error').catch(() => {});
    }
  };
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
