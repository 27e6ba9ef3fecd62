import { z } from 'zod';

/**
 * What a modal carries in private_metadata: its subject and, when it was opened from a message or a
 * command, the response_url to answer on once it is submitted (a submission brings none of its own).
 */
export const viewMetadataSchema = z.object({
  accountId: z.uuid().optional(),
  offerId: z.uuid().optional(),
  responseUrl: z.url().optional(),
});

export type ViewMetadata = z.infer<typeof viewMetadataSchema>;

export function encodeViewMetadata(metadata: ViewMetadata): string {
  return JSON.stringify(metadata);
}

export function decodeViewMetadata(text: string): ViewMetadata {
  return viewMetadataSchema.parse(JSON.parse(text || '{}'));
}
