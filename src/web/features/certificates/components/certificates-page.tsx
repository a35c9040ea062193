import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../contracts/compliance';
import { ConsoleEmpty, ConsoleError, ConsoleLoading, ConsoleRefreshError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useMyCertificates } from '../api/list-my-certificates';
import { validityOf } from './certificate-kinds';
import { CertificateCard } from './certificate-card';
import { CertificateFormModal, type CertificateDraft } from './certificate-form-modal';

/** Seller console → 资质证书: what the seller holds, what is under review, what runs out soon. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useMyCertificates();
  const [draft, setDraft] = useState<CertificateDraft>();
  const [formOpen, setFormOpen] = useState(false);

  const openForm = (initial?: CertificateDraft) => {
    setDraft(initial);
    setFormOpen(true);
  };

  const items = query.data ?? [];
  // Only approved certificates back claims, so only their expiry needs acting on.
  const expiring = items.filter((c) => c.status === 'approved' && validityOf(c).state === 'expiring');
  const expired = items.filter((c) => c.status === 'approved' && validityOf(c).state === 'expired');

  let body;
  if (query.isPending) body = <ConsoleLoading />;
  else if (query.isError && !query.data) body = <ConsoleError error={query.error} onRetry={() => void query.refetch()} />;
  else if (items.length === 0) {
    body = (
      <ConsoleEmpty title={t('certificates.empty')} description={t('certificates.emptyHint')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm()}>
          {t('certificates.addFirst')}
        </Button>
      </ConsoleEmpty>
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        {items.map((c: CertificateView) => (
          <Col key={c.id} xs={24} lg={12} xxl={8}>
            <CertificateCard
              certificate={c}
              rejectionAction={
                <Button size="small" onClick={() => openForm({ kind: c.kind, number: c.number, issuer: c.issuer, ...(c.fileId ? { fileId: c.fileId } : {}) })}>
                  {t('certificates.resubmit')}
                </Button>
              }
            />
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <Card
      title={t('certificates.title')}
      extra={
        <Space size={4}>
          <RefreshButton loading={query.isFetching && !query.isPending} onRefresh={() => void query.refetch()} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm()}>
            {t('certificates.add')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('certificates.intro')}
        </Typography.Paragraph>
        {expired.length > 0 && (
          <Alert type="error" showIcon title={t('certificates.expiredAlert', { n: expired.length })} description={t('certificates.expiredAlertHint')} />
        )}
        {expiring.length > 0 && (
          <Alert type="warning" showIcon title={t('certificates.expiringAlert', { n: expiring.length })} description={t('certificates.expiringAlertHint')} />
        )}
        {query.isError && query.data && <ConsoleRefreshError error={query.error} />}
        {body}
      </Space>
      <CertificateFormModal
        open={formOpen}
        draft={draft}
        onClose={() => setFormOpen(false)}
        onSubmitted={(created) => {
          setFormOpen(false);
          void message.success(t('certificates.submitted', { kind: t(`certificates.kinds.${created.kind}.label`) }));
        }}
      />
    </Card>
  );
}
