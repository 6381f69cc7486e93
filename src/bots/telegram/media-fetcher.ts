import type { Api } from 'grammy';
import type { Logger } from 'pino';
import type { ChannelRepo } from '../../db/channel-repo.ts';
import { storeDownload } from '../media-download.ts';

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
      await storeDownload(deps.repo, ref, res, deps.maxBytes);
    } catch (err) {
      deps.log.warn({ ref, err: (err as Error).message?.slice(0, 200) }, 'fetching a Telegram file failed');
      await deps.repo.failed(ref, 'FAILED', (err as Error).message ?? 'error').catch(() => {});
    }
  };
}
