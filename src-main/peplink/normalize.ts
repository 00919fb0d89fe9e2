/**
 * Firmware variants -> one normalised model (model.ts). One pure function per endpoint
 * answer, `(raw) => Model`, each throwing only ProtocolError when the answer's overall shape
 * is unusable. The functions live in ./normalize/, one file per family of endpoints.
 */
export { normalizeWanStatus, wanType } from './normalize/wan-status'
export { normalizeSignal, signalReportsFromWans } from './normalize/signal'
export { normalizeAllowance } from './normalize/allowance'
export {
  normalizeCarrierScan, normalizeChannelPciScan, normalizeSimSelection, normalizeSms, normalizeUssd,
} from './normalize/cellular-ops'
export { normalizeWifiScan, normalizeWifiResult, normalizeClients } from './normalize/wifi'
export { normalizePepVpn } from './normalize/pepvpn'
export {
  normalizeFirmware, parseFirmwareVersion, normalizeLocation, normalizeLanProfiles, normalizeGpio,
  normalizeAccessPoint, normalizeWanPriority, normalizeConfigApply,
} from './normalize/device'
export { normalizeSsidProfiles, normalizeSsidProfileSecrets } from './normalize/ssid'
export { normalizeWanConfig } from './normalize/wan-config'
export {
  normalizeLogin, normalizeTokenGrant, normalizeAuthClients, normalizeCreatedAuthClient, normalizeAccessTokens,
  accessTokenRef, type AccessTokenListing,
} from './normalize/auth'
export { gradeRsrp, gradeRsrq, gradeSinr, gradeRssi, gradeBand, worstGrade, wifiLevelFromDbm } from './signal-grade'
