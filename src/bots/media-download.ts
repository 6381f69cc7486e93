import type { ChannelRepo } from '../db/channel-repo.ts';

/**
 * Stores a downloaded file a person sent, refusing it once it grows past `maxBytes` (a size the
 * platform announced can be wrong or missing). Outcomes are recorded on the media row.
 */
export async function storeDownload(
  repo: ChannelRepo,
  ref: string,
  res: Response,
  maxBytes: number,
): Promise<void> {
  if (!res.ok || !res.body) {
    await repo.failed(ref, 'FAILED', `download answered ${res.status}`);
    return;
  }
  const bytes = await readLimited(res.body, maxBytes);
  if (!bytes) {
    await repo.failed(ref, 'TOO_LARGE', 'larger than the limit while downloading');
    return;
  }
  await repo.stored(ref, bytes, bytes.byteLength);
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
