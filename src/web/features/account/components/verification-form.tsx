import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifiableRole, VerificationRequestBody } from '../../../../contracts/accounts';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { useApplyVerification } from '../api/apply-verification';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';

type VerificationFormValues = Omit<VerificationRequestBody, 'role'>;

const fields = ['organizationName', 'legalName', 'idNumber', 'businessLicenceNo'] as const;
// Same patterns as the contract: 17 digits plus a digit or X; unified social credit code alphabet.
const idNumberPattern = /^[0-9]{17}[0-9Xx]$/;
const licencePattern = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function VerificationForm({ role, onSubmitted }: { role: VerifiableRole; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VerificationFormValues>();
  const apply = useApplyVerification();
  const [formError, setFormError] = useState<string>();

  const onFinish = (values: VerificationFormValues) => {
    setFormError(undefined);
    const licence = values.businessLicenceNo?.trim().toUpperCase();
    apply.mutate(
      {
        role,
        organizationName: values.organizationName.trim(),
        legalName: values.legalName.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        ...(licence ? { businessLicenceNo: licence } : {}),
      },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('account.verification.submitted') });
          onSubmitted();
        },
        onError: (error) => {
          form.setFields(fieldErrorsFor(error, fields, { INVALID_ID_NUMBER: 'idNumber' }));
          setFormError(errorMessage(error, t('common.requestFailed')));
        },
      },
    );
  };

  return (
    <>
      <FormErrorNotice message={formError} />
      <Form
        form={form}
        mode="card"
        layout="vertical"
        onFinish={onFinish}
        footer={
          <>
            <p className="tt-privacy-note">{t('account.verification.privacy')}</p>
            <Button block type="submit" color="primary" size="large" loading={apply.isPending} style={{ marginTop: 12 }}>
              {t('account.verification.submit')}
            </Button>
          </>
        }
      >
        <Form.Item
          name="organizationName"
          label={t(`account.verification.organizationLabel.${role}`)}
          rules={[
            { required: true, whitespace: true, message: t('account.verification.organizationRequired') },
            { min: 2, max: 60, message: t('account.addressForm.length', { min: 2, max: 60 }) },
          ]}
        >
          <Input maxLength={60} clearable placeholder={t(`account.verification.organizationPlaceholder.${role}`)} />
        </Form.Item>
        <Form.Item
          name="legalName"
          label={t('account.verification.legalName')}
          help={t('account.verification.legalNameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('account.verification.legalNameRequired') },
            { min: 2, max: 30, message: t('account.addressForm.length', { min: 2, max: 30 }) },
          ]}
        >
          <Input maxLength={30} clearable autoComplete="name" placeholder={t('account.verification.legalNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('account.verification.idNumber')}
          rules={[
            { required: true, message: t('account.verification.idNumberRequired') },
            { pattern: idNumberPattern, message: t('account.verification.idNumberInvalid') },
          ]}
        >
          <Input maxLength={18} clearable autoComplete="off" placeholder={t('account.verification.idNumberPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="businessLicenceNo"
          label={t('common.optionalLabel', { label: t('account.verification.licence') })}
          help={t('account.verification.licenceHelp')}
          normalize={(value: string | undefined) => value?.toUpperCase()}
          rules={[{ pattern: licencePattern, message: t('account.verification.licenceInvalid') }]}
        >
          <Input maxLength={18} clearable autoComplete="off" placeholder={t('account.verification.licencePlaceholder')} />
        </Form.Item>
      </Form>
    </>
  );
}
