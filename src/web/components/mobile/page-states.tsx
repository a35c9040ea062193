import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/form-errors';
import { SproutIllustration } from './sprout-illustration';

export function MobileLoading({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="tt-mobile-loading" role="status" aria-label={t('common.loading')}>
      <Skeleton.Title animated />
      <Skeleton.Paragraph lineCount={rows} animated />
    </div>
  );
}

export function MobileError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorBlock status="default" title={t('common.loadFailed')} description={errorMessage(error, t('common.requestFailed'))}>
      {onRetry && (
        <Button color="primary" fill="outline" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </ErrorBlock>
  );
}

export function MobileEmpty({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <ErrorBlock status="empty" image={<SproutIllustration />} title={title} description={description ?? ''} className="tt-empty">
      {children}
    </ErrorBlock>
  );
}
