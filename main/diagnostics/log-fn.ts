/**
 * The one logging interface every service is injected with. `message` is a stable event name
 * (`server.refused`, `cfgutil.choose-refused`); `detail` carries the structured fields. The sink
 * (./diagnostics-log.ts) sanitises both and writes one JSON line per record.
 */
export type LogFn = (message: string, detail?: unknown) => void;
