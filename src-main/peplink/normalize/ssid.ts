/**
 * `config.ssid.profile` (GET and POST) -> SsidProfile[] without keys, and, separately, the
 * keys themselves for the one screen that reveals a key on request.
 */
import type { SsidProfile, SsidProfileSecret } from '../model'
import { bool, compact, int, isObj, isSet, keyId, listMap, num, str, text, type Obj } from './read'

const ENDPOINT = 'config.ssid.profile'

// WPA2 Personal keeps its settings under `wpa2Personal`, WPA/WPA2 Personal under `wpaWpa2Personal`.
function personal(o: Obj): Obj[] {
  const sec = isObj(o.security) ? o.security : {}
  return [sec.wpa2Personal, sec.wpaWpa2Personal, sec].filter(isObj)
}

function entries(raw: unknown): { id: number; value: Obj }[] {
  return listMap(raw, ENDPOINT).flatMap(({ key, value }) => {
    const id = keyId(key) ?? int(value.id)
    return id === undefined ? [] : [{ id, value }]
  })
}

/** Normalises `config.ssid.profile`; the WPA key never enters the model (see hasKey). */
export function normalizeSsidProfiles(raw: unknown): SsidProfile[] {
  return entries(raw).map(({ id, value: o }) => {
    const sec = isObj(o.security) ? o.security : {}
    const wpa2 = isObj(sec.wpa2Personal) ? sec.wpa2Personal : undefined
    return compact({
      id,
      name: str(o.name) ?? '',
      enable: bool(o.enable) ?? false,
      vlanId: num(o.vlanId),
      broadcast: bool(o.broadcast),
      // The reference's table spells it "capturePortal"; its examples say "captivePortal".
      captivePortal: bool(o.captivePortal) ?? bool(o.capturePortal),
      incontrolManaged: bool(o.incontrolManaged),
      securityPolicy: text(sec.policy),
      hasKey: personal(o).some((p) => isSet(p.key)),
      fastTransition: wpa2 ? bool(wpa2.fastTransition) : undefined,
    })
  })
}

/** The SSID keys of the same answer. Main process only: for the explicit "show key" action. */
export function normalizeSsidProfileSecrets(raw: unknown): SsidProfileSecret[] {
  return entries(raw).map(({ id, value }) => {
    const key = personal(value).map((p) => p.key).find((k): k is string => typeof k === 'string' && k !== '')
    return compact({ id, key })
  })
}
