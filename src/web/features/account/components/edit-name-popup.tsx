import { Button, Form, Input, Popup, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '../../../lib/auth/update-me';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';

interface EditNamePopupProps {
  visible: boolean;
  displayName: string;
  onClose: () => void;
}

export function EditNamePopup({ visible, displayName, onClose }: EditNamePopupProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ displayName: string }>();
  const update = useUpdateMe();
  const [formError, setFormError] = useState<string>();

  return (
    <Popup
      visible={visible}
      onMaskClick={onClose}
      onClose={onClose}
      afterShow={() => {
        form.setFieldsValue({ displayName });
        setFormError(undefined);
      }}
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, paddingBottom: 'env(safe-area-inset-bottom)' }}
    >
      <FormErrorNotice message={formError} />
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={(values) => {
          setFormError(undefined);
          update.mutate(
            { displayName: values.displayName.trim() },
            {
              onSuccess: () => {
                Toast.show({ icon: 'success', content: t('common.saved') });
                onClose();
              },
              onError: (error) => {
                form.setFields(fieldErrorsFor(error, ['displayName']));
                setFormError(errorMessage(error, t('common.requestFailed')));
              },
            },
          );
        }}
        footer={
          <Button block type="submit" color="primary" loading={update.isPending}>
            {t('common.save')}
          </Button>
        }
      >
        <Form.Header>{t('account.me.editName')}</Form.Header>
        <Form.Item
          name="displayName"
          label={t('auth.fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('auth.validation.displayNameRequired') },
            { max: 40, message: t('auth.validation.displayNameTooLong') },
          ]}
        >
          <Input maxLength={40} clearable autoComplete="nickname" />
        </Form.Item>
      </Form>
    </Popup>
  );
}
