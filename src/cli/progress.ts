/** A one-line progress indicator on stderr (only used when stderr is a terminal). */
export function terminalProgress(unit: string): { update(done: number, total?: number): void; done(): void } {
  let last = 0;
  return {
    update(done: number, total?: number) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      if (total) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(0)} % ${done.toLocaleString('en-US')} ${unit}`,
        );
      } else {
        process.stderr.write(`\r${done.toLocaleString('en-US')} ${unit}`);
      }
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
