/**
 * The router's self-signed certificate. Its names deliberately do not match the
 * address (real routers' do not either); clients pin the SHA-256 fingerprint.
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface TlsMaterial {
  key: string
  cert: string
  fingerprint256: string
}

const CERT_FILE = 'emulator-cert.pem'
const KEY_FILE = 'emulator-key.pem'

/** SHA-256 fingerprint in Node's format (uppercase hex pairs joined by colons). */
function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256
}

/** Generate a fresh EC P-256 self-signed certificate (fast enough for every test). */
export async function generateMaterial(commonName: string): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000)
  const notAfterDate = new Date(notBeforeDate.getTime() + 10 * 365 * 24 * 3600 * 1000)
  // Loaded here, not at start: it and its X.509 library take ~150 ms to load, which every app
  // and CLI start paid though only a new emulator certificate needs them.
  const { generate } = await import('selfsigned')
  const pems = await generate(
    [
      { name: 'commonName', value: commonName },
      { name: 'organizationName', value: 'Uplink emulator' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      // A name no client will ever connect by: the fingerprint is what is trusted.
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'router.emulator.invalid' }] },
      ],
    },
  )
  return { key: pems.private, cert: pems.cert, fingerprint256: fingerprintOf(pems.cert) }
}

/** Load the persisted certificate from stateDir, or create and persist one. */
export async function loadOrCreateMaterial(stateDir: string | null, commonName: string): Promise<TlsMaterial> {
  if (stateDir) {
    const certPath = join(stateDir, CERT_FILE)
    const keyPath = join(stateDir, KEY_FILE)
    if (existsSync(certPath) && existsSync(keyPath)) {
      const cert = readFileSync(certPath, 'utf8')
      return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint256: fingerprintOf(cert) }
    }
  }
  const material = await generateMaterial(commonName)
  persistMaterial(stateDir, material)
  return material
}

/** Write the certificate and key to stateDir (no-op without one). */
export function persistMaterial(stateDir: string | null, material: TlsMaterial): void {
  if (!stateDir) return
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(join(stateDir, CERT_FILE), material.cert)
  writeFileSync(join(stateDir, KEY_FILE), material.key, { mode: 0o600 })
}
