import { useEffect, useLayoutEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { Device, Ecid } from '../../preload/domain';
import { useBench, useBenchStore } from '../state/bench-store';
import { benchDevices } from '../state/bench-devices';
import { ConnectedDeviceCard } from './connected-device-card';
import { GridToolbar, focusCard } from './grid-toolbar';
import { findDevices, nextNeedingYou, type GridSort, type StateFilter } from './grid-finder';
import { keepPresent, selectRange, toggle } from './grid-selection';
import { SelectMenu, SelectionBar } from './selection-bar';
import { DetailsStrip } from './details-strip';
import {
  GridSelectingContext,
  createSelectionStore,
  useSelection,
  type GridSelecting,
} from './selection-store';

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

/**
 * The grid follows the device list only; each card follows its own job (see ConnectedDeviceCard). The list is
 * the bench's devices (../state/bench-devices.ts): attached ones, and those off USB while their job goes on,
 * so a restarting device keeps its card and the count holds steady.
 */
export function DeviceGrid() {
  const devices = useBench(benchDevices);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<StateFilter>('all');
  const [sort, setSort] = useState<GridSort>('port');
  const query = { search, filter, sort };
  // The shown ECIDs as one string: the grid re-renders when the list changes, not on every job's progress.
  const shownKey = useBench((s) =>
    findDevices(sortByPort(benchDevices(s)), s.jobs, query)
      .map((d) => d.ecid)
      .join(' '),
  );
  const needing = useBench(
    (s) => benchDevices(s).filter((d) => s.jobs[d.ecid]?.phase === 'waiting-for-operator').length,
  );
  const store = useBenchStore();
  const byEcid = new Map(devices.map((d) => [d.ecid, d] as const));
  const shown = shownKey === '' ? [] : shownKey.split(' ').flatMap((ecid) => byEcid.get(ecid) ?? []);
  const compact = devices.length > compactThreshold;
  const selectable = devices.length >= toolbarThreshold;
  const [selectionStore] = useState(createSelectionStore);
  // The order a shift-click's range is taken from: the one shown at the moment of the click.
  const shownEcids = useMemo(() => (shownKey === '' ? [] : shownKey.split(' ')), [shownKey]);
  const shownOrder = useRef<readonly Ecid[]>([]);
  useLayoutEffect(() => {
    shownOrder.current = shownEcids;
  }, [shownEcids]);
  const selecting = useMemo<GridSelecting>(
    () => ({
      store: selectionStore,
      onSelect: (ecid, range) =>
        selectionStore.set(
          range
            ? selectRange(selectionStore.get(), shownOrder.current, ecid)
            : toggle(selectionStore.get(), ecid),
        ),
    }),
    [selectionStore],
  );
  // A device that leaves the bench leaves the selection (filtering and sorting never touch it).
  useEffect(() => {
    selectionStore.set(keepPresent(selectionStore.get(), new Set(devices.map((d) => d.ecid))));
  }, [devices, selectionStore]);
  // The details strip follows the card last pointed at or focused.
  const [pointed, setPointed] = useState<Ecid>();
  const point = (event: SyntheticEvent) => {
    const card = (event.target as Element).closest?.('article[data-ecid]');
    const ecid = card?.getAttribute('data-ecid') ?? undefined;
    if (ecid !== undefined && ecid !== pointed) setPointed(ecid);
  };
  const [lastFocused, setLastFocused] = useState<string>();
  const goNext = () => {
    const state = store.getState();
    const order = findDevices(sortByPort(benchDevices(state)), state.jobs, {
      search: '',
      filter: 'all',
      sort,
    });
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
      // A card's select box is an input too, but one that takes no text: n still goes on from it.
      const typing =
        target instanceof HTMLInputElement
          ? target.type !== 'checkbox'
          : /^(TEXTAREA|SELECT)$/.test(target?.tagName ?? '');
      if (typing) return;
      event.preventDefault();
      goNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <GridSelectingContext.Provider value={selectable ? selecting : undefined}>
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
          {...(selectable ? { select: <SelectMenu shown={shownEcids} /> } : {})}
        />
      )}
      <ul
        className={`device-grid${compact ? ' compact' : ''}`}
        aria-label="Attached devices"
        onFocus={point}
        onMouseOver={point}
        onMouseLeave={() => setPointed(undefined)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPointed(undefined);
        }}
      >
        {shown.map((device) => (
          <li key={device.ecid}>
            <ConnectedDeviceCard ecid={device.ecid} compact={compact} />
          </li>
        ))}
      </ul>
      {shown.length === 0 && devices.length > 0 && (
        <p className="grid-nothing">No device matches. Clear the search or show all devices.</p>
      )}
      {/*
        The dock below the cards, kept at the bottom of the window while it has something to say: the details
        line and the selection bar. Empty, it takes no room, so a cart of 40 still fits 1280×800; it never
        moves the cards above it.
      */}
      <div className="grid-dock">
        {compact && <PointedDetails pointed={pointed} />}
        {selectable && <SelectionBar shown={shownEcids} />}
      </div>
    </GridSelectingContext.Provider>
  );
}

/** The strip shows the device pointed at or focused; with none, the one device selected alone. */
function PointedDetails({ pointed }: { readonly pointed: Ecid | undefined }) {
  const selection = useSelection();
  const alone = selection.selected.size === 1 ? [...selection.selected][0] : undefined;
  return <DetailsStrip ecid={pointed ?? alone} />;
}
