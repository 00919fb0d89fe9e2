/**
 * The app's user-data folder, computed the way Electron's app.getPath('userData') does, so
 * the app, the browser host and the CLI share saved devices and pins without Electron loaded.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Per-user folder for Uplink's data; UPLINK_STATE_DIR overrides it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.UPLINK_STATE_DIR) return env.UPLINK_STATE_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Uplink')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Uplink')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Uplink')
}
