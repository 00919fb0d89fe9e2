/**
 * "Try the demo router": an emulated router started in main on loopback, saved as a device
 * with its password in the keychain like any other. Connecting to it goes through the same
 * certificate-trust step a real router needs, so a newcomer learns it.
 */
import { startEmulator, type ModelId, type RunningEmulator } from '../emulator'
import { endpointOf, type DeviceRegistry, type SavedDevice } from './registry'
import type { Vault } from './vault'

export class DemoRouter {
  private running?: RunningEmulator
  /** Starts in progress: a second "Try the demo router" waits for the first, not a second emulator. */
  private starting: Promise<unknown> = Promise.resolve()

  constructor(private readonly stateDir: string, private readonly registry: DeviceRegistry, private readonly vault: Vault) {}

  /** Starts the emulator (or reuses it) and returns the saved demo device, created if needed. */
  start(opts: { model?: ModelId; firmware?: string } = {}): Promise<SavedDevice> {
    const run = this.starting.catch(() => undefined).then(() => this.startNow(opts))
    this.starting = run
    return run
  }

  private async startNow(opts: { model?: ModelId; firmware?: string }): Promise<SavedDevice> {
    // Without a choice (a reconnect), keep the family and firmware already running.
    const wanted = { model: opts.model ?? this.running?.model ?? 'br1-pro-5g', firmware: opts.firmware ?? this.running?.firmware ?? '8.1.1' }
    if (this.running && (this.running.model !== wanted.model || this.running.firmware !== wanted.firmware)) await this.stop()
    // The certificate is kept in stateDir, so a pin made once stays valid across restarts.
    this.running ??= await startEmulator({ host: '127.0.0.1', port: 0, stateDir: this.stateDir, ...wanted })
    const emu = this.running
    const existing = this.registry.list().find((d) => d.demo)
    const fields = { host: emu.host, port: emu.port, scheme: 'https' as const, authMethod: 'admin' as const, username: emu.credentials.username, lastModel: emu.model }
    // The demo moves to a new port each start and saves its own password with it.
    const secretEndpoint = endpointOf(fields)
    const device = existing
      ? await this.registry.update(existing.id, { ...fields, secretEndpoint })
      : await this.registry.add({ ...fields, secretEndpoint, name: 'Demo router (emulated)', demo: true, notes: 'Built-in emulated router: safe to try every workflow.' })
    await this.vault.setPreferKeychain(device.id, 'password', emu.credentials.password)
    return device
  }

  /** The running emulator, for fault injection in tests and training. */
  get emulator(): RunningEmulator | undefined {
    return this.running
  }

  async stop(): Promise<void> {
    const r = this.running
    this.running = undefined
    await r?.close()
  }
}
