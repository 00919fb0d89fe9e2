/**
 * Survey files: an appending writer that makes each line durable within a second, and a
 * streaming reader. A recording lives in `<userData>/surveys/<deviceId>/<id>.ndjson`.
 */
import { createReadStream, promises as fs } from 'node:fs'
import { createInterface } from 'node:readline'
import { dirname, join } from 'node:path'
import { parseLine, type SurveyHeader, type SurveyLine, type SurveySample, type SurveyPosition, type SurveyGap } from './format'

/** Appends lines to a recording; each is flushed to disk at most `syncEveryMs` after it is written. */
export class SurveyWriter {
  private lastSync = 0
  private constructor(private readonly fh: fs.FileHandle, readonly path: string, private readonly syncEveryMs: number) {}

  /**
   * Opens `path` for appending (created with its folder if new). A file whose last line a crash
   * cut short gets its line ended first, so what is appended starts on a line of its own.
   */
  static async open(path: string, opts: { syncEveryMs?: number } = {}): Promise<SurveyWriter> {
    await fs.mkdir(dirname(path), { recursive: true })
    const fh = await fs.open(path, 'a+', 0o600)
    const { size } = await fh.stat()
    if (size > 0) {
      const last = Buffer.alloc(1)
      await fh.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) await fh.write('\n')
    }
    return new SurveyWriter(fh, path, opts.syncEveryMs ?? 1000)
  }

  /** Writes one line; durable within `syncEveryMs` (a power cut loses at most that). */
  async write(line: SurveyLine, now = Date.now()): Promise<void> {
    await this.fh.write(`${JSON.stringify(line)}\n`)
    if (now - this.lastSync >= this.syncEveryMs) {
      await this.fh.datasync()
      this.lastSync = now
    }
  }

  async close(): Promise<void> {
    await this.fh.datasync().catch(() => undefined)
    await this.fh.close()
  }
}

export interface SurveyRecording {
  header: SurveyHeader
  samples: SurveySample[]
  positions: SurveyPosition[]
  gaps: SurveyGap[]
  endedAt?: number
  /** Lines that could not be read (a crash cut the last one short). */
  damagedLines: number
}

/** What a list of recordings shows: everything but the samples, which are only counted. */
export interface SurveyOutline extends Omit<SurveyRecording, 'samples'> {
  sampleCount: number
  lastSampleAt?: number
}

const SAMPLE_LINE = /^\{"t":"s","at":(\d+),.*\}$/

/**
 * Reads a recording's outline quickly: sample lines (as the recorder writes them) are counted,
 * not parsed, so listing hours of recordings costs a scan, not a parse.
 */
export async function outlineSurvey(path: string): Promise<SurveyOutline> {
  let sampleCount = 0
  let lastSampleAt: number | undefined
  const r = await readLines(path, (text) => {
    const m = SAMPLE_LINE.exec(text)
    if (!m) return false
    sampleCount++
    lastSampleAt = Number(m[1])
    return true
  })
  return { header: r.header, positions: r.positions, gaps: r.gaps, endedAt: r.endedAt, damagedLines: r.damagedLines, sampleCount, lastSampleAt }
}

/** Reads a recording, line by line; a damaged line is counted, not fatal. */
export function readSurvey(path: string): Promise<SurveyRecording> {
  return readLines(path)
}

async function readLines(path: string, skip?: (text: string) => boolean): Promise<SurveyRecording> {
  let header: SurveyHeader | undefined
  const samples: SurveySample[] = []
  const positions: SurveyPosition[] = []
  const gaps: SurveyGap[] = []
  let endedAt: number | undefined
  let damagedLines = 0
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  for await (const text of rl) {
    if (!text.trim() || skip?.(text)) continue
    const line = parseLine(text)
    if (!line) damagedLines++
    else if (line.t === 'header') header ??= line
    else if (line.t === 's') samples.push(line)
    else if (line.t === 'position') positions.push(line)
    else if (line.t === 'rename') {
      for (const p of positions) if (p.name === line.from) p.name = line.to
    } else if (line.t === 'unposition') {
      positions.splice(0, positions.length, ...positions.filter((p) => p.name !== line.name))
    }
    else if (line.t === 'gap') gaps.push(line)
    else if (line.t === 'end') endedAt = line.at
    else if (line.t === 'resume') endedAt = undefined
  }
  if (!header) throw new Error(`${path} is not a survey recording (no header line).`)
  return { header, samples, positions, gaps, endedAt, damagedLines }
}

/** Where a device's recordings live. */
export function surveyDir(userDataDir: string, deviceId: string): string {
  return join(userDataDir, 'surveys', deviceId.replace(/[^A-Za-z0-9._-]/g, '_'))
}
