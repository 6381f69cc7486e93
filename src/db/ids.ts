import { randomBytes } from 'node:crypto';

/**
 * A row id in the shape of Prisma's cuid() (25 characters, starting with "c"), for rows written
 * with raw SQL: time-ordered prefix, 82 random bits.
 */
export function newId(): string {
  const random = BigInt(`0x${randomBytes(11).toString('hex')}`)
    .toString(36)
    .padStart(16, '0')
    .slice(-16);
  return `c${Date.now().toString(36).padStart(8, '0')}${random}`;
}
