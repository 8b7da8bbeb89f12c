// Loaded into a server process the bench starts (node --import): on SIGUSR2 the process prints
// its own process.cpuUsage() (all its threads, libuv's argon2 workers included), so the bench
// can tell the CPU time one run cost that process alone.
process.on('SIGUSR2', () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`cpu-usage ${user} ${system}\n`);
});
