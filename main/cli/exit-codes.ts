/**
 * The exit codes of every `enroll-bench` command, in one place so scripts can rely on them and the help,
 * the README and the commands cannot drift apart.
 */
export const EXIT = {
  /** Everything asked was done: every device succeeded or was already done. */
  ok: 0,
  /** Some device failed, or what was asked was refused (the message says why). */
  failed: 1,
  /** The command line is wrong: an unknown command or option, a missing or bad value. */
  usage: 2,
  /** Nothing failed, but some device waits for a person (unlock it, tap Trust, approve the profile…). */
  waiting: 3,
  /** The bench could not run: no cfgutil, the data folder unusable (full, read-only), another bench holds it, or no bench is running. */
  cannotRun: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** For `enroll-bench help` and the README: the code and its meaning, in the order a script checks them. */
export const exitCodeLines: readonly string[] = [
  `${EXIT.ok}  all succeeded or were already done`,
  `${EXIT.failed}  some failed (or the request was refused)`,
  `${EXIT.usage}  usage error (unknown command or option, bad value)`,
  `${EXIT.waiting}  some wait for a person (unlock, Trust, approve the profile…)`,
  `${EXIT.cannotRun}  the bench could not run (no cfgutil, data folder unusable, another bench holds it, no bench running)`,
];
