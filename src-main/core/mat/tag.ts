import { ALIGN, MAX_MAT_BYTES, MI, SMALL_MAX_BYTES, SMALL_TAG_BYTES, TAG_BYTES } from './constants';
import type { Place } from './mat-errors';
import { corruptError, tooLargeError, truncatedError } from './mat-errors';
import type { ByteSource } from './source';

/** A data element's tag, with absolute offsets. */
export interface Tag {
  /** Offset of the tag itself. */
  at: number;
  type: number;
  /** Payload bytes (without padding). */
  bytes: number;
  /** Offset of the payload. */
  dataAt: number;
  /** Offset just after the payload. */
  end: number;
  /** Offset of the next element: after the padding to 8 bytes, never past the limit. */
  next: number;
  /** True for the small data element form (payload of at most 4 bytes inside the tag). */
  small: boolean;
}

export function u32(bytes: Uint8Array, at: number, little: boolean): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(at, little);
}

export function padded(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

/**
 * Reads the tag at `at`. The element must end by `limit`: the end of the data for a top-level
 * element (`topLevel`), else the end of the enclosing element. Nothing is allocated for the
 * payload here, so every size is checked before anyone trusts it.
 */
export function readTag(
  src: ByteSource,
  at: number,
  limit: number,
  little: boolean,
  place: Place,
  topLevel: boolean,
): Tag {
  if (at + TAG_BYTES > limit) {
    if (topLevel) throw truncatedError(`the element tag at byte ${at}`, at + TAG_BYTES, limit);
    throw corruptError(
      place.describe(at),
      `a sub-element tag needs 8 bytes but only ${limit - at} remain in the variable`,
    );
  }
  const raw = src.bytes(at, TAG_BYTES);
  const first = u32(raw, 0, little);
  const smallBytes = first >>> 16;
  if (smallBytes !== 0) {
    if (smallBytes > SMALL_MAX_BYTES) {
      throw corruptError(
        place.describe(at),
        `a small data element claims ${smallBytes} bytes; at most ${SMALL_MAX_BYTES} fit in its tag`,
      );
    }
    const dataAt = at + SMALL_TAG_BYTES;
    return {
      at,
      type: first & 0xffff,
      bytes: smallBytes,
      dataAt,
      end: dataAt + smallBytes,
      next: at + TAG_BYTES,
      small: true,
    };
  }
  const bytes = u32(raw, 4, little);
  const dataAt = at + TAG_BYTES;
  const end = dataAt + bytes;
  if (end > limit) {
    const kind = first === MI.COMPRESSED ? 'compressed element' : 'element';
    const what = topLevel ? `the ${kind} at byte ${at}` : place.describe(at);
    if (topLevel && bytes <= MAX_MAT_BYTES) throw truncatedError(what, end, limit);
    const room = topLevel
      ? `only ${limit - dataAt} bytes follow it in the file`
      : `only ${limit - dataAt} bytes are left in the enclosing variable`;
    throw tooLargeError(what, bytes, room);
  }
  // Compressed elements are not padded; all others are padded to a multiple of 8 bytes.
  const next = first === MI.COMPRESSED ? end : Math.min(dataAt + padded(bytes), limit);
  return { at, type: first, bytes, dataAt, end, next, small: false };
}
