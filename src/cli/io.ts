/** Where a command writes: the CLI passes process streams, tests pass buffers. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
