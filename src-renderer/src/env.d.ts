/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface Window {
  /** Set by Electron's preload or the browser host's web bridge; only stores use it (via ipc.ts). */
  uplink: import('../../src-preload/contract').UplinkBridge
}
