import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The runtime API listens on :3000; the dev server forwards to it so the app uses relative URLs everywhere.
const runtime = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/v1': runtime,
      '/health': runtime,
      '/socket.io': { target: runtime, ws: true },
    },
  },
});
