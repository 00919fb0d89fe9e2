/**
 * `uplink wifi scan|connect|result|disconnect|forget`: Wi-Fi as WAN.
 */
import type { Command } from 'commander'
import { connectWifi, disconnectWifi, explainWifiResult, forgetWifi, scanWifi, type SecurityPolicy } from '../../workflows/wifi'
import { table } from '../output'
import { connOption, waitOptions, withClient } from '../run-with-client'
import { UsageError } from '../exit-codes'
import { readStdin } from '../connection'

const POLICIES = ['open', 'wep', 'wpa-psk', 'wpa-eap', '8021x']
function policy(v: unknown): SecurityPolicy {
  if (!POLICIES.includes(String(v))) throw new UsageError(`--security must be one of ${POLICIES.join(', ')} (got "${String(v ?? '')}").`)
  return v as SecurityPolicy
}

/** Adds `wifi`. */
export function registerWifiCommands(program: Command): void {
  const wifi = program.command('wifi').description('Wi-Fi as WAN')
  wifi
    .command('scan')
    .requiredOption('--conn <n>', 'Wi-Fi WAN id')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await scanWifi(client, { connId: connOption(opts.conn) }, { signal })
      out.result(r, () => table(['SSID', 'BSSID', 'CH', 'SECURITY', 'dBm', 'BARS', ''], r.map((n) => [n.ssid, n.bssid, n.channel, n.securityPolicy, n.signalStrength, n.signalLevel, [n.connected ? 'connected' : n.inUse ? 'in use' : '', n.profileId !== undefined ? 'saved' : ''].filter(Boolean).join(', ')])))
    }))
  wifi
    .command('connect')
    .requiredOption('--conn <n>', 'Wi-Fi WAN id')
    .requiredOption('--ssid <ssid>', 'network name')
    .requiredOption('--security <policy>', POLICIES.join(' | '))
    .option('--key-stdin', 'read the WEP / WPA key from standard input')
    .option('--login <id>', 'EAP login')
    .option('--eap-method <TTLS|PEAP>', 'EAP method')
    .option('--eap-phase2 <method>', 'CHAP | MSCHAP | MSCHAPV2 | PAP')
    .option('--eap-identity <id>', 'outer identity (anonymous, credentials or a name)')
    .option('--bssid <mac>', 'preferred BSSID')
    .option('--wait', 'wait for the final result (default: yes)', true)
    .addHelpText('after', '\nThe key (WEP/WPA-PSK) or EAP password comes from UPLINK_WIFI_KEY or --key-stdin, never the command line.')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const securityPolicy = policy(opts.security)
      let secret = process.env.UPLINK_WIFI_KEY
      if (opts.keyStdin) secret = await readStdin()
      const eap = securityPolicy === 'wpa-eap' || securityPolicy === '8021x'
      const r = await connectWifi(client, {
        connId: connOption(opts.conn),
        ssid: String(opts.ssid),
        securityPolicy,
        key: eap || securityPolicy === 'open' ? undefined : secret,
        loginId: eap ? (opts.login as string | undefined) : undefined,
        password: eap ? secret : undefined,
        eapMethod: opts.eapMethod as 'TTLS' | 'PEAP' | undefined,
        eapPhase2: opts.eapPhase2 as 'MSCHAPV2' | undefined,
        eapAuthenticationId: opts.eapIdentity as string | undefined,
        preferredBssid: opts.bssid as string | undefined,
      }, waitOptions(ctx))
      out.result(r, () => r.explanation)
      if (!r.connected) process.exitCode = 5
    }))
  wifi
    .command('result')
    .requiredOption('--conn <n>', 'Wi-Fi WAN id')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await client.api.wifiResult({ connId: connOption(opts.conn) }, { signal })
      out.result(r, () => `${r.result}: ${explainWifiResult(r)}`)
    }))
  wifi
    .command('disconnect')
    .requiredOption('--conn <n>', 'Wi-Fi WAN id')
    .option('--ssid <ssid>', 'only if connected to this SSID')
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await disconnectWifi(client, { connId: connOption(opts.conn), ssid: opts.ssid as string | undefined }, { signal })
      out.result(r, () => r.summary)
    }))
  wifi
    .command('forget')
    .requiredOption('--conn <n>', 'Wi-Fi WAN id')
    .requiredOption('--ssid <ssid>', 'network name')
    .requiredOption('--security <policy>', POLICIES.join(' | '))
    .action(withClient(async (ctx) => {
      const { client, out, opts, signal } = ctx
      const r = await forgetWifi(client, { connId: connOption(opts.conn), ssid: String(opts.ssid), securityPolicy: policy(opts.security) }, { signal })
      out.result(r, () => r.summary)
    }))
}
