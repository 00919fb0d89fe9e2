/** The Electron binary's path, or undefined when none is installed (see electron-binary.cjs). */
export function electronBinary(): string | undefined
/** Fetches the binary with Electron's install script; undefined on success, else why not. */
export function fetchElectronBinary(options: { stallMs: number; installScript?: string }): Promise<string | undefined>
