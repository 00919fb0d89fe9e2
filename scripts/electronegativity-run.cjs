// Runs electronegativity (the Electron security linter) through its programmatic runner, offline.
// - Not its CLI: the CLI writes its CSV header and its findings with two racing async writes,
//   so the header can overwrite the first finding (seen in CI), and it needs commander v6.
// - Offline: the linter fetches translations and Electron's release list from GitHub on every
//   run. Nothing may leave this machine at test time, so `got` is replaced, for the linter's
//   files only, by one that fails at once (the linter then uses its bundled English texts), and
//   the release-list check is left out (it reports Electron versions with security fixes
//   available, which `npm outdated` and the pinned electron version already cover).
const Module = require('node:module')
const path = require('node:path')

const linterDir = `${path.sep}@doyensec${path.sep}electronegativity${path.sep}`
const offline = () => Promise.reject(new Error('offline: Uplink lints without network'))
offline.head = offline
offline.get = offline
const load = Module.prototype.require
Module.prototype.require = function (request, ...rest) {
  if (request === 'got' && this.filename && this.filename.includes(linterDir)) return offline
  return load.call(this, request, ...rest)
}

/**
 * Lints a built app folder; resolves to its findings.
 * @param {string} input folder (out/)
 * @param {string} electronVersion the pinned electron version
 * @returns {Promise<{ id: string, severity: string, confidence: string, file: string, line: number, message: string }[]>}
 */
async function lint(input, electronVersion) {
  const run = require('@doyensec/electronegativity/dist/runner.js')
  const log = console.log
  // The runner prints its "could not retrieve translations" notice; it is expected offline.
  console.log = (...args) => (/translations/i.test(String(args[0])) ? undefined : log(...args))
  try {
    const result = await run({
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: [],
    })
    const fatal = result.errors.filter((e) => !e.tolerable)
    if (fatal.length) throw new Error(`electronegativity could not parse: ${fatal.map((e) => `${e.file}: ${e.message}`).join('; ')}`)
    return result.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location?.line ?? 0, message: i.description }))
  } finally {
    console.log = log
  }
}

module.exports = { lint }
