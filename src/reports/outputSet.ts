import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";
import { cannotWrite, temporarySuffix } from "../io/atomicWrite.js";
import { sleepSync } from "../io/sleepSync.js";

/**
 * Output sets, all or nothing. A command's outputs into one folder (`study --out`, `--charts`) form a
 * set of a kind, listed in the folder's `.event-impact-<kind>.json`. A new set is written into a staging
 * folder beside them; the listing is written last and marks it complete. Then, holding the folder's lock,
 * the previous set's files move to a backup folder, the new files move in, the backup is removed. A
 * failure on the way puts the previous set back; a kill is finished by the next run into the folder,
 * which installs a complete staged set (or removes an incomplete one) before it starts. Files of the
 * previous set that the new one lacks are removed; no other file of the folder is touched.
 *
 * Test hook: `EVENT_IMPACT_FAIL_AT=<step>:<n>[:kill]` fails (or SIGKILLs the process) at the n-th time a
 * step is reached; the steps are `stage`, `backup`, `install` and `cleanup`.
 */

const PREFIX = ".event-impact-";
const LOCK = `${PREFIX}lock`;
/** How long a run waits for another process that holds the folder's lock. */
const LOCK_WAIT_MS = 30_000;

export type OutputStep = "stage" | "backup" | "install" | "cleanup";

const reached = new Map<OutputStep, number>();

/** The test hook (see the module comment). */
function step(name: OutputStep): void {
  const spec = process.env.EVENT_IMPACT_FAIL_AT;
  if (spec === undefined) return;
  const [at, nth, how] = spec.split(":");
  if (at !== name) return;
  const count = (reached.get(name) ?? 0) + 1;
  reached.set(name, count);
  if (count !== Number(nth)) return;
  if (how === "kill") process.kill(process.pid, "SIGKILL");
  throw Object.assign(new Error(`injected failure at ${name} ${nth}`), { code: "EIO" });
}

const listingName = (kind: string) => `${PREFIX}${kind}.json`;

function readListing(file: string): string[] | null {
  if (!existsSync(file)) return null;
  try {
    const files: unknown = JSON.parse(readFileSync(file, "utf8")).files;
    return Array.isArray(files) && files.every((name) => typeof name === "string" && name === basename(name)) ? files : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `<prefix><kind>-<pid>-<token>` folders of this tool, with their parts. */
function toolFolders(dir: string, role: "staging" | "backup"): { path: string; kind: string; pid: number }[] {
  const pattern = new RegExp(`^\\${PREFIX}${role}-([a-z]+)-(\\d+)-[0-9a-z]+$`);
  return readdirSync(dir).flatMap((name) => {
    const match = pattern.exec(name);
    return match === null ? [] : [{ path: join(dir, name), kind: match[1]!, pid: Number(match[2]) }];
  });
}

/** Takes the folder's lock (a file created exclusively, holding the pid); a dead holder's lock is taken over. */
function lock(dir: string): () => void {
  const file = join(dir, LOCK);
  const started = Date.now();
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8"));
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) rmSync(file, { force: true });
    else if (Date.now() - started > LOCK_WAIT_MS) throw new InputError("cannot-write", `${dir} is being written by another event-impact process (pid ${holder}); try again when it has finished`, { file: dir });
    else sleepSync(50);
  }
}

/** Moves a staged set's files into the folder and removes the previous set's files it does not replace. */
function install(dir: string, staging: string, kind: string, previous: readonly string[]): string[] {
  const files = readListing(join(staging, listingName(kind)))!;
  for (const name of [...files, listingName(kind)]) {
    step("install");
    if (existsSync(join(staging, name))) renameSync(join(staging, name), join(dir, name));
  }
  for (const name of previous) if (!files.includes(name)) rmSync(join(dir, name), { force: true });
  return files;
}

/**
 * Finishes or undoes what killed runs left in a folder: a complete staged set is installed, an incomplete
 * one removed, backups and a dead process's lock removed; also the `*.tmp-*` files that earlier versions
 * left. Runs of other live processes are left alone.
 */
export function recoverOutputFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const lockFile = join(dir, LOCK);
  if (existsSync(lockFile) && !isAlive(Number(readFileSync(lockFile, "utf8")))) rmSync(lockFile, { force: true });
  for (const { path, kind, pid } of toolFolders(dir, "staging")) {
    if (isAlive(pid) && pid !== process.pid) continue;
    if (readListing(join(path, listingName(kind))) !== null) install(dir, path, kind, readListing(join(dir, listingName(kind))) ?? []);
    rmSync(path, { recursive: true, force: true });
  }
  for (const { path, pid } of toolFolders(dir, "backup")) if (!isAlive(pid) || pid === process.pid) rmSync(path, { recursive: true, force: true });
  for (const name of readdirSync(dir)) {
    const match = /\.(?:json|ndjson|csv|svg|html|xlsx)\.tmp-(\d+)-\d+$/.exec(name);
    if (match !== null && !isAlive(Number(match[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** Creates `dir` when missing and, under its lock, recovers what killed runs left there (`recoverOutputFolder`). */
function prepareOutputFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const release = lock(dir);
  try {
    recoverOutputFolder(dir);
  } finally {
    release();
  }
}

/**
 * Writes a set of files of `kind` into `dir`, all or nothing (see the module comment): `produce` writes
 * the files into the staging folder it is given and returns their names. `legacy` names the files an
 * earlier version wrote without a listing, taken as the previous set when there is none. Returns the
 * paths written.
 */
export function writeOutputSet(dir: string, kind: string, produce: (staging: string) => string[], legacy: readonly string[] = []): string[] {
  reached.clear();
  const token = Math.random().toString(36).slice(2, 10);
  const staging = join(dir, `${PREFIX}staging-${kind}-${process.pid}-${token}`);
  const backup = join(dir, `${PREFIX}backup-${kind}-${process.pid}-${token}`);
  let staged = false;
  try {
    prepareOutputFolder(dir);
    mkdirSync(staging);
    staged = true;
    const files = produce(staging);
    step("stage");
    writeFileSync(join(staging, listingName(kind)), `${JSON.stringify({ files }, null, 2)}\n`);
    const release2 = lock(dir);
    try {
      swap(dir, kind, staging, backup, files, legacy);
    } finally {
      release2();
    }
    return files.map((name) => join(dir, name));
  } catch (error) {
    if (staged) rmSync(staging, { recursive: true, force: true });
    throw cannotWrite(dir, error);
  }
}

function swap(dir: string, kind: string, staging: string, backup: string, files: readonly string[], legacy: readonly string[]): void {
  const previous = (readListing(join(dir, listingName(kind))) ?? legacy).filter((name) => existsSync(join(dir, name)));
  for (const name of [...files, listingName(kind)]) refuseNonFile(join(dir, name));
  const moved: string[] = [];
  const installed: string[] = [];
  try {
    mkdirSync(backup);
    for (const name of [...previous, ...(existsSync(join(dir, listingName(kind))) ? [listingName(kind)] : [])]) {
      step("backup");
      renameSync(join(dir, name), join(backup, name));
      moved.push(name);
    }
    for (const name of [...files, listingName(kind)]) {
      step("install");
      renameSync(join(staging, name), join(dir, name));
      installed.push(name);
    }
  } catch (error) {
    for (const name of installed) rmSync(join(dir, name), { force: true });
    for (const name of moved) renameSync(join(backup, name), join(dir, name));
    rmSync(backup, { recursive: true, force: true });
    throw error;
  }
  try {
    step("cleanup");
    rmSync(backup, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  } catch {
    // The new set is in place; what is left is swept by the next run (recoverOutputFolder).
  }
}

/** Refuses to write over `path` when it exists and is not a file (a folder, a device). */
function refuseNonFile(path: string): void {
  if (existsSync(path) && !lstatSync(path).isFile()) throw new InputError("cannot-write", `cannot write ${path}: it exists and is not a file; remove it or choose another place`, { file: path });
}

/**
 * Writes one file all or nothing (the HTML report, the workbook): `write` writes it under a temporary name
 * beside the target (swept by the next run into the folder when a kill leaves it), which is then renamed
 * over the target.
 */
export async function writeFileAtomically(file: string, write: (temporary: string) => void | Promise<void>): Promise<string> {
  reached.clear();
  const dir = dirname(file);
  const temporary = join(dir, `${basename(file)}${temporarySuffix()}`);
  try {
    prepareOutputFolder(dir);
    refuseNonFile(file);
    await write(temporary);
    step("install");
    renameSync(temporary, file);
    return file;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(file, error);
  }
}
