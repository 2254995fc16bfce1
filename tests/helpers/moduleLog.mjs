// Preloaded with `node --import`: records the URL of every module the process resolves into $MODULE_LOG.
import { register } from "node:module";

register("./moduleLogHooks.mjs", import.meta.url);
