import * as z from 'zod';

/**
 * A guide pack as the release signs it and the ward's add-on serves it (`?pack=1`): the guide data
 * travels as a JSON string so the signature covers its exact bytes. Only data, never code.
 */
export const PACK_FORMAT = 'tro-ly-dvc-guide-pack';
export const PACK_FORMAT_VERSION = 1;
/** Larger answers are refused before parsing. */
export const MAX_PACK_BYTES = 4 * 1024 * 1024;

export const GuidePackSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    /** e.g. "2026.12.01-1"; must equal the version inside the signed payload. */
    version: z.string().min(1).max(40),
    createdAt: z.iso.datetime({ offset: true }),
    /** The guide data as a JSON string (its schema: extension/packs/schema.ts). */
    payload: z.string().min(2).max(MAX_PACK_BYTES),
    /** Base64 Ed25519 signature over the UTF-8 bytes of `payload`. */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
    /** Which of the public keys built into the extension signed it. */
    keyId: z.string().min(1).max(40),
  })
  .strict();
export type GuidePack = z.infer<typeof GuidePackSchema>;
