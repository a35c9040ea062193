import { Alert, DatePicker, Form, Grid, Input, Modal, Select, Typography, type DatePickerProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateBody, CertificateKind, CertificateView } from '../../../../contracts/compliance';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { useSubmitCertificate } from '../api/submit-certificate';
import { certificateKinds } from './certificate-kinds';
import { ScanUpload } from './scan-upload';

// antd's date type (dayjs), named through antd so this feature needs no date library of its own.
type DateValue = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface FormValues {
  kind: CertificateKind;
  number: string;
  issuer: string;
  validFrom: DateValue;
  validUntil: DateValue;
  fileId?: string;
}

const fieldNames = ['kind', 'number', 'issuer', 'validFrom', 'validUntil', 'fileId'] as const;

/** What a resubmission carries over from a rejected certificate (the dates are picked again). */
export type CertificateDraft = Partial<Pick<CertificateBody, 'kind' | 'number' | 'issuer' | 'fileId'>>;

interface CertificateFormModalProps {
  open: boolean;
  draft: CertificateDraft | undefined;
  onClose: () => void;
  onSubmitted: (certificate: CertificateView) => void;
}

export function CertificateFormModal({ open, draft, onClose, onSubmitted }: CertificateFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmitCertificate();
  const [formError, setFormError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const kind = Form.useWatch('kind', form);
  const validFrom = Form.useWatch('validFrom', form);
  const phone = !(Grid.useBreakpoint().sm ?? true);

  const close = () => {
    setFormError(undefined);
    submit.reset();
    onClose();
  };

  const send = async () => {
    const values = await form.validateFields();
    setFormError(undefined);
    const body: CertificateBody = {
      kind: values.kind,
      number: values.number.trim(),
      issuer: values.issuer.trim(),
      validFrom: values.validFrom.format('YYYY-MM-DD'),
      validUntil: values.validUntil.format('YYYY-MM-DD'),
      ...(values.fileId ? { fileId: values.fileId } : {}),
    };
    submit.mutate(body, {
      onSuccess: (created) => {
        form.resetFields();
        onSubmitted(created);
      },
      onError: (error) => {
        const fields = fieldErrorsFor(error, fieldNames, { INVALID_CERTIFICATE_DATES: 'validUntil', FILE_NOT_USABLE: 'fileId' });
        form.setFields(fields);
        // Errors the form can point at show there; the rest (network, rights…) above the form.
        if (fields.length === 0) setFormError(errorMessage(error, t('common.requestFailed')));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('certificates.form.title')}
      okText={t('certificates.form.submit')}
      okButtonProps={{ loading: submit.isPending, disabled: uploading }}
      cancelText={t('common.cancel')}
      onOk={() => void send().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('certificates.form.intro')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
      <Form<FormValues> form={form} layout="vertical" preserve={false} initialValues={draft} requiredMark="optional">
        <Form.Item name="kind" label={t('certificates.fields.kind')} rules={[{ required: true, message: t('certificates.form.kindRequired') }]}>
          <Select<CertificateKind>
            placeholder={t('certificates.form.kindPlaceholder')}
            options={certificateKinds.map((k) => ({ value: k, label: t(`certificates.kinds.${k}.label`) }))}
            optionRender={(option) => (
              <div style={{ whiteSpace: 'normal' }}>
                <div>{option.label}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`certificates.kinds.${option.value as CertificateKind}.backs`)}
                </Typography.Text>
              </div>
            )}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('certificates.fields.number')}
          rules={[
            { required: true, whitespace: true, message: t('certificates.form.numberRequired') },
            { min: 3, max: 60, message: t('certificates.form.numberLength') },
          ]}
        >
          <Input
            maxLength={60}
            autoComplete="off"
            placeholder={kind ? t(`certificates.kinds.${kind}.numberPlaceholder`) : t('certificates.form.numberPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="issuer"
          label={t('certificates.fields.issuer')}
          rules={[
            { required: true, whitespace: true, message: t('certificates.form.issuerRequired') },
            { min: 2, max: 80, message: t('certificates.form.issuerLength') },
          ]}
        >
          <Input
            maxLength={80}
            placeholder={kind ? t(`certificates.kinds.${kind}.issuerPlaceholder`) : t('certificates.form.issuerPlaceholder')}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="validFrom"
            label={t('certificates.fields.validFrom')}
            rules={[{ required: true, message: t('certificates.form.validFromRequired') }]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={phone} placeholder={t('certificates.form.datePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t('certificates.fields.validUntil')}
            dependencies={['validFrom']}
            rules={[
              { required: true, message: t('certificates.form.validUntilRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: DateValue | undefined) => {
                  const from = getFieldValue('validFrom') as DateValue | undefined;
                  return !value || !from || !value.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('certificates.form.untilBeforeFrom')));
                },
              }),
            ]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={phone}
              placeholder={t('certificates.form.datePlaceholder')}
              disabledDate={(date) => Boolean(validFrom && date.isBefore(validFrom, 'day'))}
            />
          </Form.Item>
        </div>
        <Form.Item name="fileId" label={t('certificates.fields.scan')} extra={t('certificates.form.scanHelp')}>
          <ScanUpload onUploadingChange={setUploading} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
