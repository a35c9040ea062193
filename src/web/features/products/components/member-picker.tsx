import { TeamOutlined } from '@ant-design/icons';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoopMemberView } from '../../../../contracts/coop';

const ownValue = '__own__';

interface MemberPickerProps {
  isSeller: boolean;
  ownShopName: string;
  members: CoopMemberView[];
  loading: boolean;
  value: string | undefined;
  onChange: (sellerId: string | undefined) => void;
}

/** For co-op accounts: whose shop the product list and editor work on. */
export function MemberPicker({ isSeller, ownShopName, members, loading, value, onChange }: MemberPickerProps) {
  const { t } = useTranslation();
  const options = [
    ...(isSeller ? [{ value: ownValue, label: t('products.member.own', { name: ownShopName }) }] : []),
    ...members.map((m) => ({
      value: m.memberId,
      label: t('products.member.option', { shop: m.shopName ?? m.displayName, name: m.displayName, phone: m.maskedPhone }),
    })),
  ];
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={8} align="center">
        <Typography.Text strong>
          <TeamOutlined /> {t('products.member.label')}
        </Typography.Text>
        <Select
          aria-label={t('products.member.label')}
          style={{ minWidth: 260, maxWidth: '100%' }}
          loading={loading}
          value={value ?? (isSeller ? ownValue : undefined)}
          placeholder={t('products.member.placeholder')}
          options={options}
          onChange={(next: string) => onChange(next === ownValue ? undefined : next)}
          notFoundContent={t('products.member.noMembers')}
        />
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('products.member.hint')}
      </Typography.Text>
    </Space>
  );
}
