import { createHash } from 'node:crypto';

/**
 * The variant an account gets, the same every time: the first four bytes of SHA-256 over
 * `template:accountId` pick one of the variants. Adding accounts never moves an existing one; adding a
 * variant does, which is why a running test keeps its variants.
 */
export function assignVariant(templateKey: string, accountId: string, variants: readonly string[]): string {
  if (variants.length === 0) throw new Error(`template ${templateKey} has no variants`);
  const digest = createHash('sha256').update(`${templateKey}:${accountId}`).digest();
  return variants[digest.readUInt32BE(0) % variants.length] as string;
}
