/**
 * How long a sweep waits on a silent address, learnt as it goes, as nmap does: every address
 * that answers (a connect accepted, or refused with a reset) is a measured round trip, and the
 * wait for the others shrinks to a few times the slowest round trip seen, never below a floor.
 *
 * The floor, 300 ms: a router on the LAN answers a TCP connect in a few milliseconds over cable
 * and in 2 to 50 ms over Wi-Fi; a busy 2.4 GHz link has round trips of 100 to 200 ms at its
 * worst. 300 ms stays above that, and the wait never falls below three times the slowest round
 * trip measured, so a slow link lengthens it by itself. An address waited on for less than a
 * second (the kernel's own SYN retransmission time) gets a second attempt, as nmap sends a
 * retransmission, so one lost SYN does not hide a router. Until the first answer, the wait is
 * the full connect timeout (1,500 ms by default).
 */
export const MIN_CONNECT_TIMEOUT_MS = 300
/** Linux's initial SYN retransmission timeout: a wait shorter than this saw one SYN only. */
export const KERNEL_SYN_RETRY_MS = 1000

export class ConnectTiming {
  private slowest = 0
  private srtt: number | undefined
  private rttvar = 0
  private current: number
  private count = 0
  private readonly listeners = new Set<() => void>()

  /**
   * @param maxMs the wait before anything answered, and the most it ever is
   * @param minMs the floor (MIN_CONNECT_TIMEOUT_MS unless a test says otherwise)
   * @param adaptive false keeps the wait at maxMs (a fixed timeout, as asked)
   */
  constructor(private readonly maxMs: number, private readonly minMs = MIN_CONNECT_TIMEOUT_MS, private readonly adaptive = true) {
    this.current = maxMs
  }

  /** The wait in force now, in ms. */
  get timeoutMs(): number {
    return this.current
  }

  /** Round trips measured so far. */
  get samples(): number {
    return this.count
  }

  /** A round trip measured: a connect accepted or refused after `ms`. */
  observe(ms: number): void {
    if (!this.adaptive || !Number.isFinite(ms) || ms < 0) return
    this.count++
    this.slowest = Math.max(this.slowest, ms)
    // RFC 6298's smoothing, as TCP and nmap use it.
    if (this.srtt === undefined) {
      this.srtt = ms
      this.rttvar = ms / 2
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - ms)
      this.srtt = 0.875 * this.srtt + 0.125 * ms
    }
    const next = Math.round(Math.min(this.maxMs, Math.max(this.minMs, this.srtt + 4 * this.rttvar, 3 * this.slowest)))
    if (next !== this.current) {
      this.current = next
      for (const fn of this.listeners) fn()
    }
  }

  /** Calls `fn` whenever the wait changes; returns the unsubscribe. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }
}
