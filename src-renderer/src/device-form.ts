/** The values the add / edit form works with. */
export interface DeviceFormValues {
  name: string
  host: string
  port: number
  scheme: 'https' | 'http'
  authMethod: 'admin' | 'client'
  username: string
  clientId: string
}

/** What the technician typed in the address field, split into its parts. */
export type ParsedAddress = { host: string; port?: number; scheme?: 'https' | 'http' } | { error: string }

/**
 * Reads an address as typed or pasted: "192.168.50.1", "127.0.0.1:20443", "[fe80::1]:8443",
 * "fe80::1", "router.local:8080" or a URL such as "https://192.168.50.1:8443/admin".
 * The port and scheme it names are returned so the form can fill those fields.
 */
export function parseAddress(text: string): ParsedAddress {
  let rest = text.trim()
  let scheme: 'https' | 'http' | undefined
  const url = /^(https?):\/\//i.exec(rest)
  if (url) {
    scheme = url[1]!.toLowerCase() as 'https' | 'http'
    rest = rest.slice(url[0].length)
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    return { error: 'Only https:// or http:// addresses are router addresses.' }
  }
  rest = rest.replace(/[/?#].*$/, '')
  const at = rest.lastIndexOf('@')
  if (at >= 0) rest = rest.slice(at + 1)
  let host = rest
  let portText: string | undefined
  const v6 = /^\[([0-9a-f:.%]+)\](?::(\d*))?$/i.exec(rest)
  if (v6) {
    host = v6[1]!
    portText = v6[2]
  } else if ((rest.match(/:/g) ?? []).length === 1) {
    ;[host, portText] = rest.split(':') as [string, string]
  }
  if (!host) return { error: "Enter the router's address, for example 192.168.50.1." }
  if (!/^[A-Za-z0-9.\-:%]+$/.test(host)) return { error: 'Use an IP address or host name, for example 192.168.50.1 or 192.168.50.1:8443.' }
  if (portText !== undefined && portText !== '') {
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) return { error: `${portText} is not a port: use a number from 1 to 65535.` }
    return { host, port, ...(scheme ? { scheme } : {}) }
  }
  return { host, ...(scheme ? { scheme, port: scheme === 'https' ? 443 : 80 } : {}) }
}

/** A saved router at the same address and port, if there is one (the form warns, it does not refuse). */
export function sameAddress<T extends { id: string; name: string; host: string; port: number }>(list: readonly T[], host: string, port: number, except?: string): T | undefined {
  const norm = (h: string) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return list.find((d) => d.id !== except && norm(d.host) === norm(host) && d.port === port)
}
