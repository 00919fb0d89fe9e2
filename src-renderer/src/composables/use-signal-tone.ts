/**
 * The alignment tone: a quiet sine whose pitch rises with signal quality (220 Hz at worst,
 * 880 Hz at best), so the technician can turn the antenna without watching the screen.
 * Off by default; silent while there is no reading.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

const LOW_HZ = 220
const HIGH_HZ = 880
const VOLUME = 0.06

/** Pitch in Hz for a quality 0..1. */
export function toneFrequency(quality: number): number {
  return LOW_HZ + Math.min(1, Math.max(0, quality)) * (HIGH_HZ - LOW_HZ)
}

/** A tone that follows `quality`; `toggle()` turns it on and off. */
export function useSignalTone(quality: Ref<number | undefined>) {
  const on = ref(false)
  const supported = typeof window !== 'undefined' && typeof window.AudioContext === 'function'
  let ctx: AudioContext | undefined
  let osc: OscillatorNode | undefined
  let gain: GainNode | undefined

  function update() {
    if (!ctx || !osc || !gain) return
    const q = quality.value
    const t = ctx.currentTime
    gain.gain.setTargetAtTime(q === undefined ? 0 : VOLUME, t, 0.05)
    if (q !== undefined) osc.frequency.setTargetAtTime(toneFrequency(q), t, 0.08)
  }

  function start() {
    ctx = new AudioContext()
    osc = ctx.createOscillator()
    gain = ctx.createGain()
    osc.type = 'sine'
    gain.gain.value = 0
    osc.connect(gain).connect(ctx.destination)
    osc.start()
    update()
  }

  function stop() {
    try {
      osc?.stop()
    } catch {
      // Already stopped.
    }
    void ctx?.close().catch(() => undefined)
    ctx = osc = gain = undefined
  }

  /** Turns the tone on or off. */
  function toggle() {
    if (!supported) return
    on.value = !on.value
    if (on.value) start()
    else stop()
  }

  watch(quality, update)
  onBeforeUnmount(stop)
  return { on, supported, toggle }
}
