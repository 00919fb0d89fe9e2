#!/usr/bin/env node
// `npm test`: the one test command. It provides what the tests need, then runs every suite:
//  1. system packages (Chromium for the UI tests, a Secret Service for the keychain tests,
//     libsecret for keytar): installed with apt on Debian as root, otherwise named exactly;
//  2. keytar built against libsecret;
//  3. the app built (CLI and browser-host tests run the built code);
//  4. vitest and Playwright inside a D-Bus session with an unlocked gnome-keyring, then the
//     Electron security lint and the strict type check;
//  5. one closing line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const APT = ['chromium', 'gnome-keyring', 'dbus-x11', 'libsecret-1-dev', 'poppler-utils']
const say = (m) => process.stderr.write(`[npm test] ${m}\n`)

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts })
  return r.status ?? 1
}

function missingPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) return APT
  return APT.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' })
    return !(r.stdout ?? '').includes('install ok installed')
  })
}

function ensureSystem() {
  const missing = missingPackages()
  if (missing.length === 0) return
  const debianRoot = existsSync('/etc/debian_version') && process.getuid?.() === 0
  if (!debianRoot) {
    say(`missing system packages: ${missing.join(' ')}`)
    say('On Debian/Ubuntu: sudo apt-get install -y chromium gnome-keyring dbus-x11 libsecret-1-dev poppler-utils')
    say('On Fedora: sudo dnf install chromium gnome-keyring dbus-x11 libsecret-devel poppler-utils; then run npm test again.')
    process.exit(1)
  }
  say(`installing ${missing.join(' ')} with apt-get`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', ...missing], { env }) !== 0) {
    say('apt-get failed; install the packages above by hand and run npm test again.')
    process.exit(1)
  }
}

function ensureKeytar() {
  try {
    require('keytar')
    return
  } catch {
    say('keytar is not built; building it against libsecret')
  }
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
  const status = existsSync(join(root, 'node_modules/keytar/package.json'))
    ? run('npm', ['rebuild', 'keytar'], { env })
    : run('npm', ['install', '--no-save', '--ignore-scripts=false', 'keytar@7.9.0'], { env })
  if (status !== 0) {
    say('keytar could not be built. Install libsecret-1-dev (Debian) or libsecret-devel (Fedora) and a C++ toolchain.')
    process.exit(1)
  }
}

function secretServiceUp() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false
  const r = spawnSync(process.execPath, ['-e', "require('keytar').findCredentials('uplink-probe').then(()=>process.exit(0),()=>process.exit(1))"], { cwd: root, timeout: 10000 })
  return r.status === 0
}

function counts(file, kind) {
  if (!existsSync(file)) return undefined
  const j = JSON.parse(readFileSync(file, 'utf8'))
  if (kind === 'vitest') return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + (j.numTodoTests ?? 0) }
  const s = j.stats ?? {}
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 }
}

function inner() {
  const outDir = join(root, 'test-results')
  mkdirSync(outDir, { recursive: true })
  const vitestJson = join(outDir, 'vitest.json')
  const pwJson = join(outDir, 'playwright.json')
  rmSync(vitestJson, { force: true })
  rmSync(pwJson, { force: true })
  say('unit and integration tests (vitest)')
  const v = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
  let p = 0
  if (existsSync(join(root, 'playwright.config.ts'))) {
    say('end-to-end tests (Playwright)')
    p = run('npx', ['playwright', 'test'], { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson } })
  }
  const total = { passed: 0, failed: 0, skipped: 0 }
  for (const c of [counts(vitestJson, 'vitest'), counts(pwJson, 'playwright')]) {
    if (!c) continue
    total.passed += c.passed
    total.failed += c.failed
    total.skipped += c.skipped
  }
  say('Electron security lint (electronegativity over the built app)')
  const lint = run(process.execPath, ['scripts/lint-security.mjs'])
  total[lint === 0 ? 'passed' : 'failed'] += 1
  // The build and vitest strip types without checking them: the strict check runs here.
  say('type check (tsc and vue-tsc, strict)')
  const types = run('npm', ['run', '--silent', 'typecheck'])
  total[types === 0 ? 'passed' : 'failed'] += 1
  const code = v !== 0 || p !== 0 || lint !== 0 || types !== 0 ? 1 : 0
  if (code !== 0 && total.failed === 0) total.failed = 1 // a suite crashed before reporting
  process.stdout.write(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`)
  process.exit(code)
}

if (process.argv.includes('--inner')) inner()

ensureSystem()
ensureKeytar()
say('building the app (electron-vite build)')
if (run('npx', ['electron-vite', 'build'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } }) !== 0) process.exit(1)

if (secretServiceUp()) {
  inner()
} else {
  say('starting a private D-Bus session with an unlocked gnome-keyring for the keychain tests')
  // A keyring folder of its own: a login keyring the user already has (with its own password)
  // would refuse the unlock, and the tests must never touch the user's real secrets.
  const keyrings = mkdtempSync(join(tmpdir(), 'uplink-keyring-'))
  const script = `echo -n uplink-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "${process.execPath}" scripts/test.mjs --inner`
  const code = run('dbus-run-session', ['--', 'sh', '-c', script], { env: { ...process.env, XDG_DATA_HOME: keyrings } })
  rmSync(keyrings, { recursive: true, force: true })
  process.exit(code)
}
