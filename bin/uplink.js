#!/usr/bin/env node
// Runs the built CLI (npm run build). During development use `npm run cli -- …`.
require('../out/main/cli.js')
