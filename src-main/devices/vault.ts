/**
 * Secrets (admin passwords, client secrets) live only in the OS keychain, through a small
 * SecretStore interface: keytar in the app, the real Secret Service in CI, memory in unit
 * tests. Where no keychain is reachable the vault says so, and a secret may be kept for this
 * session only, in memory; nothing secret is ever written to disk by Uplink.
 */

import { createRequire } from 'node:module'
import { AppError } from '../app-error'

export const SERVICE = 'Uplink'
export type SecretKind = 'password' | 'clientSecret'

/** The minimal keychain surface Uplink needs (keytar's shape). */
export interface SecretStore {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export type VaultStatus = { keychain: true } | { keychain: false; reason: string }

/** A SecretStore kept in memory: unit tests, and session-only secrets. */
export class MemoryStore implements SecretStore {
  private readonly map = new Map<string, string>()
  async getPassword(service: string, account: string) {
    return this.map.get(`${service}\u0000${account}`) ?? null
  }
  async setPassword(service: string, account: string, password: string) {
    this.map.set(`${service}\u0000${account}`, password)
  }
  async deletePassword(service: string, account: string) {
    return this.map.delete(`${service}\u0000${account}`)
  }
}

/** Loads keytar and checks that a Secret Service answers; reports why not otherwise. */
export async function openKeychain(load: () => unknown = () => createRequire(__filename)('keytar')): Promise<{ store?: SecretStore; status: VaultStatus }> {
  let keytar: SecretStore & { findCredentials?: (s: string) => Promise<unknown> }
  try {
    keytar = load() as typeof keytar
  } catch {
    return { status: { keychain: false, reason: 'The OS keychain module (keytar) is not installed or could not be built on this machine, so passwords can be kept for this session only.' } }
  }
  try {
    await withTimeout(keytar.findCredentials ? keytar.findCredentials(SERVICE) : keytar.getPassword(SERVICE, 'probe'), 5000)
  } catch {
    return { status: { keychain: false, reason: 'No OS keychain answered (on Linux: no Secret Service such as gnome-keyring is running or unlocked), so passwords can be kept for this session only.' } }
  }
  return { store: keytar, status: { keychain: true } }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('keychain timeout')), ms)
    p.then((v) => (clearTimeout(t), resolve(v)), (e: unknown) => (clearTimeout(t), reject(e)))
  })
}

/** Per-device secrets: one keychain account per device and secret kind. */
export class Vault {
  private readonly session = new MemoryStore()

  constructor(private readonly keychain: SecretStore | undefined, readonly status: VaultStatus) {}

  private static account(deviceId: string, kind: SecretKind): string {
    return `${deviceId}:${kind}`
  }

  /** Stores a secret in the keychain, falling back to this session only when the keychain refuses. */
  async setPreferKeychain(deviceId: string, kind: SecretKind, secret: string): Promise<'keychain' | 'session'> {
    if (this.keychain) {
      try {
        return await this.set(deviceId, kind, secret)
      } catch {
        // A locked or broken keychain must not stop the technician; the secret lives in memory.
      }
    }
    return this.set(deviceId, kind, secret, { sessionOnly: true })
  }

  /** Stores a secret: in the keychain, or for this session only when asked (or forced). */
  async set(deviceId: string, kind: SecretKind, secret: string, opts: { sessionOnly?: boolean } = {}): Promise<'keychain' | 'session'> {
    const account = Vault.account(deviceId, kind)
    if (!opts.sessionOnly && this.keychain) {
      try {
        await this.keychain.setPassword(SERVICE, account, secret)
      } catch {
        throw new AppError('keychain', 'The OS keychain refused to store the secret (it may be locked). Unlock it and try again, or keep the secret for this session only.')
      }
      await this.session.deletePassword(SERVICE, account)
      return 'keychain'
    }
    if (!opts.sessionOnly && !this.keychain) throw new AppError('keychain', this.status.keychain ? 'No keychain.' : this.status.reason)
    await this.session.setPassword(SERVICE, account, secret)
    return 'session'
  }

  /** The secret, from this session's memory first, then the keychain. */
  async get(deviceId: string, kind: SecretKind): Promise<string | undefined> {
    const account = Vault.account(deviceId, kind)
    const mem = await this.session.getPassword(SERVICE, account)
    if (mem !== null) return mem
    return (await this.keychain?.getPassword(SERVICE, account)) ?? undefined
  }

  /** True when a secret of that kind is stored for the device. */
  async has(deviceId: string, kind: SecretKind): Promise<boolean> {
    return (await this.get(deviceId, kind)) !== undefined
  }

  /** Removes every secret of a device (when it is forgotten). */
  async removeAll(deviceId: string): Promise<void> {
    for (const kind of ['password', 'clientSecret'] as const) {
      const account = Vault.account(deviceId, kind)
      await this.session.deletePassword(SERVICE, account)
      await this.keychain?.deletePassword(SERVICE, account)
    }
  }
}
