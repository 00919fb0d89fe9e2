/**
 * Crash-safe JSON files: write to a temporary file, fsync it, rename it over the target,
 * fsync the folder. A reader sees either the old file or the new one, never half of one.
 */
import { promises as fs } from 'node:fs'
import { dirname, join, basename } from 'node:path'
import { randomBytes } from 'node:crypto'

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

/** Removes temporary files a crash left behind next to `path`. */
export async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path)
  const prefix = `.${basename(path)}.`
  let names: string[] = []
  try {
    names = await fs.readdir(dir)
  } catch {
    return
  }
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => fs.rm(join(dir, n), { force: true })))
}

/** Moves an unreadable file aside (never overwrites it) and returns where it went. */
export async function moveAside(path: string, now = new Date()): Promise<string> {
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
  await fs.rename(path, aside)
  return aside
}
