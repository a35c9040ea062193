import { useState } from 'react';

/** Where a keyset-paged list stands, and how to move. */
export interface KeysetPages {
  /** The cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  /** 1-based. */
  pageNumber: number;
  hasPrevious: boolean;
  previous: () => void;
  next: (nextCursor: string) => void;
  /** Back to the first page, e.g. when the filter changes. */
  reset: () => void;
}

/**
 * Keyset pagination only knows "next"; the cursors already visited make "previous" possible.
 */
export function useKeysetPages(): KeysetPages {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    next: (nextCursor) => setCursors((c) => [...c, nextCursor]),
    reset: () => setCursors([undefined]),
  };
}
