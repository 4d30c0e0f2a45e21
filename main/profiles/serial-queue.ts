/**
 * Runs async tasks one after another, in call order. The profile and identity services each keep one file set
 * on disk plus a copy in memory; two imports racing through their awaits could leave the disk holding one file
 * and memory (or the other half of the pair) holding another. Every mutation goes through one queue instead.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Starts `task` once every earlier task has settled; a failed task does not stop later ones. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
