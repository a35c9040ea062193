import { Alert, Button, Modal, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LivePreflight, SellerLiveView } from '../../../../contracts/live';
import { MarkedViolations } from '../../../components/claim-hints';
import { ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useLivePreflight } from '../api/get-live-preflight';
import { useLiveClaimCopy } from './claim-copy';
import { liveEditorPath } from './paths';

const fields = [
  { pointer: '/title', key: 'title' },
  { pointer: '/script', key: 'script' },
] as const;

function Violations({ live, preflight }: { live: SellerLiveView; preflight: LivePreflight }) {
  const { t } = useTranslation();
  const copy = useLiveClaimCopy();
  return (
    <>
      {fields.map(({ pointer, key }) => {
        const found = preflight.violations.filter((v) => v.field === pointer);
        if (found.length === 0) return null;
        return (
          <section key={key} className="tt-preflight-field">
            <Typography.Text strong>{t(`lives.preflight.fields.${key}`)}</Typography.Text>
            {/* Offsets are into the text stored on the server, which the seller view carries. */}
            <MarkedViolations text={live[key]} violations={found} copy={copy} />
          </section>
        );
      })}
    </>
  );
}

/** 开播检查: asks the server what would refuse the stream right now, and shows it on the stored texts. */
export function PreflightModal({ live, onClose }: { live: SellerLiveView | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const preflight = useLivePreflight(live?.id);

  let body;
  if (!live) body = null;
  else if (preflight.isPending) body = <ConsoleLoading />;
  else if (preflight.isError) body = <ConsoleError error={preflight.error} onRetry={() => void preflight.refetch()} />;
  else {
    const p = preflight.data;
    const blocked = p.violations.length > 0;
    body = (
      <>
        {live.status !== 'scheduled' && (
          <Alert type="info" showIcon title={t('lives.preflight.notScheduled', { status: t(`lives.status.${live.status}`) })} style={{ marginBottom: 12 }} />
        )}
        {blocked ? (
          <>
            <Alert
              type="error"
              showIcon
              title={t('lives.preflight.blocked', { n: p.violations.length })}
              description={t('lives.preflight.blockedText')}
              style={{ marginBottom: 12 }}
            />
            <Violations live={live} preflight={p} />
          </>
        ) : (
          p.ready && <Result status="success" title={t('lives.preflight.ready')} subTitle={t('lives.preflight.readyText')} />
        )}
      </>
    );
  }

  const canEdit = live?.status === 'scheduled' && (preflight.data?.violations.length ?? 0) > 0;
  return (
    <Modal
      open={live !== undefined}
      title={live ? t('lives.preflight.title', { title: live.title }) : ''}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {canEdit && (
            <Button type="primary" onClick={() => void navigate(liveEditorPath(live.id))}>
              {t('lives.preflight.editNow')}
            </Button>
          )}
        </>
      }
    >
      {body}
    </Modal>
  );
}
