import type { Logger } from 'pino';
import type { ChannelRepo } from '../../db/channel-repo.ts';
import { storeDownload } from '../media-download.ts';
import type { SlackFile } from './slack-inbound.ts';

/** Files larger than this are recorded but not downloaded (our limit; Slack allows up to 1 GB). */
export const SLACK_DOWNLOAD_LIMIT = 25 * 1024 * 1024;

export interface SlackMediaDeps {
  token: string;
  repo: ChannelRepo;
  log: Logger;
  /** Where downloads may go besides Slack's file host (the fake Web API in tests). */
  apiUrl?: string;
  maxBytes?: number;
}

/**
 * Records a file a person sent and downloads it with the bot token (files:read). The token only
 * ever goes to Slack's file host (or the configured API host); failures are recorded, never thrown.
 */
export function createSlackMediaFetcher(deps: SlackMediaDeps) {
  const maxBytes = deps.maxBytes ?? SLACK_DOWNLOAD_LIMIT;
  const allowedOrigins = new Set(['https://files.slack.com']);
  if (deps.apiUrl) allowedOrigins.add(new URL(deps.apiUrl).origin);

  return async function fetchSlackFile(ref: string, externalUserId: string, file: SlackFile): Promise<void> {
    try {
      const tooLarge = file.size !== undefined && file.size > maxBytes;
      const fresh = await deps.repo.announce({
        ref,
        platform: 'SLACK',
        externalUserId,
        kind: file.mimetype?.startsWith('audio/')
          ? 'voice'
          : file.mimetype?.startsWith('image/')
            ? 'photo'
            : 'document',
        platformFileId: file.id,
        mimeType: file.mimetype,
        fileName: file.name,
        sizeBytes: file.size,
        tooLarge,
      });
      if (!fresh || tooLarge) return;
      const url = file.url_private_download;
      if (!url || !allowedOrigins.has(new URL(url).origin)) {
        await deps.repo.failed(ref, 'FAILED', 'no download URL on a Slack file host');
        return;
      }
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${deps.token}` },
        redirect: 'error',
        signal: AbortSignal.timeout(60_000),
      });
      await storeDownload(deps.repo, ref, res, maxBytes);
    } catch (err) {
      deps.log.warn({ ref, err: (err as Error).message?.slice(0, 200) }, 'fetching a Slack file failed');
      await deps.repo.failed(ref, 'FAILED', (err as Error).message ?? 'error').catch(() => {});
    }
  };
}
