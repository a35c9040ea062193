import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { LoginBody } from '../../../../contracts/accounts';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { useLogin } from '../api/login';
import type { DemoAccount } from '../api/list-demo-accounts';
import { AuthShell } from './auth-shell';
import { DemoAccounts } from './demo-accounts';
import { PasswordInput } from './password-input';
import { phoneRules } from './validation';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';

const fields = ['phone', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [form] = Form.useForm<LoginBody>();
  const login = useLogin();
  const [formError, setFormError] = useState<string>();
  const [demoPhone, setDemoPhone] = useState<string>();

  // Success needs no navigation here: the guest-only guard moves the person on once the
  // session user is in the cache.
  const submit = (body: LoginBody, demo?: DemoAccount) => {
    setFormError(undefined);
    setDemoPhone(demo?.phone);
    login.mutate(body, {
      onError: (error) => {
        setDemoPhone(undefined);
        const fieldErrors = demo ? [] : fieldErrorsFor(error, fields);
        form.setFields(fieldErrors);
        setFormError(errorMessage(error, t('common.requestFailed')));
      },
    });
  };

  return (
    <AuthShell title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      <div className="tt-auth-card">
        <FormErrorNotice message={formError} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => submit({ phone: values.phone.trim(), password: values.password })}
          footer={
            <Button block type="submit" color="primary" size="large" loading={login.isPending && !demoPhone}>
              {t('auth.login.submit')}
            </Button>
          }
        >
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
            rules={[{ required: true, message: t('auth.validation.passwordRequired') }]}
          >
            <PasswordInput autoComplete="current-password" placeholder={t('auth.fields.passwordPlaceholder')} />
          </Form.Item>
        </Form>
        <p className="tt-auth-switch">
          {t('auth.login.noAccount')} <Link to={`/register${search}`}>{t('auth.login.toRegister')}</Link>
        </p>
      </div>
      <DemoAccounts
        pendingPhone={login.isPending ? demoPhone : undefined}
        onPick={(account) => submit({ phone: account.phone, password: account.password }, account)}
      />
    </AuthShell>
  );
}
