// Loaded into each soak instance (node --expose-gc --import this): on SIGUSR2 a full garbage
// collection, then one line with the memory left after it. Resident memory read at an arbitrary
// moment mostly says how much heap V8 chose to keep reserved (it grows the heap under load and
// gives it back when it likes); after a full collection what is left is what the process holds,
// which is what a leak grows. The soak compares these readings (test/soak/run.ts).
process.on('SIGUSR2', () => {
  globalThis.gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  process.stdout.write(`soak-memory ${JSON.stringify({ rss, heapUsed, external })}\n`);
});
