import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The 83-stock Hong Kong cross-section beside the repository (never copied into it). */
export const hkUniverseDir = fileURLToPath(new URL("../../../shared/data/hk-universe", import.meta.url));
export const hasHkUniverse = existsSync(hkUniverseDir);

if (!hasHkUniverse) {
  console.warn(`skipping the hk-universe tests: ${hkUniverseDir} is absent (it sits beside the repository in the team's workspace)`);
}
