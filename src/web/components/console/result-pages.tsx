import { Button, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '../../../contracts/accounts';
import { isVerifiableRole } from '../../lib/roles';
import { ConsoleProvider } from './console-provider';
import { ConsoleLanguageSwitch } from './language-switch';

function Standalone({ children }: { children: ReactNode }) {
  return (
    <ConsoleProvider>
      <div className="tt-standalone">
        <div className="tt-standalone-bar">
          <ConsoleLanguageSwitch />
        </div>
        {children}
      </div>
    </ConsoleProvider>
  );
}

/** Shown when a logged-in person opens a console their roles do not include. */
export function ForbiddenPage({ role, home }: { role: Role; home: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Standalone>
      <Result
        status="403"
        title={t('errors.forbidden.title')}
        subTitle={t('errors.forbidden.subtitle', { console: t(`roles.${role}`) })}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => void navigate(home)}>
              {t('errors.forbidden.backHome')}
            </Button>
            {isVerifiableRole(role) && (
              <Button onClick={() => void navigate(`/me/verification?role=${role}`)}>
                {t('errors.forbidden.apply', { role: t(`roles.${role}`) })}
              </Button>
            )}
          </Space>
        }
      />
    </Standalone>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Standalone>
      <Result
        status="404"
        title={t('errors.notFound.title')}
        subTitle={t('errors.notFound.subtitle')}
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </Standalone>
  );
}
