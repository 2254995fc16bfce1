import { describe, expect, it } from "vitest";
import { claimsOf, onlyClaim } from "./helpers/claimReading.js";

/** What the words anywhere in a clause add to each of its claims: the measure they name, the span of sessions, and where a clause's claims start. */
const move = (text: string) => onlyClaim("move", text);

describe("the measure a clause names", () => {
  it.each([
    "fell 14% at one point",
    "fell 14% intraday",
    "fell 14% intra-day",
    "fell 14% at its lowest",
    "rose 14% at its highest",
    "a session low, down 14%",
    "a session high, up 14%",
    "fell as much as 8% and closed 3% down",
  ])("reads %j as intraday", (text) => {
    expect(claimsOf(text)[0]!.claim).toMatchObject({ kind: "move", measureHint: "intraday" });
  });

  it.each(["closed 3% lower", "ended 3% lower", "finished 3% lower", "settled 3% lower", "closing 3% lower", "3% lower at the close"])("reads %j as the close", (text) => {
    expect(move(text).measureHint).toBe("close");
  });

  it.each(["opened 3% lower", "opening 3% lower", "3% lower at the open"])("reads %j as the open", (text) => {
    expect(move(text).measureHint).toBe("open");
  });

  it.each(["3% lower at close", "3% lower at open", "fell close to 3%"])("reads 'close' and 'open' without 'the' before them as no measure: %j", (text) => {
    expect(move(text).measureHint).toBeNull();
  });

  it("keeps the first of close and open, and lets intraday wording override either", () => {
    expect(move("opened lower and closed 3% down").measureHint).toBe("open");
    expect(move("closed lower after opening 3% down").measureHint).toBe("close");
    const [first, second] = claimsOf("closed 3% down, having fallen as much as 8%");
    expect(first!.claim).toMatchObject({ measureHint: "intraday" });
    expect(second!.claim).toMatchObject({ measureHint: "intraday" });
  });
});

describe("the span of sessions a clause names", () => {
  it.each([
    ["fell 20% over two days", 2],
    ["fell 20% in 3 sessions", 3],
    ["a two-day slide of 20%", 2],
    ["a three-session slide of 20%", 3],
    ["a ten-day slide of 20%", 10],
    ["a 2-day slide of 20%", 2],
    ["fell 20% over two trading days", 2],
    ["fell 20% over three straight sessions", 3],
    ["fell 20% over 3 consecutive days", 3],
    ["fell 20% in one day", 1],
    ["fell 20% in a day", 1],
    ["fell 20% over 2.5 days", 1],
    ["a big-day drop of 20%", 1],
    ["fell 20% over two weeks", 1],
  ])("reads %j as %d sessions", (text, sessions) => {
    expect(move(text).span).toEqual({ kind: "sessions", sessions });
  });

  it("keeps a span of several sessions when a single day follows in the clause", () => {
    const claims = claimsOf("fell 20% over two days, 5% in one day");
    expect(claims.map(({ claim }) => claim.kind === "move" && claim.span)).toEqual([
      { kind: "sessions", sessions: 2 },
      { kind: "sessions", sessions: 2 },
    ]);
  });

  it.each(["fell 5% this week", "fell 5% over the week"])("reads %j as day 0's week", (text) => {
    expect(move(text).span).toEqual({ kind: "week" });
  });

  it("reads 'a week' and 'last week' as one session", () => {
    expect(move("fell 5% in a week").span).toEqual({ kind: "sessions", sessions: 1 });
    expect(move("fell 5% last week").span).toEqual({ kind: "sessions", sessions: 1 });
  });

  it.each(["has lost 12% since the announcement", "has lost 12% since the ban", "has lost 12% since news broke", "has lost 12% since the designation"])("reads %j as since the announcement", (text) => {
    expect(move(text).span).toEqual({ kind: "sinceAnnouncement" });
  });

  it("reads 'since' before anything else as one session", () => {
    expect(move("has lost 12% since Monday").span).toEqual({ kind: "sessions", sessions: 1 });
  });
});

describe("the claims of a clause", () => {
  it("reads every claim in order, each with the clause's words as its text", () => {
    const claims = claimsOf("fell 5% on Monday and 3% on Tuesday");
    expect(claims.map(({ claim, at }) => [claim.kind === "move" && claim.value, at, claim.text])).toEqual([
      [-0.05, 1, "fell 5% on Monday and 3% on Tuesday"],
      [-0.03, 6, "fell 5% on Monday and 3% on Tuesday"],
    ]);
  });

  it("takes the text of the clause's own tokens, in the case written", () => {
    const [only] = claimsOf("Xiaomi fell. It then fell 5%.", { from: 3, to: 8 });
    expect(only!.claim.text).toBe("It then fell 5%");
    expect(only!.at).toBe(6);
  });

  it("reads no claim in an empty clause", () => {
    expect(claimsOf("fell 5%", { from: 0, to: 0 })).toEqual([]);
    expect(claimsOf("fell 5%", { from: 1, to: 1 })).toEqual([]);
  });
});

describe("the clause's own words", () => {
  it("takes the measure from no word after the clause", () => {
    expect(claimsOf("fell 5% intraday", { to: 3 })[0]!.claim).toMatchObject({ measureHint: null });
    expect(claimsOf("fell 5% closing", { to: 3 })[0]!.claim).toMatchObject({ measureHint: null });
  });
});

describe("'the news' without 'since'", () => {
  it.each(["fell 5% on the news", "fell 5% after the announcement"])("reads %j as one session", (text) => {
    expect(move(text).span).toEqual({ kind: "sessions", sessions: 1 });
  });
});
