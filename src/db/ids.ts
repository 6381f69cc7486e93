import { randomFillSync } from 'node:crypto';

/*
 * Random bytes for ids and button tokens, taken from a pool filled 4 KiB at a time from the same
 * CSPRNG (as Node's own randomUUID does): one call into the crypto library per ~300 ids instead of
 * one per id, which showed up in the inbound profile. Bytes are never handed out twice.
 */
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** `n` (≤ 64) fresh random bytes, as a copy. */
export function randomBytesPooled(n: number): Buffer {
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
}

/**
 * A row id in the shape of Prisma's cuid() (25 characters, starting with "c"), for rows written
 * with raw SQL: time-ordered prefix, 82 random bits.
 */
export function newId(): string {
  const random = BigInt(`0x${randomBytesPooled(11).toString('hex')}`)
    .toString(36)
    .padStart(16, '0')
    .slice(-16);
  return `c${Date.now().toString(36).padStart(8, '0')}${random}`;
}
