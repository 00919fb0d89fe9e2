/**
 * `uplink diagnose [--conn N]`: takes one snapshot, runs every rule and prints the findings,
 * problems first, as a readable list or (--json) exactly the findings array.
 */
import type { Command } from 'commander'
import { findingsForWan, diagnose } from '../diagnosis/rules'
import { takeSnapshot } from '../diagnosis/snapshot'
import type { Finding, Snapshot } from '../diagnosis/types'
import { connOption, withClient } from './run-with-client'

const LABEL: Record<Finding['severity'], string> = { problem: 'PROBLEM', warning: 'WARNING', info: 'NOTE' }

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The findings as text for a terminal: a header line, then one block per finding. */
export function formatFindings(findings: readonly Finding[], s: Pick<Snapshot, 'firmware' | 'takenAt'>, host?: string): string {
  const by = (sev: Finding['severity']) => findings.filter((f) => f.severity === sev).length
  const head = `${host ? `Router ${host}` : 'Router'}${s.firmware ? `, firmware ${s.firmware}` : ''}, checked ${s.takenAt}`
  if (!findings.length) return `${head}\nNo findings: every check passed.`
  const blocks = findings.map((f) => {
    const evidence = Object.entries(f.evidence).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}=${v}`).join(', ')
    const actions = f.actions.map((a) => `${a.label}${a.disruptive ? ' (may interrupt the link)' : ''}`).join('; ')
    return [
      `${LABEL[f.severity].padEnd(8)}${f.title}`,
      `        ${f.explanation}`,
      ...(evidence ? [`        Evidence: ${evidence}`] : []),
      ...(actions ? [`        Try: ${actions}`] : []),
    ].join('\n')
  })
  return `${head}\n${count(by('problem'), 'problem')}, ${count(by('warning'), 'warning')}, ${count(by('info'), 'note')}\n\n${blocks.join('\n\n')}`
}


/** Adds `diagnose`. */
export function registerDiagnoseCommand(program: Command): void {
  program
    .command('diagnose')
    .description("check the router and explain what is wrong, problems first (--json: the findings array)")
    .option('--conn <n>', 'only findings about this WAN (and the router as a whole)')
    .action(
      withClient(async ({ client, out, opts, signal }) => {
        const wanId = opts.conn === undefined ? undefined : connOption(opts.conn)
        out.progress('Reading the router…')
        const snapshot = await takeSnapshot(client, { signal })
        const all = diagnose(snapshot)
        const findings = wanId === undefined ? all : findingsForWan(all, wanId)
        out.result(findings, () => formatFindings(findings, snapshot, client.host))
      }),
    )
}
