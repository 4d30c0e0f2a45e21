/**
 * The records as a virtualised table: only the rows in view (plus a few) are in the DOM, so 100,000 records
 * scroll as smoothly as ten. Rows whose page has not arrived yet show as loading and are asked for. When
 * the log grows while the operator has scrolled down, the view moves with the rows it shows (new records
 * come in at the top, above them); at the top, the new records simply appear.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { TRAINING_PROFILE_IDENTIFIER } from '../../preload/domain';
import type { LogRecord } from '../../preload/log-domain';
import { formatDuration, formatWhen, outcomeLabels } from './log-format';

export const ROW_HEIGHT = 44;

const columns = [
  'Finished',
  'Outcome',
  'Serial number',
  'Device name',
  'Model',
  'Time',
  'Port',
  'Station',
  'Problem',
];

export interface LogListProps {
  readonly total: number;
  readonly recordAt: (index: number) => LogRecord | undefined;
  readonly ensure: (start: number, end: number) => void;
  /** The log grew by `rows` records in front of the list (a live re-read); a new `id` each time. */
  readonly grown?: { readonly id: number; readonly rows: number } | undefined;
}

function cells(record: LogRecord): string[] {
  return [
    formatWhen(record.finishedAt),
    // A row from the training profile (simulator only) never passes for a real enrollment.
    record.profileIdentifier === TRAINING_PROFILE_IDENTIFIER
      ? `${outcomeLabels[record.outcome]} (training)`
      : outcomeLabels[record.outcome],
    record.serialNumber ?? '—',
    record.finalName ?? '—',
    record.model ?? record.deviceType ?? '—',
    formatDuration(record.durationMs),
    record.portLabel ?? '—',
    record.stationName,
    record.errorMessage ?? record.errorCode ?? '',
  ];
}

export function LogList({ total, recordAt, ensure, grown }: LogListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Before paint, so the rows the operator was reading never jump.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !grown || grown.rows <= 0 || element.scrollTop <= 0) return;
    element.scrollTop += grown.rows * ROW_HEIGHT;
    // Only a new re-read moves the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [grown?.id]);
  // The virtualizer's functions are not memoisable; this component re-renders with it, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensure(start, end);
  }, [ensure, start, end, total]);

  return (
    <div className="log-table" role="table" aria-label="Bench log" aria-rowcount={total + 1}>
      <div role="rowgroup">
        <div className="log-row log-head" role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <span key={c} role="columnheader">
              {c}
            </span>
          ))}
        </div>
      </div>
      {/* The scroller is the records' row group, focusable so the keyboard can scroll it. */}
      <div
        className="log-scroll"
        ref={scroller}
        tabIndex={0}
        role="rowgroup"
        aria-label="Records, newest first"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const record = recordAt(item.index);
            return (
              <div
                key={item.key}
                className={`log-row${record ? ` outcome-${record.outcome}` : ' loading'}`}
                role="row"
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {record ? (
                  cells(record).map((text, i) => (
                    <span key={columns[i]} role="cell" title={text}>
                      {text}
                    </span>
                  ))
                ) : (
                  <span role="cell">Loading…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
