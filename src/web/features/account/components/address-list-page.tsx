import { Button, Dialog, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AddressView } from '../../../../contracts/accounts';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty, MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { errorMessage } from '../../../lib/form-errors';
import { useDeleteAddress } from '../api/delete-address';
import { useAddresses } from '../api/list-addresses';
import { useUpdateAddress } from '../api/update-address';
import { formatAddress } from './format-address';

function AddressCard({ address }: { address: AddressView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateAddress();
  const remove = useDeleteAddress();

  const makeDefault = () =>
    update.mutate(
      { id: address.id, changes: { isDefault: true } },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('account.addresses.defaultSet') }),
        onError: (error) => Toast.show({ icon: 'fail', content: errorMessage(error, t('common.requestFailed')) }),
      },
    );

  const confirmDelete = async () => {
    const ok = await Dialog.confirm({
      content: t('account.addresses.deleteConfirm'),
      confirmText: t('common.delete'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    remove.mutate(address.id, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('account.addresses.deleted') }),
      onError: (error) => Toast.show({ icon: 'fail', content: errorMessage(error, t('common.requestFailed')) }),
    });
  };

  return (
    <article className="tt-section tt-section-body" aria-label={address.receiverName}>
      <Space align="center" wrap>
        <strong>{address.receiverName}</strong>
        <span className="tt-muted">{address.receiverPhone}</span>
        {address.isDefault && (
          <Tag color="primary" fill="solid">
            {t('account.addresses.default')}
          </Tag>
        )}
      </Space>
      <p className="tt-address-line">{formatAddress(address)}</p>
      <div className="tt-address-actions">
        {!address.isDefault && (
          <Button size="mini" fill="outline" loading={update.isPending} onClick={makeDefault}>
            {t('account.addresses.setDefault')}
          </Button>
        )}
        <Button size="mini" fill="outline" onClick={() => void navigate(`/me/addresses/${encodeURIComponent(address.id)}/edit`)}>
          {t('common.edit')}
        </Button>
        <Button size="mini" fill="outline" color="danger" loading={remove.isPending} onClick={() => void confirmDelete()}>
          {t('common.delete')}
        </Button>
      </div>
    </article>
  );
}

export function AddressListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const addresses = useAddresses();

  let body;
  if (addresses.isPending) body = <MobileLoading rows={6} />;
  else if (addresses.isError) body = <MobileError error={addresses.error} onRetry={() => void addresses.refetch()} />;
  else if (addresses.data.length === 0)
    body = (
      <section className="tt-section">
        <MobileEmpty title={t('account.addresses.empty')} description={t('account.addresses.emptyHint')} />
      </section>
    );
  else body = addresses.data.map((address) => <AddressCard key={address.id} address={address} />);

  return (
    <MobilePage title={t('account.addresses.title')} backTo="/me">
      {body}
      {!addresses.isPending && !addresses.isError && (
        <div className="tt-form-footer">
          <Button block color="primary" size="large" onClick={() => void navigate('/me/addresses/new')}>
            {t('account.addresses.add')}
          </Button>
        </div>
      )}
    </MobilePage>
  );
}
