/** The Electron binary's path, or undefined when none is installed (see electron-binary.cjs). */
export function electronBinary(): string | undefined
