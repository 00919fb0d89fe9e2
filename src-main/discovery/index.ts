/** Discovery: typed targets -> Peplink routers found on the LAN. */
export { parseTargets, DEFAULT_PORTS, MAX_ADDRESSES, MAX_TARGETS } from './targets'
export { suggestTargets, parseRouteTable, readRouteTable } from './suggest'
export { discover, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_ANSWER_TIMEOUT_MS, DEFAULT_CONCURRENCY, DEFAULT_HTTP_PORTS } from './sweep'
export type { Target, FoundRouter, Suggestion, DiscoveryProgress, DiscoverOptions } from './types'
