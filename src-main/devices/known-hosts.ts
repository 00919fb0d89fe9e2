/**
 * Certificate pins the command line has accepted, per host:port (like ssh's known_hosts),
 * in the state folder beside the app's saved devices. A saved device's pin counts too, so a
 * router approved in the app is trusted by the CLI.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { withFileLock, writeJsonAtomic } from './atomic-file'
import type { DeviceRegistry } from './registry'

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  hosts: z.record(z.string(), z.object({ fingerprint256: z.string(), subject: z.string().optional(), addedAt: z.string() })),
})
type KnownHostsFile = z.infer<typeof fileSchema>

export class KnownHosts {
  readonly path: string
  constructor(dir: string, private readonly registry?: DeviceRegistry) {
    this.path = join(dir, 'known-hosts.json')
  }

  private async read(): Promise<KnownHostsFile> {
    try {
      return fileSchema.parse(JSON.parse(await fs.readFile(this.path, 'utf8')))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, hosts: {} }
      throw new Error(`${this.path} could not be read; fix or delete it (it only holds certificate pins).`)
    }
  }

  /** The pin for host:port, from this file or a saved device. */
  async pinFor(host: string, port: number): Promise<string | undefined> {
    const file = await this.read()
    const own = file.hosts[`${host}:${port}`]?.fingerprint256
    if (own) return own
    return this.registry?.list().find((d) => d.host === host && d.port === port && d.pin)?.pin
  }

  /** Remembers a pin for host:port. */
  async remember(host: string, port: number, fingerprint256: string, subject?: string): Promise<void> {
    await withFileLock(this.path, async () => {
      const file = await this.read()
      file.hosts[`${host}:${port}`] = { fingerprint256, subject, addedAt: new Date().toISOString() }
      await writeJsonAtomic(this.path, file)
    })
  }
}
