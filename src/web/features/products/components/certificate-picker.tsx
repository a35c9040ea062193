import { Alert, Button, Checkbox, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CertificateView } from '../../../../contracts/compliance';
import { ConsoleError } from '../../../components/console/page-states';
import { reviewStatusColor } from '../../../components/console/review-status';
import { useMyCertificates } from '../api/list-my-certificates';

function CertificateRow({ certificate: c }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const backsClaims = c.status === 'approved' && c.valid;
  return (
    <span className="tt-cert-option">
      <Typography.Text strong>{t(`products.certificateKinds.${c.kind}`)}</Typography.Text>
      <Typography.Text type="secondary" className="tt-cert-number">
        {c.number}
      </Typography.Text>
      <Tag color={reviewStatusColor[c.status]}>{t(`products.editor.certificates.status.${c.status}`)}</Tag>
      {c.status === 'approved' && !c.valid && <Tag color="red">{t('products.editor.certificates.notValid')}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('products.editor.certificates.validUntil', { date: c.validUntil })}
      </Typography.Text>
      {!backsClaims && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('products.editor.certificates.backsNothing')}
        </Typography.Text>
      )}
    </span>
  );
}

interface CertificatePickerProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** A co-op cannot read a member's certificates; the links the listing has are kept as they are. */
  memberShop: boolean;
  disabled?: boolean;
}

/** Links the seller's certificates to this listing; only linked, approved, valid ones back certified claims. */
export function CertificatePicker({ value = [], onChange, memberShop, disabled }: CertificatePickerProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const certificates = useMyCertificates(!memberShop);

  const intro = (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
      {t('products.editor.certificates.intro')}
    </Typography.Paragraph>
  );

  if (memberShop) {
    return (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {intro}
        <Alert type="info" showIcon title={t('products.editor.certificates.memberNote', { n: value.length })} />
      </Space>
    );
  }

  let list;
  if (certificates.isPending) list = <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  else if (certificates.isError) list = <ConsoleError error={certificates.error} onRetry={() => void certificates.refetch()} />;
  else if (certificates.data.length === 0) {
    list = (
      <Space wrap>
        <Typography.Text type="secondary">{t('products.editor.certificates.empty')}</Typography.Text>
        <Button size="small" onClick={() => void navigate('/seller/certificates')}>
          {t('products.editor.certificates.goSubmit')}
        </Button>
      </Space>
    );
  } else {
    list = (
      <Checkbox.Group
        value={value}
        onChange={(ids) => onChange?.(ids)}
        disabled={disabled}
        className="tt-cert-group"
        options={certificates.data.map((c) => ({ value: c.id, label: <CertificateRow certificate={c} /> }))}
      />
    );
  }

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {intro}
      {list}
    </Space>
  );
}
