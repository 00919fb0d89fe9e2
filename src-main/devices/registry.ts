/**
 * Saved devices: what a technician needs to reconnect to a router (never its secrets, which
 * live in the vault). Stored as versioned JSON in the app's user-data folder, written
 * atomically; a corrupt file is moved aside with a clear notice, never silently overwritten.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { moveAside, removeStaleTemps, withFileLock, writeJsonAtomic, type AtomicWriteHooks } from './atomic-file'

export const SCHEMA_VERSION = 1

export const savedDeviceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  scheme: z.enum(['https', 'http']),
  authMethod: z.enum(['admin', 'client']),
  username: z.string().optional(),
  clientId: z.string().optional(),
  /** Pinned SHA-256 certificate fingerprint (HTTPS). */
  pin: z.string().optional(),
  certSubject: z.string().optional(),
  notes: z.string().max(10_000).default(''),
  lastFirmware: z.string().optional(),
  lastModel: z.string().optional(),
  lastConnectedAt: z.string().optional(),
  createdAt: z.string(),
  /** Set for the built-in emulated router, so the app can restart it on demand. */
  demo: z.boolean().optional(),
  /**
   * The endpoint ("https://host:port") the stored secret belongs to. Set when the address of a
   * device with a stored secret changes, and when a secret is entered for a new address: a
   * stored secret is never sent anywhere else without the technician re-entering it.
   */
  secretEndpoint: z.string().optional(),
})
export type SavedDevice = z.infer<typeof savedDeviceSchema>

/** "https://192.168.50.1:443": where a device's API (and so its stored secret) goes. */
export function endpointOf(d: Pick<SavedDevice, 'scheme' | 'host' | 'port'>): string {
  return `${d.scheme}://${d.host.toLowerCase()}:${d.port}`
}
export type NewDevice = Omit<SavedDevice, 'id' | 'createdAt' | 'notes'> & { notes?: string }

const fileSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), devices: z.array(savedDeviceSchema) })

export interface LoadReport {
  /** Set when the file could not be read and was moved aside. */
  movedAside?: { path: string; reason: string }
}

/** The device list on disk, with an in-memory copy kept in step. */
export class DeviceRegistry {
  readonly path: string
  private devices: SavedDevice[] = []
  private loaded = false
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dir: string, private readonly hooks: AtomicWriteHooks = {}) {
    this.path = join(dir, 'devices.json')
  }

  /** Reads the file; an unreadable one is kept aside and the list starts empty. */
  async load(): Promise<LoadReport> {
    await removeStaleTemps(this.path)
    let text: string
    try {
      text = await fs.readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      this.devices = []
      this.loaded = true
      return {}
    }
    try {
      this.devices = fileSchema.parse(JSON.parse(text)).devices
      this.loaded = true
      return {}
    } catch (err) {
      const aside = await moveAside(this.path)
      this.devices = []
      this.loaded = true
      const reason = err instanceof SyntaxError ? 'it is not valid JSON' : 'its contents do not match the expected format'
      return { movedAside: { path: aside, reason: `The saved device list could not be read (${reason}). It was kept as ${aside}; the list starts empty.` } }
    }
  }

  /** All saved devices, most recently used first. */
  list(): SavedDevice[] {
    this.assertLoaded()
    return [...this.devices].sort((a, b) => (b.lastConnectedAt ?? b.createdAt).localeCompare(a.lastConnectedAt ?? a.createdAt))
  }

  /** One device, or undefined. */
  get(id: string): SavedDevice | undefined {
    this.assertLoaded()
    return this.devices.find((d) => d.id === id)
  }

  /** Saves a new device and returns it with its id. */
  async add(input: NewDevice): Promise<SavedDevice> {
    const device = savedDeviceSchema.parse({ ...input, id: randomUUID(), createdAt: new Date().toISOString(), notes: input.notes ?? '' })
    await this.mutate((list) => [...list, device])
    return device
  }

  /** Changes fields of a saved device. */
  async update(id: string, patch: Partial<Omit<SavedDevice, 'id' | 'createdAt'>>): Promise<SavedDevice> {
    let updated: SavedDevice | undefined
    await this.mutate((list) =>
      list.map((d) => {
        if (d.id !== id) return d
        const next = { ...d, ...patch, id: d.id, createdAt: d.createdAt }
        // A new address keeps the stored secret tied to the old one (see connect in sessions.ts).
        if (patch.secretEndpoint === undefined && endpointOf(next) !== endpointOf(d) && d.secretEndpoint === undefined) next.secretEndpoint = endpointOf(d)
        updated = savedDeviceSchema.parse(next)
        return updated
      }),
    )
    if (!updated) throw new Error(`No saved device with id ${id}.`)
    return updated
  }

  /** Forgets a device (its secrets are removed by the vault, not here). */
  async remove(id: string): Promise<boolean> {
    let found = false
    await this.mutate((list) => list.filter((d) => (d.id === id ? ((found = true), false) : true)))
    return found
  }

  private mutate(change: (list: SavedDevice[]) => SavedDevice[]): Promise<void> {
    this.assertLoaded()
    // Writes are serialised here, and locked across processes: the change is applied to the
    // list as it is on disk now (another app or CLI run may have saved since), then written.
    const next = this.queue.then(() =>
      withFileLock(this.path, async () => {
        const list = change(await this.readCurrent())
        await writeJsonAtomic(this.path, { schemaVersion: SCHEMA_VERSION, devices: list }, this.hooks)
        this.devices = list
      }),
    )
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The list on disk (what another process saved), or this process's copy when there is none to read. */
  private async readCurrent(): Promise<SavedDevice[]> {
    try {
      return fileSchema.parse(JSON.parse(await fs.readFile(this.path, 'utf8'))).devices
    } catch {
      return this.devices
    }
  }

  private assertLoaded(): void {
    if (!this.loaded) throw new Error('DeviceRegistry.load() must run first.')
  }
}
