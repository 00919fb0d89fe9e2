/**
 * `npm run bench`: every benchmark in one run, side by side, so ratios hold on a noisy
 * machine. Figures are printed and written to bench-results.json (or --out FILE).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { clientOverhead, dashboardRefresh, longSession } from './services'
import { rendererBudget, surveyOpenBudget } from './renderer'
import { surveyBudget } from './survey'

// tests/bench (from source) and out/bench (bundled) are both two levels below the root.
const ROOT = resolve(__dirname, '../..')
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : 'bench-results.json'
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined
const want = (name: string) => !only || only.includes(name)

function save(key: string, value: unknown) {
  const all = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {}
  all[key] = value
  all.machine = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) }
  writeFileSync(out, JSON.stringify(all, null, 2) + '\n')
}

async function main() {
  if (want('discovery')) {
    console.log('\n== discovery (/24 on loopback with silent addresses, vs nmap)')
    // Dominated by network timeouts, not by the code's speed: run from source.
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bench/discovery.ts'), '--out', out], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = 1
  }
  if (want('client')) {
    console.log('\n== client overhead (1,000 sequential status.wan.connection calls)')
    const r = await clientOverhead()
    console.log(r)
    save('clientOverhead', r)
  }
  if (want('dashboard')) {
    console.log('\n== dashboard refresh (the overview\'s calls, each answer delayed)')
    const r = await dashboardRefresh()
    console.log(r)
    save('dashboardRefresh', r)
  }
  if (want('session')) {
    console.log('\n== long session (3,600 signal polls)')
    const r = await longSession()
    console.log(r)
    save('longSession', r)
  }
  if (want('renderer')) {
    console.log('\n== renderer (initial JS gzip, time to interactive overview in Chromium)')
    const r = await rendererBudget()
    console.log(r)
    save('renderer', r)
  }
  if (want('survey')) {
    console.log('\n== survey (8 hours at 1 s, fast-forwarded: CPU per sample, file size, open, export)')
    const { recording, ...r } = await surveyBudget(Number(process.env.SURVEY_SAMPLES ?? 28_800))
    console.log(r)
    console.log('\n== survey in the app (that recording opened and drawn in Chromium through the browser host)')
    const ui = await surveyOpenBudget(recording)
    console.log(ui)
    save('survey', { ...r, openInApp: ui })
    rmSync(resolve(recording, '../../..'), { recursive: true, force: true })
  }
  console.log(`\nFigures written to ${out}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
