import { Button, Result, Selector } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { UserView, VerifiableRole, VerificationView } from '../../../../contracts/accounts';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { useMe } from '../../../lib/auth/get-me';
import { formatDateTime } from '../../../lib/format';
import { consolePath, isVerifiableRole, verifiableRoleList } from '../../../lib/roles';
import { latestVerification } from '../../../lib/verifications';
import { VerificationForm } from './verification-form';
import { VerificationTag } from './verification-tag';

function ApplicationDetails({ verification }: { verification: VerificationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <dl className="tt-kv">
      <dt>{t(`account.verification.organizationLabel.${verification.role}`)}</dt>
      <dd>{verification.organizationName}</dd>
      <dt>{t('account.verification.legalName')}</dt>
      <dd>{verification.legalName}</dd>
      <dt>{t('account.verification.idNumber')}</dt>
      <dd>{`************${verification.idNumberLast4}`}</dd>
      <dt>{t('account.verification.licence')}</dt>
      <dd>{verification.businessLicenceNo ?? t('common.none')}</dd>
      <dt>{t('account.verification.submittedAt')}</dt>
      <dd>{formatDateTime(verification.createdAt, language)}</dd>
      {verification.reviewedAt && (
        <>
          <dt>{t('account.verification.reviewedAt')}</dt>
          <dd>{formatDateTime(verification.reviewedAt, language)}</dd>
        </>
      )}
    </dl>
  );
}

function RoleStatus({ user, role }: { user: UserView; role: VerifiableRole }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reapplying, setReapplying] = useState(false);
  const latest = latestVerification(user, role);
  const roleName = t(`roles.${role}`);

  if (user.roles.includes(role)) {
    return (
      <div className="tt-status-card">
        <Result status="success" title={t('account.verification.approvedTitle', { role: roleName })} description={t(`account.verification.approvedHint.${role}`)} />
        {latest && <ApplicationDetails verification={latest} />}
        <div className="tt-form-footer">
          <Button block color="primary" onClick={() => void navigate(consolePath(role))}>
            {t('account.verification.openConsole', { console: t(`console.names.${role}`) })}
          </Button>
        </div>
      </div>
    );
  }

  if (latest?.status === 'pending') {
    return (
      <div className="tt-status-card">
        <Result status="waiting" title={t('account.verification.pendingTitle')} description={t('account.verification.pendingHint')} />
        <ApplicationDetails verification={latest} />
      </div>
    );
  }

  if (latest?.status === 'rejected' && !reapplying) {
    return (
      <div className="tt-status-card">
        <Result status="error" title={t('account.verification.rejectedTitle')} description={t('account.verification.rejectedHint')} />
        {latest.reason && (
          <p className="tt-reason">
            {t('account.verification.reason')}
            {latest.reason}
          </p>
        )}
        <ApplicationDetails verification={latest} />
        <div className="tt-form-footer">
          <Button block color="primary" onClick={() => setReapplying(true)}>
            {t('account.verification.reapply')}
          </Button>
        </div>
      </div>
    );
  }

  return <VerificationForm key={role} role={role} onSubmitted={() => setReapplying(false)} />;
}

export function VerificationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('role');
  const role: VerifiableRole = isVerifiableRole(requested) ? requested : 'seller';
  const me = useMe();

  let body;
  if (me.isPending) body = <MobileLoading rows={8} />;
  else if (!me.data) body = <MobileError error={me.error} onRetry={() => void me.refetch()} />;
  else {
    const user = me.data;
    const latest = latestVerification(user, role);
    body = (
      <>
        <section className="tt-section tt-section-body">
          <div role="group" aria-label={t('account.verification.chooseRole')}>
          <Selector
            columns={3}
            value={[role]}
            onChange={(values) => {
              const next = values[0];
              if (next) setParams({ role: next }, { replace: true });
            }}
            options={verifiableRoleList.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          </div>
          <p className="tt-muted" style={{ marginBottom: 0 }}>
            {t(`account.verification.roleIntro.${role}`)}
          </p>
          {latest && !user.roles.includes(role) && (
            <p className="tt-muted" style={{ marginBottom: 0 }}>
              {t('account.verification.currentStatus')} <VerificationTag status={latest.status} />
            </p>
          )}
        </section>
        <RoleStatus key={role} user={user} role={role} />
      </>
    );
  }

  return (
    <MobilePage title={t('account.verification.title')} backTo="/me">
      {body}
    </MobilePage>
  );
}
