#!/usr/bin/env node
// Draws resources/icon.png (512x512): signal bars on a rounded tile. Kept as a script so the
// icon can be regenerated without an image editor; electron-builder derives .ico/.icns from it.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { join } from 'node:path'

const S = 512
const px = Buffer.alloc(S * S * 4)
const set = (x, y, [r, g, b, a]) => px.set([r, g, b, a], (y * S + x) * 4)
const inRounded = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const bars = [[120, 330], [200, 260], [280, 190], [360, 120]]
for (let y = 0; y < S; y++)
  for (let x = 0; x < S; x++) {
    if (!inRounded(x, y, 16, 16, S - 17, S - 17, 96)) continue
    const t = y / S
    let c = [Math.round(18 + 20 * t), Math.round(92 + 40 * t), Math.round(170 + 30 * t), 255]
    for (const [bx, top] of bars) if (inRounded(x, y, bx, top, bx + 56, 400, 14)) c = [255, 255, 255, 255]
    set(x, y, c)
  }
const raw = Buffer.alloc((S * 4 + 1) * S)
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4)
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0 })
const crc = (b) => { let c = 0xffffffff; for (const v of b) c = crcTable[(c ^ v) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0 }
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]) }
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
writeFileSync(join(import.meta.dirname, '../resources/icon.png'), png)
