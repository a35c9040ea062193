import { Button, Empty, Result, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/form-errors';

export function ConsoleLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('common.loading')}>
      <Skeleton active paragraph={{ rows: 6 }} />
    </div>
  );
}

export function ConsoleError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={errorMessage(error, t('common.requestFailed'))}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

export function ConsoleEmpty({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div className="tt-console-empty">
          <div className="tt-console-empty-title">{title}</div>
          {description && <div className="tt-console-empty-description">{description}</div>}
        </div>
      }
    >
      {children}
    </Empty>
  );
}

/** A refresh that failed while the last data stays on screen: one line above it, not a whole error page. */
export function ConsoleRefreshError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="danger" role="alert">
      {errorMessage(error, t('common.requestFailed'))}
    </Typography.Text>
  );
}
