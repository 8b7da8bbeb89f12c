// Runs at most `slots` tasks at once; the others start in the order they came, as slots free up.
export function concurrencyLimit(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return (task) => {
    const start = () => Promise.resolve().then(task).finally(release);
    if (running < slots) {
      running++;
      return start();
    }
    return new Promise<void>((resolve) => waiting.push(resolve)).then(start);
  };
}
