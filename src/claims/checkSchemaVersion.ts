/**
 * The version of the check result's JSON form; it changes when a key is renamed or removed. Its own module, so
 * that writing a check result does not build the check schemas (`checkSchema.ts`), which only validation needs.
 */
export const CHECK_SCHEMA_VERSION = 2;
