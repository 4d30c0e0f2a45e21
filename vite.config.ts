import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer, built to dist/renderer and loaded by Electron (file://) or the headless server (http). */
export const config = defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});

export default config;
