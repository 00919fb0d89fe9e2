#!/usr/bin/env node
// Runs electronegativity (the Electron security linter). Its published build requires
// `commander` without declaring it and needs the v6 API; our CLI uses commander 14. This
// points only electronegativity's require('commander') at the v6 copy installed as an alias.
const Module = require('node:module')
const path = require('node:path')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'commander' && parent && parent.filename.includes(`${path.sep}@doyensec${path.sep}electronegativity${path.sep}`)) request = 'commander-v6'
  return resolve.call(this, request, parent, ...rest)
}
require('@doyensec/electronegativity/dist/index.js')
