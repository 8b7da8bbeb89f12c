// `npm run test:container`: builds the image with podman and starts it (minutes, and needs podman,
// mmdebstrap and root or user namespaces), so it is not part of `npm test`; see docs/development.md.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'container', include: ['test/container/**/*.test.ts'], testTimeout: 20 * 60_000, hookTimeout: 20 * 60_000 },
});
