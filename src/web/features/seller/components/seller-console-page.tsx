import {
  AppstoreOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  ShoppingOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Tag } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { UserView, VerificationView } from '../../../../contracts/accounts';
import { ConsoleLayout, type ConsoleMenuItem } from '../../../components/console/console-layout';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useLanguage } from '../../../i18n';
import { useMe } from '../../../lib/auth/get-me';
import { formatDateTime } from '../../../lib/format';
import { latestVerification } from '../../../lib/verifications';

const applyPath = '/me/verification?role=seller';

function ApplicationSummary({ application }: { application: VerificationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={[
        { key: 'org', label: t('seller.application.organization'), children: application.organizationName },
        { key: 'name', label: t('seller.application.legalName'), children: application.legalName },
        { key: 'time', label: t('seller.application.submittedAt'), children: formatDateTime(application.createdAt, language) },
        {
          key: 'status',
          label: t('seller.application.status'),
          children: <Tag color={application.status === 'rejected' ? 'error' : application.status === 'approved' ? 'success' : 'warning'}>{t(`verificationStatus.${application.status}`)}</Tag>,
        },
      ]}
    />
  );
}

/** What a person without the seller role sees: where their application stands and what to do next. */
function NotYetSeller({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const latest = latestVerification(user, 'seller');

  if (latest?.status === 'pending') {
    return (
      <Card>
        <Result
          icon={<ClockCircleOutlined style={{ color: 'var(--tt-honey)' }} />}
          title={t('seller.pending.title')} subTitle={t('seller.pending.subtitle')} />
        <ApplicationSummary application={latest} />
      </Card>
    );
  }
  if (latest?.status === 'rejected') {
    return (
      <Card>
        <Result
          status="warning"
          title={t('seller.rejected.title')}
          subTitle={t('seller.rejected.subtitle')}
          extra={
            <Button type="primary" onClick={() => void navigate(applyPath)}>
              {t('seller.rejected.reapply')}
            </Button>
          }
        />
        {latest.reason && (
          <Alert
            type="error"
            showIcon
            title={t('seller.rejected.reason')}
            description={<span className="tt-pre-wrap">{latest.reason}</span>}
            style={{ marginBottom: 16 }}
          />
        )}
        <ApplicationSummary application={latest} />
      </Card>
    );
  }
  return (
    <Card>
      <Result
        icon={<FileProtectOutlined style={{ color: 'var(--tt-green)' }} />}
        title={t('seller.apply.title')}
        subTitle={t('seller.apply.subtitle')}
        extra={
          <Button type="primary" size="large" onClick={() => void navigate(applyPath)}>
            {t('seller.apply.cta')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {(['identity', 'review', 'sell'] as const).map((step, index) => (
          <Col xs={24} md={8} key={step}>
            <Card size="small" title={`${index + 1}. ${t(`seller.apply.steps.${step}.title`)}`}>
              {t(`seller.apply.steps.${step}.text`)}
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The console's index page; the other sections are child routes shown in its place. */
export function SellerOverview() {
  const { t } = useTranslation();
  const sections = [
    { key: 'products', icon: <AppstoreOutlined /> },
    { key: 'lives', icon: <VideoCameraOutlined /> },
    { key: 'orders', icon: <ShoppingOutlined /> },
  ] as const;
  return (
    <>
      <Alert type="success" showIcon title={t('seller.verified.title')} description={t('seller.verified.subtitle')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        {sections.map((section) => (
          <Col xs={24} md={8} key={section.key}>
            <Card
              title={
                <span>
                  {section.icon} {t(`seller.menu.${section.key}`)}
                </span>
              }
            >
              <ConsoleEmpty title={t(`seller.overview.${section.key}.title`)} description={t(`seller.overview.${section.key}.text`)} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function SellerConsolePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const isSeller = me.data?.roles.includes('seller') ?? false;
  // /seller/<section> → the menu key; /seller itself is the overview.
  const section = useLocation().pathname.split('/')[2] || 'overview';

  const items: ConsoleMenuItem[] = [
    { key: 'overview', icon: <DashboardOutlined />, label: t('seller.menu.overview') },
    { key: 'products', icon: <AppstoreOutlined />, label: t('seller.menu.products') },
    { key: 'lives', icon: <VideoCameraOutlined />, label: t('seller.menu.lives') },
    { key: 'orders', icon: <ShoppingOutlined />, label: t('seller.menu.orders') },
    { key: 'lots', icon: <QrcodeOutlined />, label: t('lots.menu') },
    { key: 'certificates', icon: <SafetyCertificateOutlined />, label: t('certificates.menu') },
    { key: 'claims', icon: <FileSearchOutlined />, label: t('claimCheck.menu') },
    { key: 'verification', icon: <FileProtectOutlined />, label: t('seller.menu.verification') },
  ];

  // A co-op account manages its members' products here, even without a shop of its own.
  const managesMemberProducts = section === 'products' && (me.data?.roles.includes('coop') ?? false);

  let body;
  if (me.isPending) body = <ConsoleLoading />;
  else if (!me.data) body = <ConsoleError error={me.error} onRetry={() => void me.refetch()} />;
  else
    body = isSeller || managesMemberProducts ? (
      <Suspense fallback={<ConsoleLoading />}>
        <Outlet />
      </Suspense>
    ) : (
      <NotYetSeller user={me.data} />
    );

  return (
    <ConsoleLayout
      role="seller"
      items={items}
      selectedKey={section}
      onSelect={(key) => {
        if (key === 'verification') void navigate(applyPath);
        else void navigate(key === 'overview' ? '/seller' : `/seller/${key}`);
      }}
    >
      {body}
    </ConsoleLayout>
  );
}
