/**
 * Crash-safe JSON files: write to a temporary file, fsync it, rename it over the target,
 * fsync the folder. A reader sees either the old file or the new one, never half of one.
 */
import { promises as fs } from 'node:fs'
import { dirname, join, basename } from 'node:path'
import { randomBytes } from 'node:crypto'
import lockfile from 'proper-lockfile'

export interface AtomicWriteHooks {
  /** Test hook: runs after the temporary file is durable and before the rename. */
  beforeRename?: (tmpPath: string) => Promise<void> | void
}

/** Writes `data` as pretty JSON to `path` atomically. */
export function writeJsonAtomic(path: string, data: unknown, hooks: AtomicWriteHooks = {}): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(data, null, 2) + '\n', hooks)
}

/** Writes text or bytes to `path` atomically (owner-only permissions). */
export async function writeFileAtomic(path: string, data: string | Buffer, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = dirname(path)
  await fs.mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const fh = await fs.open(tmp, 'w', 0o600)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } finally {
    await fh.close()
  }
  try {
    await hooks.beforeRename?.(tmp)
    await fs.rename(tmp, path)
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
  }
  await syncDir(dir)
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not every platform lets a folder be opened for sync.
  try {
    const d = await fs.open(dir, 'r')
    try {
      await d.sync()
    } finally {
      await d.close()
    }
  } catch {
    /* best effort on platforms without directory fsync */
  }
}

/** True while a process with this id runs (its temp files may be mid-save). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files a crash left behind in `dir` (only those next to `path` when given).
 * A temp file names the process that writes it; one whose process still runs (another app or
 * CLI on the same folder, mid-save) is left alone.
 */
export async function removeStaleTemps(path: string, dir = dirname(path)): Promise<void> {
  const prefix = path ? `.${basename(path)}.` : '.'
  let names: string[] = []
  try {
    names = await fs.readdir(dir)
  } catch {
    return
  }
  const dead = names.filter((n) => {
    if (!n.startsWith(prefix) || !n.endsWith('.tmp')) return false
    const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(n)?.[1])
    return !Number.isInteger(pid) || !alive(pid)
  })
  await Promise.all(dead.map((n) => fs.rm(join(dir, n), { force: true })))
}

/** Sweeps every dead temp file in a folder (the visit store writes many files there). */
export function removeStaleTempsIn(dir: string): Promise<void> {
  return removeStaleTemps('', dir)
}

/**
 * Runs `fn` holding an inter-process lock on `path` (a `path.lock` folder, proper-lockfile), so
 * two processes on one state folder (two hosts, a host and a CLI run) take turns to read,
 * change and write it. A lock left by a crashed process goes stale after 10 s.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  await fs.mkdir(dirname(path), { recursive: true })
  const release = await lockfile.lock(path, { realpath: false, stale: 10_000, update: 2_000, retries: { retries: 200, minTimeout: 10, maxTimeout: 100, randomize: true } })
  try {
    return await fn()
  } finally {
    await release().catch(() => undefined)
  }
}

/** Moves an unreadable file aside (never overwrites it) and returns where it went. */
export async function moveAside(path: string, now = new Date()): Promise<string> {
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
  await fs.rename(path, aside)
  return aside
}
