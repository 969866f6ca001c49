/** Where a command writes: the CLI passes process streams, tests pass buffers. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A progress reporter on stderr, when stderr is a terminal; absent otherwise. */
  progress?(unit: string): { update(done: number, total?: number): void; done(): void } | undefined;
}
