/** Runs the BUILT `uplink` command (npm test builds first), as a technician's script would. */
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CLI = join(__dirname, '../../../out/main/cli.js')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** `uplink …args` with a bare environment plus `env`, `stdin` piped in; resolves when it exits. */
export function uplink(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(stdin ?? '')
  })
}
