/**
 * `uplink call <endpoint> [--post] [json]`: a raw call through the same client (validation,
 * firmware checks, re-login), printing the router's raw response.
 */
import type { Command } from 'commander'
import { ENDPOINTS, type EndpointKey } from '../../peplink/endpoints'
import { withClient } from '../run-with-client'
import { UsageError } from '../exit-codes'

/** Adds `call`. */
export function registerCallCommand(program: Command): void {
  program
    .command('call')
    .description('call any endpoint of the API reference by name; prints the raw response')
    .argument('<endpoint>', 'e.g. status.wan.connection')
    .argument('[json]', 'parameters as JSON, e.g. \'{"id":[1,2]}\'')
    .option('--post', 'use POST (default GET, unless the endpoint only has POST)')
    .action(withClient(async ({ client, out, opts, signal }, endpoint, json) => {
      const method = opts.post ? 'POST' : ENDPOINTS[`GET ${endpoint}` as EndpointKey] ? 'GET' : 'POST'
      const key = `${method} ${endpoint}` as EndpointKey
      if (!ENDPOINTS[key]) throw new UsageError(`"${method} ${endpoint}" is not in the API reference. Known: ${Object.keys(ENDPOINTS).join(', ')}.`)
      let params: unknown = {}
      if (json) {
        try {
          params = JSON.parse(json)
        } catch {
          throw new UsageError('The parameters are not valid JSON.')
        }
      }
      const r = await client.call(key, params as never, { signal })
      out.result(r.raw ?? null, () => JSON.stringify(r.raw ?? null, null, 2))
    }))
}
