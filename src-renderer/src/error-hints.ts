/** What a technician can try next, per error kind; shown under main's own sentence. */
import type { ErrorKind } from '../../src-preload/contract'

const HINTS: Record<ErrorKind, string> = {
  validation: 'Check the highlighted field and try again.',
  certificate: 'Make sure the laptop is plugged into the right router, then check its certificate on site before trusting it.',
  authentication: "Check the user name and password (the router's web admin login, not the Wi-Fi key), or the client id and secret.",
  permission: 'Log in with an account that has read-write access, or ask the network owner for one.',
  unsupported: "This router's firmware does not offer this. Updating the firmware may add it.",
  device: 'The router reported a problem. Wait a moment and try again; if it persists, restart the router.',
  network: "Check the cable or Wi-Fi to the router, the address and port, and that the laptop has an address in the router's LAN.",
  protocol: 'The router answered in an unexpected way. Check it is a Peplink / Pepwave router with firmware 7 or later.',
  cancelled: 'It was cancelled. Start it again when you are ready.',
  'not-found': 'Refresh the device list or connect again, then retry.',
  keychain: 'Unlock or set up the system keychain to remember passwords; until then they are kept for this session only.',
  internal: 'Try again. If it keeps happening, restart Uplink.',
}

/** The "what to try" sentence for an error kind. */
export function hintFor(kind: ErrorKind): string {
  return HINTS[kind] ?? HINTS.internal
}
