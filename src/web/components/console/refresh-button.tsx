import { ReloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface RefreshButtonProps {
  loading: boolean;
  onRefresh: () => void;
  disabled?: boolean;
}

/** The icon-only 刷新 button in a console card's header. */
export function RefreshButton({ loading, onRefresh, disabled }: RefreshButtonProps) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('common.refresh')}>
      <Button type="text" icon={<ReloadOutlined />} loading={loading} onClick={onRefresh} aria-label={t('common.refresh')} disabled={disabled} />
    </Tooltip>
  );
}
