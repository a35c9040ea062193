import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeysetPages } from '../../lib/use-keyset-pages';

interface KeysetPagerProps {
  pages: KeysetPages;
  /** From the page shown; null on the last one. */
  nextCursor: string | null | undefined;
  /** The page shown is a placeholder while another loads, so its cursor is not the one to follow. */
  placeholder: boolean;
}

/** 上一页 · 第 n 页 · 下一页, right-aligned under a list. */
export function KeysetPager({ pages, nextCursor, placeholder }: KeysetPagerProps) {
  const { t } = useTranslation();
  return (
    <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
      <Button disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t('common.prevPage')}
      </Button>
      <Typography.Text type="secondary">{t('common.pageNumber', { page: pages.pageNumber })}</Typography.Text>
      <Button disabled={!nextCursor || placeholder} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t('common.nextPage')}
      </Button>
    </Space>
  );
}
