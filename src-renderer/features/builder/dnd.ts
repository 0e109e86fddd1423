// Drag and drop between the palette and the stack. The dragged thing is kept here during the drag:
// browsers hide dataTransfer contents until the drop.
import type { LayerType } from '../../../src-main/contract/spec';

export type DragSource = { from: 'palette'; type: LayerType } | { from: 'stack'; index: number };

export const DRAG_MIME = 'application/x-letter-lab-block';

let current: DragSource | null = null;

export function startDrag(event: DragEvent, source: DragSource): void {
  current = source;
  if (event.dataTransfer) {
    event.dataTransfer.setData(DRAG_MIME, JSON.stringify(source));
    event.dataTransfer.effectAllowed = source.from === 'palette' ? 'copy' : 'move';
  }
}

export function currentDrag(): DragSource | null {
  return current;
}

export function endDrag(): void {
  current = null;
}

/**
 * The gap a pointer at `y` points at: 0 is above the first block, `mids.length` below the last.
 * `mids` are the vertical middles of the blocks, top to bottom.
 */
export function gapAt(y: number, mids: readonly number[]): number {
  const index = mids.findIndex((mid) => y < mid);
  return index === -1 ? mids.length : index;
}

/** The index a block moved from `from` into gap `gap` ends up at. */
export function indexForGap(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap;
}
