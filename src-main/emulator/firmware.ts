/**
 * Firmware version arithmetic. Every firmware-dependent shape in the emulator asks
 * `atLeast(fw, 'x.y.z')` so the cut-over points read like the reference text.
 */

export type Version = [number, number, number]

/** Parse "8.1.1" (or "8.1.1 build 5055") into numbers; throws on anything else. */
export function parseVersion(text: string): Version {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim())
  if (!m) throw new Error(`Invalid firmware version: ${text}`)
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)]
}

/** Negative, zero or positive like a sort comparator. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a)
  const vb = parseVersion(b)
  for (let i = 0; i < 3; i++) {
    if (va[i] !== vb[i]) return va[i] - vb[i]
  }
  return 0
}

/** True when firmware `fw` is `min` or later. */
export function atLeast(fw: string, min: string): boolean {
  return compareVersions(fw, min) >= 0
}

/** True when firmware `fw` is strictly before `version`. */
export function before(fw: string, version: string): boolean {
  return compareVersions(fw, version) < 0
}

/** Full version text as info.firmware prints it; build numbers are made up but stable. */
export function versionWithBuild(fw: string): string {
  const [major, minor, patch] = parseVersion(fw)
  const build = 1000 + major * 500 + minor * 60 + patch * 7
  return `${major}.${minor}.${patch} build ${build}`
}

/** The version the "other" firmware slot holds (one release older). */
export function previousVersion(fw: string): string {
  const [major, minor, patch] = parseVersion(fw)
  if (patch > 0) return `${major}.${minor}.${patch - 1}`
  if (minor > 0) return `${major}.${minor - 1}.0`
  return `${Math.max(major - 1, 0)}.0.0`
}
