// Preloaded into a server process by a test (node --import): on SIGUSR2 the process meets an error
// nothing catches, the way postgres.js's null-socket write did (thrown from a setImmediate), or an
// unhandled rejection when POORT_TEST_FAILURE=rejection. Never part of the application.
process.on('SIGUSR2', () => {
  if (process.env.POORT_TEST_FAILURE === 'rejection') {
    void Promise.reject(new Error('connect failed for postgres://poort:hunter2-secret@db.internal:5432/poort'));
    return;
  }
  setImmediate(() => {
    const socket = null;
    // Reads a property of null like the driver did; the URL shows that credentials are masked.
    socket.write(`postgres://poort:hunter2-secret@db.internal:5432/poort`);
  });
});
