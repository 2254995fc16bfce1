import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    // Library calls read the price cache (see priceFolders): an empty one, not the user's.
    env: { EVENT_IMPACT_CACHE: mkdtempSync(join(tmpdir(), "event-impact-test-cache-")) },
  },
});
