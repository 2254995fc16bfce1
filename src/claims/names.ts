import { parse } from "csv-parse/sync";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { CONSTITUENTS_FILE, priceDir } from "../sources/localFiles.js";
import { readCatalog } from "../sources/catalog.js";
import { normaliseClaimText, tokenize, type Token } from "./claimText.js";
import { MARKET_NAMES } from "./verdict.js";

/** A name a text may use for a symbol, and the shares outstanding when the table gives them. */
export interface NameEntry {
  symbol: string;
  name: string;
  shares?: number | undefined;
}

/** Words that end a company's name but do not identify it: "Xiaomi Corporation" is also "Xiaomi". */
const CORPORATE_WORDS = new Set(["ltd", "ltd.", "limited", "corp", "corporation", "co", "company", "inc", "plc", "group", "holdings", "h-share", "a-share", "star", "adr", "nyse", "the"]);
/** Index names a wire story uses besides the ones `MARKET_NAMES` gives. */
const INDEX_ALIASES: readonly NameEntry[] = [
  { symbol: "^HSI", name: "Hang Seng" },
  { symbol: "^HSI", name: "HSI" },
  { symbol: "^GSPC", name: "S&P 500" },
  { symbol: "^IXIC", name: "Nasdaq" },
  { symbol: "000300.SS", name: "CSI 300" },
];

/**
 * The names table a paragraph's companies are resolved through (README, "A paragraph at once"): the
 * index names, the bundled event catalog's companies (each part of "Parent - listed sub Child", the
 * acronym in parentheses, and the name without words such as "Corporation" or "H-share"), the
 * universe's `constituents.csv` when a universe is given (Hong Kong share-class suffixes such as
 * "-W" dropped), and the rows of a user's CSV (`symbol,name[,shares]`), which come first.
 */
export function bundledNames(options: { universeDir?: string | undefined; namesFile?: string | undefined } = {}): NameEntry[] {
  const entries: NameEntry[] = [];
  if (options.namesFile !== undefined) entries.push(...readNamesCsv(options.namesFile));
  for (const [symbol, name] of MARKET_NAMES) entries.push({ symbol, name: name.replace(/^the /, "") });
  entries.push(...INDEX_ALIASES);
  for (const event of readCatalog()) {
    for (const part of event.company.split(/\s+-\s+(?:parent unlisted;\s*)?listed (?:sub|subsidiary)\s+/i)) {
      const acronym = /\(([A-Z]{2,})\)/.exec(part)?.[1];
      if (acronym !== undefined) entries.push({ symbol: event.symbol, name: acronym });
      entries.push({ symbol: event.symbol, name: part.replace(/\([^)]*\)/g, " ") });
    }
  }
  if (options.universeDir !== undefined) {
    const file = join(priceDir(options.universeDir), CONSTITUENTS_FILE);
    if (existsSync(file)) entries.push(...readNamesCsv(file).map((entry) => ({ ...entry, name: entry.name.replace(/-[A-Z]{1,2}$/, "") })));
  }
  return entries;
}

/** A CSV of `symbol,name[,shares]`; errors name the file and line. */
export function readNamesCsv(file: string): NameEntry[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    throw new InputError("invalid-file", `${file}: not a readable CSV of symbol,name[,shares]: ${(error as Error).message}`, { file });
  }
  return rows.map(({ record, info }) => {
    if (!record.symbol || !record.name) throw new InputError("invalid-file", `${file} line ${info.lines}: give a symbol and a name (columns symbol,name[,shares])`, { file, line: info.lines });
    const shares = record.shares === undefined || record.shares === "" ? undefined : Number(record.shares.replace(/,/g, ""));
    if (shares !== undefined && !(shares > 0)) throw new InputError("invalid-file", `${file} line ${info.lines}: shares: "${record.shares}" is not a positive number`, { file, line: info.lines });
    return { symbol: record.symbol, name: record.name, shares };
  });
}

interface TrieNode {
  next: Map<string, TrieNode>;
  symbols: string[];
}

/** A mention of a name in a text: tokens `[at, end)` and the symbols it may mean. */
export interface Mention {
  at: number;
  end: number;
  symbols: string[];
}

/** The names of a table, matched in a text's tokens longest first, in time linear in the text. */
export class NameMatcher {
  private readonly root: TrieNode = { next: new Map(), symbols: [] };
  private readonly shares = new Map<string, number>();

  constructor(entries: readonly NameEntry[]) {
    for (const entry of entries) {
      if (entry.shares !== undefined && !this.shares.has(entry.symbol)) this.shares.set(entry.symbol, entry.shares);
      const words = tokenize(normaliseClaimText(entry.name)).map(wordKey);
      this.add(words, entry.symbol);
      let short = words.length;
      while (short > 1 && CORPORATE_WORDS.has(words[short - 1]!)) short--;
      if (short < words.length) this.add(words.slice(0, short), entry.symbol);
    }
  }

  private add(words: readonly string[], symbol: string): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (child === undefined) node.next.set(word, (child = { next: new Map(), symbols: [] }));
      node = child;
    }
    if (!node.symbols.includes(symbol)) node.symbols.push(symbol);
  }

  /** Shares outstanding the table gives for a symbol. */
  sharesOf(symbol: string): number | undefined {
    return this.shares.get(symbol);
  }

  /** Every mention in the tokens, left to right, each the longest name starting there. */
  mentions(tokens: readonly Token[]): Mention[] {
    const found: Mention[] = [];
    for (let i = 0; i < tokens.length; ) {
      let node: TrieNode | undefined = this.root;
      let best: Mention | null = null;
      for (let j = i; j < tokens.length; j++) {
        node = node.next.get(wordKey(tokens[j]!));
        if (node === undefined) break;
        if (node.symbols.length > 0) best = { at: i, end: j + 1, symbols: node.symbols };
      }
      if (best === null) i++;
      else {
        found.push(best);
        i = best.end;
      }
    }
    return found;
  }
}

/** A token as a name is matched: lower case, a possessive "'s" dropped ("Xiaomi's" is "xiaomi"). */
function wordKey(token: Token): string {
  return token.text.replace(/['’]s$/, "");
}
