import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { RegisterBody } from '../../../../contracts/accounts';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { useRegister } from '../api/register';
import { AuthShell } from './auth-shell';
import { PasswordInput } from './password-input';
import { passwordPattern, phoneRules } from './validation';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';

const fields = ['displayName', 'phone', 'password'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [form] = Form.useForm<RegisterBody>();
  const register = useRegister();
  const [formError, setFormError] = useState<string>();

  const onFinish = (values: RegisterBody) => {
    setFormError(undefined);
    register.mutate(
      { displayName: values.displayName.trim(), phone: values.phone.trim(), password: values.password },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('auth.register.success') }),
        onError: (error) => {
          form.setFields(fieldErrorsFor(error, fields, { PHONE_TAKEN: 'phone', WEAK_PASSWORD: 'password' }));
          setFormError(errorMessage(error, t('common.requestFailed')));
        },
      },
    );
  };

  return (
    <AuthShell title={t('auth.register.title')} subtitle={t('auth.register.subtitle')}>
      <div className="tt-auth-card">
        <FormErrorNotice message={formError} />
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          footer={
            <Button block type="submit" color="primary" size="large" loading={register.isPending}>
              {t('auth.register.submit')}
            </Button>
          }
        >
          <Form.Item
            name="displayName"
            label={t('auth.fields.displayName')}
            rules={[
              { required: true, whitespace: true, message: t('auth.validation.displayNameRequired') },
              { max: 40, message: t('auth.validation.displayNameTooLong') },
            ]}
          >
            <Input maxLength={40} clearable autoComplete="nickname" placeholder={t('auth.fields.displayNamePlaceholder')} />
          </Form.Item>
          <Form.Item name="phone" label={t('auth.fields.phone')} rules={phoneRules(t)}>
            <Input
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={11}
              clearable
              placeholder={t('auth.fields.phonePlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.fields.password')}
            help={t('auth.register.passwordHint')}
            rules={[
              { required: true, message: t('auth.validation.passwordRequired') },
              { pattern: passwordPattern, message: t('auth.validation.passwordWeak') },
            ]}
          >
            <PasswordInput autoComplete="new-password" placeholder={t('auth.fields.newPasswordPlaceholder')} />
          </Form.Item>
        </Form>
        <p className="tt-auth-switch">
          {t('auth.register.haveAccount')} <Link to={`/login${search}`}>{t('auth.register.toLogin')}</Link>
        </p>
      </div>
    </AuthShell>
  );
}
