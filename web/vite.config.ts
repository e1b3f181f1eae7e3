import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: built to web/dist, which the server serves at `/`. In development run
 * `npm run web:dev` next to `npm start`: Vite proxies /api to the server on :3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // React and the charts change rarely: own chunks, long cached. Ant Design is left to the
        // bundler, which splits it by page, so the login screen does not load the table or pickers.
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler') || id.includes('node_modules/@tanstack')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
