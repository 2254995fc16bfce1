import { expect } from "vitest";
import type { ParsedClaim } from "../../src/claims/checkSchema.js";
import { normaliseClaimText } from "../../src/claims/claimText.js";
import { ClaimReader } from "../../src/claims/parseClaim.js";

/** Every claim the reader finds in the tokens `[from, to)` of a text (all of it by default), with the token each starts at. */
export function claimsOf(text: string, options: { from?: number; to?: number; date?: string } = {}): { claim: ParsedClaim; at: number }[] {
  const reader = new ClaimReader(normaliseClaimText(text));
  return reader.claimsIn(options.from ?? 0, options.to ?? reader.tokens.length, { date: options.date });
}

/** The only claim of a text, of the kind expected. */
export function onlyClaim<K extends ParsedClaim["kind"]>(kind: K, text: string, options: { from?: number; to?: number; date?: string } = {}): Extract<ParsedClaim, { kind: K }> {
  const claims = claimsOf(text, options);
  if (claims.length !== 1 || claims[0]!.claim.kind !== kind) throw new Error(`${text}: expected one ${kind} claim, read ${JSON.stringify(claims.map((c) => c.claim.kind))}`);
  return claims[0]!.claim as Extract<ParsedClaim, { kind: K }>;
}

/** Expects a band `[low, high)` to 12 decimal places (a band of infinite width keeps its infinite end exactly). */
export function expectBand(band: readonly [number, number], low: number, high: number): void {
  expect(band[0]).toBeCloseTo(low, 12);
  if (Number.isFinite(high)) expect(band[1]).toBeCloseTo(high, 12);
  else expect(band[1]).toBe(high);
}
