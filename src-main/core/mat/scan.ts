import { HEADER_BYTES, MI, TAG_BYTES } from './constants';
import type { MatHeader } from './header';
import { readHeader } from './header';
import type { AllocateFn } from './inflate';
import { inflateElementSync, probeCompressed } from './inflate';
import { Place, truncatedError } from './mat-errors';
import type { MatrixInfo } from './matrix';
import { readMatrix } from './matrix';
import type { ByteSource } from './source';
import { memorySource } from './source';
import type { Tag } from './tag';
import { readTag } from './tag';

/** A top-level variable: its header, and where its data is. */
export interface MatEntry {
  /** For uncompressed variables the data refs point into the file; compressed: header only. */
  info: MatrixInfo;
  /** The top-level element (miMATRIX or miCOMPRESSED). */
  tag: Tag;
  /** Total bytes of the inflated element (tag included), for compressed variables. */
  innerTotal: number | null;
}

export interface MatScan {
  header: MatHeader;
  entries: MatEntry[];
  compressed: boolean;
}

function compressedEntry(
  src: ByteSource,
  tag: Tag,
  little: boolean,
  onAllocate?: AllocateFn,
): MatEntry | null {
  const place = new Place(tag.at);
  const probe = probeCompressed(src, tag, little, place, onAllocate);
  if (probe.innerType !== MI.MATRIX) return null;
  const { head, innerTotal } = probe;
  let info: MatrixInfo;
  try {
    info = readMatrix(
      memorySource(head),
      TAG_BYTES,
      Math.min(head.length, innerTotal),
      little,
      place,
      true,
    );
  } catch (err) {
    if (head.length >= innerTotal) throw err;
    // The probe did not reach the end of the header: inflate the element, within its bound.
    const whole = inflateElementSync(src.bytes(tag.dataAt, tag.bytes), innerTotal, tag, place);
    onAllocate?.(whole.length, 'inflate');
    info = readMatrix(memorySource(whole), TAG_BYTES, innerTotal, little, place, true);
  }
  return { info, tag, innerTotal };
}

/**
 * Walks the top-level elements of a level-5 MAT-file and lists its variables without reading
 * their data. Compressed variables are inflated only far enough to read their header.
 */
export function scanMat(src: ByteSource, onAllocate?: AllocateFn): MatScan {
  const header = readHeader(src);
  const little = header.littleEndian;
  const entries: MatEntry[] = [];
  let compressed = false;
  for (let at = HEADER_BYTES; at < src.size;) {
    if (src.size - at < TAG_BYTES) {
      // Trailing zero bytes are padding; anything else is a cut-off tag.
      if (src.bytes(at, src.size - at).every((b) => b === 0)) break;
      throw truncatedError(`the element tag at byte ${at}`, at + TAG_BYTES, src.size);
    }
    const tag = readTag(src, at, src.size, little, new Place(), true);
    at = tag.next;
    if (tag.at === header.subsysOffset || tag.bytes === 0) continue;
    if (tag.type === MI.MATRIX) {
      const info = readMatrix(src, tag.dataAt, tag.end, little, new Place(), false);
      entries.push({ info, tag, innerTotal: null });
    } else if (tag.type === MI.COMPRESSED) {
      compressed = true;
      const entry = compressedEntry(src, tag, little, onAllocate);
      if (entry !== null) entries.push(entry);
    }
    // Other top-level element types carry no variables; they are skipped.
  }
  return { header, entries, compressed };
}
