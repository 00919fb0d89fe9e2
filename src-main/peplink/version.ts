/**
 * Firmware versions as the router writes them ("8.1.1 build 5121", "7.1.0 build 2860",
 * "8"). Compared numerically, part by part; missing parts count as 0.
 */

const parsed = new Map<string, number[] | undefined>()

/** Parses the numeric part of a firmware string, or undefined when there is none. */
export function parseVersion(text: string): number[] | undefined {
  // Every call checks the firmware; the handful of version strings seen are parsed once.
  if (parsed.has(text)) return parsed.get(text)
  const m = /^\s*v?(\d+(?:\.\d+)*)/i.exec(text)
  const v = m ? m[1]!.split('.').map(Number) : undefined
  if (parsed.size < 1000) parsed.set(text, v)
  return v
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [0]
  const pb = parseVersion(b) ?? [0]
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** True when `version` is at least `min`. */
export function atLeast(version: string, min: string): boolean {
  return compareVersions(version, min) >= 0
}
