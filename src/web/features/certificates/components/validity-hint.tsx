import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { validityOf } from './certificate-kinds';

/** "已过期" / "还有 N 天到期" / "尚未生效" next to a certificate's dates; nothing when all is well. */
export function ValidityHint({ validFrom, validUntil }: { validFrom: string; validUntil: string }) {
  const { t } = useTranslation();
  const validity = validityOf({ validFrom, validUntil });
  switch (validity.state) {
    case 'expired':
      return <Tag color="red">{t('certificates.validity.expired')}</Tag>;
    case 'expiring':
      return (
        <Tag color="orange">
          {validity.days === 0
            ? t('certificates.validity.lastDay')
            : validity.days === 1
              ? t('certificates.validity.expiresTomorrow')
              : t('certificates.validity.expiresIn', { days: validity.days })}
        </Tag>
      );
    case 'notYet':
      return <Tag color="blue">{t('certificates.validity.notYet', { from: validFrom })}</Tag>;
    default:
      return null;
  }
}

export function ValidityRange({ validFrom, validUntil }: { validFrom: string; validUntil: string }) {
  const { t } = useTranslation();
  return (
    <span>
      <span style={{ whiteSpace: 'nowrap' }}>{t('certificates.validity.range', { from: validFrom, until: validUntil })}</span>{' '}
      <ValidityHint validFrom={validFrom} validUntil={validUntil} />
    </span>
  );
}
