/**
 * The words the claim reader knows (README, "Claim vocabulary"): one place for each list.
 */

/** Verbs of a fall, by their base form, with the inflections a reporter writes. */
export const FALL_VERBS: Readonly<Record<string, readonly string[]>> = {
  fall: ["fall", "falls", "fell", "fallen", "falling"],
  drop: ["drop", "drops", "dropped", "dropping"],
  slide: ["slide", "slides", "slid", "sliding"],
  slump: ["slump", "slumps", "slumped", "slumping"],
  plunge: ["plunge", "plunges", "plunged", "plunging"],
  plummet: ["plummet", "plummets", "plummeted", "plummeting", "plummetted"],
  tumble: ["tumble", "tumbles", "tumbled", "tumbling"],
  sink: ["sink", "sinks", "sank", "sunk", "sinking"],
  decline: ["decline", "declines", "declined", "declining"],
  lose: ["lose", "loses", "lost", "losing"],
  shed: ["shed", "sheds", "shedding"],
  dip: ["dip", "dips", "dipped", "dipping"],
  ease: ["ease", "eases", "eased", "easing"],
  retreat: ["retreat", "retreats", "retreated", "retreating"],
  skid: ["skid", "skids", "skidded", "skidding"],
  nosedive: ["nosedive", "nosedives", "nosedived", "nose-dived", "nose-dive", "nosediving"],
  crash: ["crash", "crashes", "crashed", "crashing"],
  tank: ["tank", "tanks", "tanked", "tanking"],
  dive: ["dive", "dives", "dived", "dove", "diving"],
  slip: ["slip", "slips", "slipped", "slipping"],
  collapse: ["collapse", "collapses", "collapsed", "collapsing"],
  depreciate: ["depreciate", "depreciates", "depreciated", "depreciating"],
  weaken: ["weaken", "weakens", "weakened", "weakening"],
  sag: ["sag", "sags", "sagged", "sagging"],
  slacken: ["slacken", "slackens", "slackened"],
  crater: ["crater", "craters", "cratered", "cratering"],
  fade: ["fade", "fades", "faded", "fading"],
  erode: ["erode", "erodes", "eroded"],
  halve: ["halve", "halves", "halved"],
  wipe: ["wipe", "wipes", "wiped", "wiping"],
  erase: ["erase", "erases", "erased", "erasing"],
  shrink: ["shrink", "shrinks", "shrank", "shrunk"],
  sell: ["sell-off", "selloff", "sold-off"],
  languish: ["languish", "languished"],
  underperform: ["underperform", "underperformed"],
  stumble: ["stumble", "stumbles", "stumbled", "stumbling"],
  wilt: ["wilt", "wilts", "wilted", "wilting"],
  buckle: ["buckle", "buckles", "buckled", "buckling"],
};

/** Other words of a fall: "closed 10.3% lower", "down 3%". */
export const FALL_ADVERBS: readonly string[] = ["down", "lower", "below", "negative", "loss", "losses", "decrease", "decreased", "red"];

/** Verbs of a rise, by their base form, with the inflections a reporter writes. */
export const RISE_VERBS: Readonly<Record<string, readonly string[]>> = {
  rise: ["rise", "rises", "rose", "risen", "rising"],
  jump: ["jump", "jumps", "jumped", "jumping"],
  gain: ["gain", "gains", "gained", "gaining"],
  advance: ["advance", "advances", "advanced", "advancing"],
  climb: ["climb", "climbs", "climbed", "climbing"],
  rally: ["rally", "rallies", "rallied", "rallying"],
  add: ["add", "adds", "added", "adding"],
  firm: ["firm", "firms", "firmed", "firming"],
  appreciate: ["appreciate", "appreciates", "appreciated", "appreciating"],
  surge: ["surge", "surges", "surged", "surging"],
  soar: ["soar", "soars", "soared", "soaring"],
  spike: ["spike", "spikes", "spiked", "spiking"],
  rebound: ["rebound", "rebounds", "rebounded", "rebounding"],
  recover: ["recover", "recovers", "recovered", "recovering"],
  leap: ["leap", "leaps", "leapt", "leaped", "leaping"],
  rocket: ["rocket", "rockets", "rocketed", "rocketing", "skyrocket", "skyrocketed", "skyrocketing"],
  strengthen: ["strengthen", "strengthens", "strengthened"],
  bounce: ["bounce", "bounces", "bounced", "bouncing"],
  zoom: ["zoom", "zooms", "zoomed"],
  pop: ["pop", "pops", "popped"],
  double: ["double", "doubles", "doubled", "triple", "tripled", "trebled", "quadrupled"],
  outperform: ["outperform", "outperformed"],
  swell: ["swell", "swells", "swelled", "swollen"],
  improve: ["improve", "improves", "improved", "improving"],
  balloon: ["balloon", "balloons", "ballooned"],
  lift: ["lift", "lifts", "lifted", "lifting"],
};

/** Other words of a rise: "closed 2% higher", "up 3%". */
export const RISE_ADVERBS: readonly string[] = ["up", "higher", "above", "positive", "increase", "increased", "green"];

/** Verbs that take their direction from the next word: "edged up", "inched lower", "ticked down", "moved higher". */
export const NEUTRAL_VERBS: readonly string[] = ["edge", "edged", "edges", "inch", "inched", "inches", "tick", "ticked", "move", "moved", "moves", "trade", "traded", "swing", "swung", "change", "changed"];

export const FALL_WORDS: ReadonlySet<string> = new Set([...Object.values(FALL_VERBS).flat(), ...FALL_ADVERBS]);
export const RISE_WORDS: ReadonlySet<string> = new Set([...Object.values(RISE_VERBS).flat(), ...RISE_ADVERBS]);

/** Word sequences before a size that bound it from below ("more than 10%") or above ("less than 5%"). */
export const AT_LEAST_PHRASES: readonly (readonly string[])[] = [["more", "than"], ["over"], ["at", "least"], ["in", "excess", "of"], ["upwards", "of"], ["north", "of"], ["greater", "than"], ["above"]];
export const BELOW_PHRASES: readonly (readonly string[])[] = [["less", "than"], ["under"], ["fewer", "than"], ["below"], ["shy", "of"], ["short", "of"]];

/** Words naming a fraction: "shed a tenth", "lost a third", "two-thirds". */
export const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ["tenth", 0.1],
  ["one-tenth", 0.1],
  ["fifth", 0.2],
  ["one-fifth", 0.2],
  ["quarter", 0.25],
  ["one-quarter", 0.25],
  ["third", 1 / 3],
  ["one-third", 1 / 3],
  ["half", 0.5],
  ["one-half", 0.5],
  ["two-thirds", 2 / 3],
  ["three-quarters", 0.75],
]);

/** Verbs that are themselves a size: "halved" is a fall of 50%, "doubled" a rise of 100%. */
export const SIZE_VERBS: ReadonlyMap<string, number> = new Map([
  ["halved", -0.5],
  ["halves", -0.5],
  ["doubled", 1],
  ["doubles", 1],
  ["tripled", 2],
  ["trebled", 2],
  ["quadrupled", 3],
]);

/** Cardinal words read as numbers: "ten per cent", "two days", "three sessions". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
  ]
    .flatMap((line) => line.split(" "))
    .map((word, k) => [word, k] as [string, number])
    .concat([["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60], ["seventy", 70], ["eighty", 80], ["ninety", 90], ["a", 1], ["single", 1]]),
);

/** Scale words after an amount of money: "HK$80bn", "US$5 billion". */
export const MONEY_SCALES: ReadonlyMap<string, number> = new Map([
  ["k", 1e3],
  ["thousand", 1e3],
  ["m", 1e6],
  ["mn", 1e6],
  ["mln", 1e6],
  ["million", 1e6],
  ["b", 1e9],
  ["bn", 1e9],
  ["bln", 1e9],
  ["billion", 1e9],
  ["tn", 1e12],
  ["trillion", 1e12],
]);

/** Words naming a company's market value ("market value", "market cap", "valuation"). */
export const MARKET_VALUE_WORDS: ReadonlySet<string> = new Set(["value", "cap", "capitalisation", "capitalization", "valuation"]);

export const MONTHS: ReadonlyMap<string, number> = new Map(
  ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].flatMap((name, k) => [
    [name, k + 1] as [string, number],
    [name.slice(0, 3), k + 1] as [string, number],
    ...(name === "september" ? [["sept", 9] as [string, number]] : []),
  ]),
);
