/**
 * Thrown by a command when the bench cannot run at all (no bench is running to ask, the data folder is held
 * by another bench, cfgutil is missing): `runCli` prints its sentence and exits with {@link EXIT.cannotRun}.
 */
import { EXIT } from './exit-codes';

export class BenchCannotRun extends Error {
  readonly exitCode = EXIT.cannotRun;
  constructor(readonly sentence: string) {
    super(sentence);
    this.name = 'BenchCannotRun';
  }
}
