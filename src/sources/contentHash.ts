import { createHash } from "node:crypto";

/**
 * The SHA-256 of a file's bytes (of a text's UTF-8 bytes), in hex: the content hash of a price file,
 * recorded in the cache manifest and in a study's `prices[].sha256`.
 *
 * @example sha256("") // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
