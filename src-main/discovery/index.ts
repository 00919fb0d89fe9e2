/** Discovery: typed targets -> Peplink routers found on the LAN. */
export { parseTargets, addressCount, DEFAULT_PORTS, MAX_ADDRESSES, MAX_TARGETS, LARGE_SWEEP_ADDRESSES } from './targets'
export { suggestTargets, parseRouteTable, readRouteTable } from './suggest'
export { discover, sweepEstimate, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_ANSWER_TIMEOUT_MS, DEFAULT_CONCURRENCY, LARGE_CONCURRENCY, DEFAULT_HTTP_PORTS } from './sweep'
export { MIN_CONNECT_TIMEOUT_MS } from './rtt'
export type { Target, FoundRouter, Suggestion, DiscoveryProgress, DiscoverOptions } from './types'
