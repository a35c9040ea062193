import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StreamKeyView } from '../../../../contracts/live';

function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <div className="tt-key-field">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Paragraph className="tt-key-value" copyable={{ text: value }} code>
        {value}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The key as the server answered it when made: the server keeps only a hash, so closing this
 * throws it away for good. Closing needs the button, not a click outside, so it is not lost by accident.
 */
export function StreamKeyModal({ streamKey, onClose }: { streamKey: StreamKeyView | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={streamKey !== undefined}
      title={t('lives.key.title')}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      width={640}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('lives.key.done')}
        </Button>
      }
    >
      {streamKey && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('lives.key.onceTitle')} description={t('lives.key.onceText')} />
          <CopyField label={t('lives.key.server')} value={streamKey.server} />
          <CopyField label={t('lives.key.streamKey')} value={streamKey.streamKey} />
          <CopyField label={t('lives.key.url')} value={streamKey.url} />
          <Typography.Text type="secondary">{t('lives.key.secretNote')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
