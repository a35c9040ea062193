import { useState } from 'react';
import type { ReviewStatus } from '../../contracts/common';
import { useKeysetPages, type KeysetPages } from './use-keyset-pages';

export type ReviewFilter = ReviewStatus | 'all';
export const reviewFilters: readonly ReviewFilter[] = ['pending', 'approved', 'rejected', 'all'];

export interface ReviewQueue {
  filter: ReviewFilter;
  /** Also goes back to the first page: the cursors belong to the old filter. */
  setFilter: (filter: ReviewFilter) => void;
  pages: KeysetPages;
  /** What to ask the list endpoint for. */
  params: { status: ReviewStatus | undefined; cursor: string | undefined; limit: number };
}

/** An admin review queue's status filter (pending first) and keyset pages. */
export function useReviewQueue(pageSize = 20): ReviewQueue {
  const [filter, setFilter] = useState<ReviewFilter>('pending');
  const pages = useKeysetPages();
  return {
    filter,
    setFilter: (next) => {
      setFilter(next);
      pages.reset();
    },
    pages,
    params: { status: filter === 'all' ? undefined : filter, cursor: pages.cursor, limit: pageSize },
  };
}
