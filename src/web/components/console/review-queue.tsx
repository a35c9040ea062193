import { Card, Grid, Segmented, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { reviewFilters, type ReviewFilter, type ReviewQueue } from '../../lib/use-review-queue';
import { KeysetPager } from './keyset-pager';
import { ConsoleError, ConsoleRefreshError } from './page-states';
import { RefreshButton } from './refresh-button';

/** What the queue frame needs from the page query (a react-query result fits). */
interface ReviewQueueQuery {
  data: { nextCursor: string | null } | undefined;
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => Promise<unknown>;
}

interface ReviewQueueCardProps {
  title: string;
  queue: ReviewQueue;
  filterLabel: (filter: ReviewFilter) => string;
  note: string;
  query: ReviewQueueQuery;
  /** The list, usually a ReviewQueueList. */
  children: ReactNode;
}

/** An admin review queue's frame: refresh, status filter, a note, load errors and paging around the list. */
export function ReviewQueueCard({ title, queue, filterLabel, note, query, children }: ReviewQueueCardProps) {
  const page = query.data;
  return (
    <Card title={title} extra={<RefreshButton loading={query.isFetching} onRefresh={() => void query.refetch()} />}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented<ReviewFilter>
            value={queue.filter}
            onChange={queue.setFilter}
            options={reviewFilters.map((f) => ({ value: f, label: filterLabel(f) }))}
          />
        </div>
        <Typography.Text type="secondary">{note}</Typography.Text>
        {query.isError && !page ? (
          <ConsoleError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            {query.isError && <ConsoleRefreshError error={query.error} />}
            {children}
            <KeysetPager pages={queue.pages} nextCursor={page?.nextCursor} placeholder={query.isPlaceholderData} />
          </>
        )}
      </Space>
    </Card>
  );
}

interface ReviewQueueListProps<T extends { id: string }> {
  items: T[];
  loading: boolean;
  empty: ReactNode;
  columns: TableColumnsType<T>;
  /** The table's scroll width, about the sum of its column widths. */
  scrollX: number;
  /** One record as a card, for phones. */
  renderCard: (item: T) => ReactNode;
}

/** A table on wide screens; on a phone the same records as stacked cards, since nine columns do not fit. */
export function ReviewQueueList<T extends { id: string }>({ items, loading, empty, columns, scrollX, renderCard }: ReviewQueueListProps<T>) {
  const wide = Grid.useBreakpoint().md ?? true;
  if (wide) {
    return (
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: scrollX }}
        size="middle"
        locale={{ emptyText: empty }}
      />
    );
  }
  if (loading && items.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className="tt-review-cards" aria-busy={loading}>
      {items.map((item) => (
        <Fragment key={item.id}>{renderCard(item)}</Fragment>
      ))}
    </div>
  );
}
