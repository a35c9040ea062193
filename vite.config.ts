import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const apiTarget = 'http://127.0.0.1:8080';

// Buyers on rural mobile networks should never download the desktop console kit (antd) and
// vice versa, so each UI kit gets its own chunk next to a small shared framework chunk.
const vendorGroups = [
  {
    // Small helpers both kits use live here too, or one kit's chunk would import the other's.
    name: 'react',
    test: /node_modules[\\/](react|react-dom|react-is|scheduler|react-router|use-sync-external-store|@babel[\\/]runtime|tslib|classnames|clsx)[\\/]/,
    priority: 40,
  },
  {
    name: 'antd-mobile',
    test: /node_modules[\\/](antd-mobile|antd-mobile-icons|@react-spring|@use-gesture|rc-util|rc-field-form|ahooks)[\\/]/,
    priority: 30,
  },
  {
    // The admin table alone is a third of antd; entry-aware splitting keeps it out of the other consoles.
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
    priority: 20,
    entriesAware: true,
    minSize: 20_000,
  },
  {
    // Only what every page boots with; a catch-all vendor group would drag the kits' own
    // dependencies (stylis, floating-ui…) into the first download.
    name: 'vendor',
    test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|@tanstack)[\\/]/,
    priority: 10,
  },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      // The trace page is rendered by the node, not by the web app.
      '/trace': { target: apiTarget },
      '/ws': { target: apiTarget, ws: true },
      // Live video (HTTP-FLV, WebSocket-FLV, HLS) and recordings, served by the node's media plane.
      '/media': { target: apiTarget, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget },
      '/trace': { target: apiTarget },
      '/ws': { target: apiTarget, ws: true },
      '/media': { target: apiTarget, ws: true },
    },
  },
});
