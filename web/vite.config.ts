import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The operator portal: a static single-page app served by `npm start` locally and by CloudFront on AWS. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // DSFR fonts and icons are bundled from npm as hashed assets: nothing is loaded from a CDN.
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, reportCompressedSize: false },
});
