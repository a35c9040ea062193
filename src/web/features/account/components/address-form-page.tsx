import { Button, Form, Input, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { AddressBody, AddressView } from '../../../../contracts/accounts';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty, MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { safeNextPath } from '../../../lib/roles';
import { useCreateAddress } from '../api/create-address';
import { useAddresses } from '../api/list-addresses';
import { useUpdateAddress } from '../api/update-address';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';

type AddressFormValues = Omit<AddressBody, 'village'> & { village?: string };

const fields = [
  'receiverName',
  'receiverPhone',
  'province',
  'city',
  'county',
  'township',
  'village',
  'detail',
  'isDefault',
] as const;

const phonePattern = /^1[3-9][0-9]{9}$/;

function toBody(values: AddressFormValues): AddressBody {
  const village = values.village?.trim();
  return {
    receiverName: values.receiverName.trim(),
    receiverPhone: values.receiverPhone.trim(),
    province: values.province.trim(),
    city: values.city.trim(),
    county: values.county.trim(),
    township: values.township.trim(),
    ...(village ? { village } : {}),
    detail: values.detail.trim(),
    isDefault: values.isDefault ?? false,
  };
}

/**
 * `?next=` brings the buyer back where they were, e.g. the live room whose buy sheet had no
 * address to send to; only same-site paths are followed.
 */
function useNextPath(): string | undefined {
  const [params] = useSearchParams();
  return safeNextPath(params.get('next'));
}

function AddressForm({ address }: { address: AddressView | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = useNextPath();
  const [form] = Form.useForm<AddressFormValues>();
  const create = useCreateAddress();
  const update = useUpdateAddress();
  const [formError, setFormError] = useState<string>();
  const pending = create.isPending || update.isPending;

  const region = (name: 'province' | 'city' | 'county' | 'township', max: number) => (
    <Form.Item
      name={name}
      label={t(`account.addressForm.${name}`)}
      rules={[
        { required: true, whitespace: true, message: t('account.addressForm.required', { field: t(`account.addressForm.${name}`) }) },
        { min: 2, max, message: t('account.addressForm.length', { min: 2, max }) },
      ]}
    >
      <Input maxLength={max} clearable placeholder={t(`account.addressForm.${name}Placeholder`)} />
    </Form.Item>
  );

  const onFinish = (values: AddressFormValues) => {
    setFormError(undefined);
    const body = toBody(values);
    const handlers = {
      onSuccess: () => {
        Toast.show({ icon: 'success', content: t('common.saved') });
        void navigate(next ?? '/me/addresses', { replace: true });
      },
      onError: (error: unknown) => {
        form.setFields(fieldErrorsFor(error, fields));
        setFormError(errorMessage(error, t('common.requestFailed')));
      },
    };
    if (address) update.mutate({ id: address.id, changes: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <>
      <FormErrorNotice message={formError} />
      <Form
        form={form}
        mode="card"
        layout="horizontal"
        initialValues={
          address
            ? { ...address, village: address.village ?? '' }
            : { isDefault: false }
        }
        onFinish={onFinish}
        footer={
          <Button block type="submit" color="primary" size="large" loading={pending}>
            {t('common.save')}
          </Button>
        }
      >
        <Form.Header>{t('account.addressForm.receiverSection')}</Form.Header>
        <Form.Item
          name="receiverName"
          label={t('account.addressForm.receiverName')}
          rules={[{ required: true, whitespace: true, message: t('account.addressForm.required', { field: t('account.addressForm.receiverName') }) }]}
        >
          <Input maxLength={30} clearable autoComplete="name" placeholder={t('account.addressForm.receiverNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="receiverPhone"
          label={t('account.addressForm.receiverPhone')}
          rules={[
            { required: true, message: t('auth.validation.phoneRequired') },
            { pattern: phonePattern, message: t('auth.validation.phoneInvalid') },
          ]}
        >
          <Input type="tel" inputMode="numeric" maxLength={11} clearable autoComplete="tel" placeholder={t('auth.fields.phonePlaceholder')} />
        </Form.Item>

        <Form.Header>{t('account.addressForm.regionSection')}</Form.Header>
        {region('province', 20)}
        {region('city', 20)}
        {region('county', 20)}
        {region('township', 30)}
        <Form.Item
          name="village"
          label={t('account.addressForm.village')}
          help={t('account.addressForm.villageHelp')}
          rules={[{ max: 30, message: t('account.addressForm.length', { min: 0, max: 30 }) }]}
        >
          <Input maxLength={30} clearable placeholder={t('account.addressForm.villagePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="detail"
          label={t('account.addressForm.detail')}
          rules={[{ required: true, whitespace: true, message: t('account.addressForm.required', { field: t('account.addressForm.detail') }) }]}
        >
          <TextArea maxLength={120} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('account.addressForm.detailPlaceholder')} />
        </Form.Item>
        <Form.Item name="isDefault" label={t('account.addressForm.isDefault')} valuePropName="checked" childElementPosition="right">
          <Switch />
        </Form.Item>
      </Form>
    </>
  );
}

export function AddressFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const next = useNextPath();
  const addresses = useAddresses();
  const title = t(id ? 'account.addressForm.editTitle' : 'account.addressForm.newTitle');

  let body;
  if (!id) body = <AddressForm address={undefined} />;
  else if (addresses.isPending) body = <MobileLoading rows={8} />;
  else if (addresses.isError) body = <MobileError error={addresses.error} onRetry={() => void addresses.refetch()} />;
  else {
    const address = addresses.data.find((a) => a.id === id);
    body = address ? (
      <AddressForm key={address.id} address={address} />
    ) : (
      <section className="tt-section">
        <MobileEmpty title={t('account.addressForm.notFound')}>
          <Button color="primary" fill="outline" onClick={() => void navigate('/me/addresses', { replace: true })}>
            {t('account.addressForm.backToList')}
          </Button>
        </MobileEmpty>
      </section>
    );
  }

  return (
    <MobilePage title={title} backTo={next ?? '/me/addresses'}>
      {body}
    </MobilePage>
  );
}
