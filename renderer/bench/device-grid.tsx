import { useEffect, useState } from 'react';
import type { Device } from '../../preload/domain';
import { useBench, useBenchStore } from '../state/bench-store';
import { ConnectedDeviceCard } from './connected-device-card';
import { GridToolbar, focusCard } from './grid-toolbar';
import { findDevices, nextNeedingYou, type GridSort, type StateFilter } from './grid-finder';

/** Above this many devices the cards go compact so a cart of 40 fits a 1280×800 screen. */
export const compactThreshold = 12;
/** From this many devices the grid has its toolbar: search, filter, order, next device that needs you. */
export const toolbarThreshold = 7;

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * Devices ordered by port, so each card keeps its place while others come and go and the grid matches the
 * physical hub layout ("Port 10" after "Port 9").
 */
export function sortByPort(devices: readonly Device[]): Device[] {
  return [...devices].sort(
    (a, b) =>
      collator.compare(a.portLabel ?? '\uffff', b.portLabel ?? '\uffff') ||
      a.attachedAt - b.attachedAt ||
      a.ecid.localeCompare(b.ecid),
  );
}

/** The grid follows the device list only; each card follows its own job (see ConnectedDeviceCard). */
export function DeviceGrid() {
  const devices = useBench((s) => s.devices);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<StateFilter>('all');
  const [sort, setSort] = useState<GridSort>('port');
  const query = { search, filter, sort };
  // The shown ECIDs as one string: the grid re-renders when the list changes, not on every job's progress.
  const shownKey = useBench((s) =>
    findDevices(sortByPort(s.devices), s.jobs, query)
      .map((d) => d.ecid)
      .join(' '),
  );
  const needing = useBench(
    (s) => s.devices.filter((d) => s.jobs[d.ecid]?.phase === 'waiting-for-operator').length,
  );
  const store = useBenchStore();
  const byEcid = new Map(devices.map((d) => [d.ecid, d] as const));
  const shown = shownKey === '' ? [] : shownKey.split(' ').flatMap((ecid) => byEcid.get(ecid) ?? []);
  const compact = devices.length > compactThreshold;
  const [lastFocused, setLastFocused] = useState<string>();
  const goNext = () => {
    const state = store.getState();
    const order = findDevices(sortByPort(state.devices), state.jobs, { search: '', filter: 'all', sort });
    const next = nextNeedingYou(order, state.jobs, lastFocused);
    if (next === undefined) return;
    // A device hidden by the search or the filter is shown again: the way on must never be hidden.
    if (!shownKey.split(' ').includes(next)) {
      setSearch('');
      setFilter('all');
    }
    setLastFocused(next);
    requestAnimationFrame(() => focusCard(next));
  };
  useEffect(() => {
    // "n" anywhere but in a text field: the next device that needs you (the button says so too).
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== 'n' || event.metaKey || event.ctrlKey || event.altKey) return;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      goNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <>
      {devices.length >= toolbarThreshold && (
        <GridToolbar
          search={search}
          filter={filter}
          sort={sort}
          needing={needing}
          shown={shown.length}
          total={devices.length}
          onSearch={setSearch}
          onFilter={setFilter}
          onSort={setSort}
          onNext={goNext}
        />
      )}
      <ul className={`device-grid${compact ? ' compact' : ''}`} aria-label="Attached devices">
        {shown.map((device) => (
          <li key={device.ecid}>
            <ConnectedDeviceCard ecid={device.ecid} compact={compact} />
          </li>
        ))}
      </ul>
      {shown.length === 0 && devices.length > 0 && (
        <p className="grid-nothing">No device matches. Clear the search or show all devices.</p>
      )}
    </>
  );
}
