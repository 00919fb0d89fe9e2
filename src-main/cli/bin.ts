/** Process entry of the `uplink` command (bundled to out/main/cli.js). */
import { run } from './main'

void run(process.argv).then((code) => {
  if (code !== 0) process.exitCode = code
})
