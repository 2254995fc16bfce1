import { describe, expect, it } from "vitest";
import { MAX_CLAIM_LENGTH } from "../src/claims/claimText.js";
import { parseClaim, shorten } from "../src/claims/parseClaim.js";
import { thrownInputError } from "./helpers/inputError.js";

/** What parseClaim accepts as input, and the errors it gives for what it cannot read. */
describe("parseClaim's input", () => {
  it("reads a claim of exactly the maximum length and refuses one character more, naming the field", () => {
    expect(parseClaim("fell 14%".padEnd(MAX_CLAIM_LENGTH)).kind).toBe("move");
    const error = thrownInputError(() => parseClaim("fell 14%".padEnd(MAX_CLAIM_LENGTH + 1)));
    expect(error).toMatchObject({ code: "invalid-claim", field: "claim" });
    expect(error.message).toContain("1001 characters long");
  });

  it("echoes an unreadable claim on one line of at most 80 characters", () => {
    const error = thrownInputError(() => parseClaim(`Xiaomi\n\nplummeted ${"badly ".repeat(20)}`));
    expect(error.code).toBe("invalid-claim");
    expect(error.message).toContain(`"Xiaomi plummeted ${"badly ".repeat(10)}..."`);
  });
});

describe("shorten", () => {
  it("keeps 80 characters whole and cuts 81 to 77 and an ellipsis", () => {
    const eighty = "x".repeat(80);
    expect(shorten(eighty)).toBe(eighty);
    expect(shorten(`${eighty}y`)).toBe(`${"x".repeat(77)}...`);
  });

  it("folds every run of whitespace to one space", () => {
    expect(shorten("a\n\n\t b")).toBe("a b");
  });
});
