/**
 * What a binary plist would become if every reference were expanded, computed without expanding it.
 *
 * A binary plist stores each object once and lets any number of containers reference it. The plist library
 * copies an object every time it is referenced, so 200 KB can describe 199 MB (one 1,000-character string
 * referenced 199,000 times) and 2 KB can describe 2^40 values (arrays that each hold the next one twice).
 * Here each object is measured once (memoised), so the work is linear in the number of references, while the
 * totals are those of the full expansion: exactly what would be built, however astronomically large.
 */
import { leafBodyLength, type BinaryPlistGraph } from './binary-plist-graph';
import { overBudget, type PlistProblem } from './plist-budget';

export interface PlistMeasure {
  /** Values in the expanded tree. */
  readonly values: number;
  /** Bytes of the expanded tree: leaf bodies plus one marker and the references of each container. */
  readonly expandedBytes: number;
  /** Deepest nesting of containers. */
  readonly depth: number;
}

interface Totals {
  values: number;
  bytes: number;
  depth: number;
}

/**
 * Measures the expansion, or says why the graph cannot be expanded at all (a container inside itself).
 * Iterative (an explicit stack), so a hostile depth cannot overflow the call stack before it is counted.
 */
export function measureBinaryPlist(graph: BinaryPlistGraph): PlistMeasure | PlistProblem {
  const { objects } = graph;
  const done: (Totals | undefined)[] = new Array<Totals | undefined>(objects.length);
  const onPath = new Uint8Array(objects.length);
  const stack: { index: number; next: number; totals: Totals }[] = [];
  const open = (index: number): void => {
    const o = objects[index];
    if (!o) return;
    onPath[index] = 1;
    stack.push({
      index,
      next: 0,
      // The graph kept only leaves with a known length; a container (undefined) counts its references below.
      totals: { values: 1, bytes: 1 + (leafBodyLength(o.type, o.size, o.marker) ?? 0), depth: 0 },
    });
  };
  open(graph.top);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (!frame) break;
    const object = objects[frame.index];
    if (object && frame.next < object.refCount) {
      const child = graph.ref(object, frame.next);
      if (child === undefined) return { kind: 'malformed', detail: 'a container points outside the file' };
      const known = done[child];
      if (known) {
        frame.next++;
        frame.totals.values += known.values;
        frame.totals.bytes += known.bytes + 1;
        frame.totals.depth = Math.max(frame.totals.depth, known.depth + 1);
      } else if (onPath[child]) {
        return { kind: 'malformed', detail: 'an object contains itself' };
      } else {
        open(child);
      }
      continue;
    }
    stack.pop();
    onPath[frame.index] = 0;
    done[frame.index] = frame.totals;
  }
  const root = done[graph.top];
  if (!root) return { kind: 'malformed', detail: 'the top object is missing' };
  return { values: root.values, expandedBytes: root.bytes, depth: root.depth };
}

/** The measure when it fits the budget, otherwise the problem to report. */
export function checkBinaryPlistBudget(graph: BinaryPlistGraph): PlistMeasure | PlistProblem {
  const measure = measureBinaryPlist(graph);
  if ('kind' in measure) return measure;
  return overBudget(measure) ?? measure;
}
