import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Three builds: the main process (Electron shell + the `uplink` CLI, which shares every
// service with it and runs under plain Node), the sandboxed preload (CommonJS, no imports
// from node_modules), and the Vue renderer.
export default defineConfig(({ mode }) => ({
  main: {
    // The dev server's URL (ELECTRON_RENDERER_URL) is trusted only in `npm run dev`: a built
    // app never loads its page from an address the environment names.
    define: { __UPLINK_DEV_SERVER__: JSON.stringify(mode === 'development') },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          cli: resolve(__dirname, 'src-main/cli/bin.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        // The browser host injects web-bridge.js (window.uplink over HTTP + WebSocket) into
        // the page; Electron's preload plays that part in the app, so the app never loads it.
        input: { index: resolve(__dirname, 'src-renderer/index.html'), 'web-bridge': resolve(__dirname, 'src-preload/web.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js') },
      },
    },
  },
}))
